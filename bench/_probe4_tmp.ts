import { createDatabase } from '../apps/server/src/db/database.js';
import { listCases } from '../apps/server/src/modules/cases/cases.queries.js';
import { listCases as oldListCases } from '/tmp/ledger-before/apps/server/src/modules/cases/cases.queries.js';
const url = process.env.DATABASE_URL || '';
const isPg = url.startsWith('postgres');
const database = createDatabase({ url: isPg ? url : `${process.env.BENCH_DIR}/lianxin.sqlite`, schema: isPg ? 'bench_scale_1000000' : undefined, poolSize: 2 });
const scope = { areaRanges: [['369901', '369902']] as [string, string][], unitIds: ['unit-center'] };
const now = new Date();
const res: Record<string, { wall: number[]; cpu: number[] }> = { old: { wall: [], cpu: [] }, new: { wall: [], cpu: [] } };
for (let i = 0; i < 11; i++) {
  for (const [name, fn] of [['old', oldListCases], ['new', listCases]] as const) {
    const c = process.cpuUsage(); const t = performance.now();
    const page = await (fn as any)(database.db, scope, { overdue: true, limit: 50 }, now);
    const wall = performance.now() - t; const cpu = process.cpuUsage(c);
    if (i > 0) { res[name]!.wall.push(wall); res[name]!.cpu.push((cpu.user + cpu.system) / 1000); }
    if (i === 0) console.log(name, page.items.slice(0, 3).map((r: any) => r.id).join(','));
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
for (const [k, v] of Object.entries(res)) console.log(k, 'wall p50', med(v.wall), 'ms, cpu p50', med(v.cpu), 'ms');
await database.close();
process.exit(0);

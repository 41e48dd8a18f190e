import { CompiledQuery } from 'kysely';
import { createDatabase } from '../apps/server/src/db/database.js';
import { listCases } from '../apps/server/src/modules/cases/cases.queries.js';
const url = process.env.DATABASE_URL || '';
const isPg = url.startsWith('postgres');
const dir = process.env.BENCH_DIR!;
const database = createDatabase({ url: isPg ? url : `${dir}/lianxin.sqlite`, schema: isPg ? 'bench_scale_1000000' : undefined, poolSize: 2 });
const sent: CompiledQuery[] = [];
const real = database.db;
const db = new Proxy(real, { get(t, k) { if (k === 'executeQuery') return (q: CompiledQuery) => (sent.push(q), t.executeQuery(q)); const v = Reflect.get(t, k); return typeof v === 'function' ? v.bind(t) : v; } });
const scope = { areaRanges: [['369901', '369902']] as [string, string][], unitIds: ['unit-center'] };
const now = new Date();
const from = new Date(now.getTime() - 30 * 86400000).toISOString();
for (const [name, q] of [['overdue', { overdue: true, limit: 50 }], ['export', { from, limit: 1000 }]] as const) {
  let cursor: string | undefined;
  for (let p = 0; p < 3; p++) {
    const t = performance.now();
    const page = await listCases(db as any, scope, { ...q, cursor } as any, now);
    console.log(name, 'page', p, (performance.now() - t).toFixed(1), 'ms', page.items.length);
    cursor = page.nextCursor ?? undefined;
  }
}
// plans: compile via builder
const b = real.selectFrom('cases').selectAll().where('registeredAt', '>=', from).where((eb) => eb.or([eb.and([eb('cases.areaCode', '>=', '369901'), eb('cases.areaCode', '<', '369902')]), eb('cases.currentUnitId', 'in', ['unit-center'])]))
  .where((eb) => eb(eb.refTuple('cases.registeredAt', 'cases.id'), '<', eb.tuple(now.toISOString(), 'x'))).orderBy('registeredAt', 'desc').orderBy('id', 'desc').limit(1001).compile();
const plan = await real.executeQuery(CompiledQuery.raw(`${isPg ? 'explain' : 'explain query plan'} ${b.sql}`, [...b.parameters]));
console.log((plan.rows as any[]).map((r) => String(isPg ? Object.values(r)[0] : r.detail)).join('\n'));
await database.close();
process.exit(0);

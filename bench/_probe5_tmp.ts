import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDatabase } from '../apps/server/src/db/database.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';
import { casesRepository } from '../apps/server/src/modules/cases/cases.repository.js';
import { listCases } from '../apps/server/src/modules/cases/cases.queries.js';
import { writeLedger } from '../apps/server/src/modules/cases/cases.export.js';
import { listCases as oldList } from '/tmp/ledger-before/apps/server/src/modules/cases/cases.queries.js';
import { writeLedger as oldWrite } from '/tmp/ledger-before/apps/server/src/modules/cases/cases.export.js';
const url = process.env.DATABASE_URL || '';
const isPg = url.startsWith('postgres');
const dir = process.env.BENCH_DIR!;
const database = createDatabase({ url: isPg ? url : `${dir}/lianxin.sqlite`, schema: isPg ? 'bench_scale_1000000' : undefined, poolSize: 2 });
const db = database.db;
const cipher = createCipher(loadMasterKey(dir));
const scope = { areaRanges: [['369901', '369902']] as [string, string][], unitIds: ['unit-center'] };
const now = new Date();
const DAYS = Number(process.env.DAYS ?? 4);
const from = new Date(now.getTime() - DAYS * 86400000).toISOString();
const names = await casesRepository.allNames(db);
const query = { from } as any;
for (let round = 0; round < 2; round++) {
  for (const [name, list, write] of ((process.env.ONLY_NEW ? [['new', listCases, writeLedger]] : [['old', oldList, oldWrite], ['new', listCases, writeLedger]]) as any)) {
    const c = process.cpuUsage(); const t = performance.now();
    let bytes = 0; let rows = 0;
    const file = (write as any)({ pages: async (cursor: string | undefined, limit: number) => { const p = await (list as any)(db, scope, { from, cursor, limit }, now); rows += p.items.length; return p; }, names, query, locale: 'zh-CN', now, cipher, onError: (e: unknown) => console.error(e) });
    await pipeline(file.stream, new Writable({ write: (ch: Buffer, _e, d) => ((bytes += ch.length), d()) }));
    const wall = (performance.now() - t) / 1000; const cpu = process.cpuUsage(c); const cs = (cpu.user + cpu.system) / 1e6;
    console.log(`${name}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB, wall ${wall.toFixed(1)} s (${Math.round(rows / wall)} rows/s), cpu ${cs.toFixed(1)} s (${Math.round(rows / cs)} rows per CPU-s)`);
  }
}
await database.close();
process.exit(0);

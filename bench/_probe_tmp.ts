import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { CaseListQuerySchema, type Role } from '@lianxin/core';
import { createClock } from '../apps/server/src/clock.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { createAuthRepository } from '../apps/server/src/modules/auth/auth.repository.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';
import { createServices } from '../apps/server/src/services.js';
const url = process.env.DATABASE_URL || '';
const isPg = url.startsWith('postgres');
const dir = process.env.BENCH_DIR!;
const schema = isPg ? 'bench_scale_1000000' : undefined;
const database = createDatabase({ url: isPg ? url : `${dir}/lianxin.sqlite`, schema, poolSize: 2 });
let rec: CompiledQuery[] | null = null;
const recorder: KyselyPlugin = {
  transformQuery(args): RootOperationNode { if (rec && args.node.kind === 'SelectQueryNode') rec.push(database.db.getExecutor().compileQuery(args.node, args.queryId)); return args.node; },
  transformResult: async (a) => a.result,
};
const db = database.db.withPlugin(recorder);
const clock = createClock();
const services = createServices({ database: { ...database, db }, config: { ...loadConfig({ LIANXIN_DATA_DIR: dir }), runJobs: false }, cipher: createCipher(loadMasterKey(dir)), clock });
const auth = createAuthRepository(database.db);
const busiest = await database.db.selectFrom('cases').select(['currentUnitId', (eb) => eb.fn.countAll<number>().as('n')]).where('status', 'in', ['assigned', 'handling', 'reopened']).where('currentUnitId', 'is not', null).groupBy('currentUnitId').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
console.log('busiest', busiest);
const actorOf = async (roles: string[], where: (q: any) => any) => {
  const row = await where(database.db.selectFrom('userRoles').innerJoin('units', 'units.id', 'userRoles.unitId').select(['userRoles.userId', 'userRoles.role']).where('userRoles.role', 'in', roles)).orderBy((eb: any) => eb.fn('length', ['units.areaCode'])).orderBy('units.areaCode').limit(1).executeTakeFirstOrThrow();
  console.log('actor', row);
  const grants = (await auth.findGrants(row.userId)).map((g) => ({ ...g, role: g.role as Role }));
  return { userId: row.userId, username: 'x', displayName: 'x', locale: 'zh-CN' as const, grants, sessionId: '', csrfToken: '' };
};
const county = await actorOf(['dispatcher'], (q) => q);
const handler = await actorOf(['handler', 'unit_head'], (q) => q.where('units.id', '=', busiest.currentUnitId));
const list = (q: Record<string, string>) => CaseListQuerySchema.parse({ limit: '50', ...q });
for (const [name, run] of [
  ['ledger_unit', () => services.cases.list(county, list({ unitId: busiest.currentUnitId! }))],
  ['ledger_first_page', () => services.cases.list(county, list({}))],
  ['inbox', () => services.cases.inbox(handler, 20)],
] as const) {
  rec = [];
  await run();
  const qs = rec; rec = null;
  console.log(`## ${name}`);
  for (const q of qs) {
    if (!/"cases"/.test(q.sql)) continue;
    const t = performance.now();
    for (let i = 0; i < 5; i++) await database.db.executeQuery(q);
    const ms = (performance.now() - t) / 5;
    const plan = await database.db.executeQuery(CompiledQuery.raw(`${isPg ? 'explain (analyze, buffers, costs off)' : 'explain query plan'} ${q.sql}`, [...q.parameters]));
    console.log(`${ms.toFixed(1)} ms  ${q.sql.slice(0, 260)}\n   ${(plan.rows as any[]).map((r) => String(isPg ? Object.values(r)[0] : r.detail)).join('\n   ')}`);
  }
}
await services.noticeBus.close?.();
await database.close();
process.exit(0);

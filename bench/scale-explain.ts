import { CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { CaseListQuerySchema, CaseSearchQuerySchema, MapCasesQuerySchema, MetricsQuerySchema, type Role } from '@lianxin/core';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createClock } from '../apps/server/src/clock.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { createAuthRepository } from '../apps/server/src/modules/auth/auth.repository.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';
import { createServices } from '../apps/server/src/services.js';

/**
 * The query plans of the heavy daily reads on a database bench:scale built (same BENCH_CASES,
 * DATABASE_URL, BENCH_DIR / BENCH_SCHEMA): each path is called once through the services while its
 * SQL is recorded, then every statement is explained — SQLite's EXPLAIN QUERY PLAN, PostgreSQL's
 * EXPLAIN (ANALYZE, BUFFERS). Prints Markdown for bench/README.md.
 */
const N = Number(process.env.BENCH_CASES ?? 100_000);
const url = process.env.DATABASE_URL || '';
const isPg = /^postgres(ql)?:\/\//.test(url);
const dir = process.env.BENCH_DIR ?? `/tmp/lianxin-scale/${isPg ? 'pg-' : ''}${N}`;
const schema = isPg ? (process.env.BENCH_SCHEMA ?? `bench_scale_${N}`) : undefined;

interface Recorded { sql: string; parameters: readonly unknown[] }

async function main() {
  const database = createDatabase({ url: isPg ? url : `${dir}/lianxin.sqlite`, schema, poolSize: 2 });
  await migrateToLatest(database.db, schema);
  let recording: Recorded[] | null = null;
  const recorder: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (recording && (args.node.kind === 'SelectQueryNode' || args.node.kind === 'RawNode')) {
        const compiled = database.db.getExecutor().compileQuery(args.node, args.queryId);
        // Raw statements too: the full-text lookups (search-index/fts.ts) are written in SQL.
        if (/^\s*(select|with)\b/i.test(compiled.sql)) recording.push({ sql: compiled.sql, parameters: compiled.parameters });
      }
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
  // The recorder runs after the camel-case plugin, so it sees the SQL as sent.
  const db = database.db.withPlugin(recorder);
  const clock = createClock();
  const cipher = createCipher(loadMasterKey(dir));
  const services = createServices({ database: { ...database, db }, config: { ...loadConfig({ LIANXIN_DATA_DIR: dir }), runJobs: false }, cipher, clock });
  const auth = createAuthRepository(database.db);
  const actorWith = async (roles: string[], where: (q: any) => any): Promise<Actor> => {
    const row = await where(database.db.selectFrom('userRoles').innerJoin('units', 'units.id', 'userRoles.unitId').select(['userRoles.userId', 'units.areaCode']).where('userRoles.role', 'in', roles))
      .orderBy((eb: any) => eb.fn('length', ['units.areaCode'])).orderBy('units.areaCode').limit(1).executeTakeFirstOrThrow();
    const grants = (await auth.findGrants(row.userId)).map((g) => ({ ...g, role: g.role as Role }));
    return { userId: row.userId, username: 'x', displayName: 'x', locale: 'zh-CN', grants, sessionId: '', csrfToken: '' };
  };
  const county = await actorWith(['dispatcher'], (q) => q);
  const leader = await actorWith(['leader'], (q) => q);
  const yearAgo = new Date(clock.now().getTime() - 365 * 86_400_000).toISOString();
  const village = await actorWith(['registrar', 'stationed_cadre'], (q) => q.where((eb: any) => eb(eb.fn('length', ['units.areaCode']), '>=', 12)).where('units.areaCode', 'not like', '%000'));
  const busiest = await database.db.selectFrom('cases').select(['currentUnitId', (eb) => eb.fn.countAll<number>().as('n')]).where('status', 'in', ['assigned', 'handling', 'reopened'])
    .where('currentUnitId', 'is not', null).groupBy('currentUnitId').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
  const b = await database.db.selectFrom('cases').select((eb) => [eb.fn.min<number>('lat').as('a'), eb.fn.min<number>('lng').as('b'), eb.fn.max<number>('lat').as('c'), eb.fn.max<number>('lng').as('d')]).where('lat', 'is not', null).executeTakeFirstOrThrow();
  const list = (q: Record<string, string>) => CaseListQuerySchema.parse({ limit: '50', ...q });
  const probe = await database.db.selectFrom('cases').select('id').where('code', 'like', 'BS-%').orderBy('registeredAt', 'desc').limit(1).executeTakeFirstOrThrow();
  const paths: Array<[string, () => Promise<unknown>]> = [
    ['ledger_first_page', () => services.cases.list(county, list({}))],
    ['ledger_overdue', () => services.cases.list(county, list({ overdue: 'true' }))],
    ['ledger_unit', () => services.cases.list(county, list({ unitId: busiest.currentUnitId! }))],
    ['ledger_text_nomatch', () => services.cases.list(county, list({ q: '彩票' }))],
    ['ledger_text_common', () => services.cases.list(county, list({ q: '低保' }))],
    ['metrics_year', () => services.metrics.report(leader, MetricsQuerySchema.parse({ groupBy: 'unit', from: yearAgo }), 'zh-CN')],
    ['metrics_30d', () => services.metrics.report(leader, MetricsQuerySchema.parse({}), 'zh-CN')],
    ['case_map_90d', () => services.map.cases(county, MapCasesQuerySchema.parse({ bbox: `${b.b},${b.a},${b.d},${b.c}`, zoom: '11', days: '90' }))],
    ['case_map_366d', () => services.map.cases(county, MapCasesQuerySchema.parse({ bbox: `${b.b},${b.a},${b.d},${b.c}`, zoom: '11', days: '366' }))],
    ['search_county', () => services.search.searchCases(county, CaseSearchQuerySchema.parse({ q: '低保', limit: '20' }))],
    ['search_village', () => services.search.searchCases(village, CaseSearchQuerySchema.parse({ q: '低保', limit: '20' }))],
    ['similar', () => services.similar.forCase(county, probe.id, 5)],
  ];
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  const total = Number((await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  console.log(`### ${isPg ? 'PostgreSQL' : 'SQLite'}, ${total.toLocaleString()} cases — query plans (${new Date().toISOString()})\n`);
  for (const [name, run] of paths) {
    if (only && !only.has(name)) continue;
    recording = [];
    await run();
    const statements = recording;
    recording = null;
    console.log(`#### ${name}\n`);
    for (const s of statements) {
      if (/from "?(settings|units|areas|categories|users|user_roles|counters)"?\b/i.test(s.sql) && !/"?cases"?/.test(s.sql.replace(/case_search\w*/g, ''))) continue;
      const explain = await database.db.executeQuery(CompiledQuery.raw(`${isPg ? 'explain (analyze, buffers, costs off)' : 'explain query plan'} ${s.sql}`, [...s.parameters]));
      const plan = (explain.rows as Array<Record<string, unknown>>).map((r) => String(isPg ? Object.values(r)[0] : r.detail));
      const shown = s.sql.length > 400 ? `${s.sql.slice(0, 400)} …` : s.sql;
      // The statement's own time, run once more after the call warmed the cache.
      const started = performance.now();
      await database.db.executeQuery(CompiledQuery.raw(s.sql, [...s.parameters]));
      const ms = Math.round((performance.now() - started) * 10) / 10;
      console.log('```\n' + shown + '\n--\n' + plan.join('\n') + `\n-- ${ms} ms\n` + '```\n');
    }
  }
  await services.noticeBus.close?.();
  await database.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { CaseExportQuerySchema, CaseListQuerySchema, CaseSearchQuerySchema, MapCasesQuerySchema, MetricsQuerySchema, type Role } from '@lianxin/core';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createClock } from '../apps/server/src/clock.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/db/seed/demo.js';
import { createAuthRepository } from '../apps/server/src/modules/auth/auth.repository.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';
import { createServices } from '../apps/server/src/services.js';
import { percentile, round, WORDS } from './knowledge-common.js';
import { generateScaleCases } from './scale-data.js';
import { freePort, startProcess } from './processes.js';

/**
 * npm run bench:scale — every daily read of issue 19 on N cases (BENCH_CASES, default 100,000), on
 * SQLite or, with DATABASE_URL, on PostgreSQL. The database is kept and reused: SQLite in
 * /tmp/lianxin-scale/<N>/ (BENCH_DIR to choose), PostgreSQL in the schema bench_scale_<N> of
 * DATABASE_URL's database; BENCH_FRESH=1 rebuilds it, BENCH_DROP=1 drops it afterwards. Missing cases
 * are generated inside the database (scale-data.ts), so a kept one only migrates and measures.
 *
 * Each read runs BENCH_RUNS times (default 30; search 100 over the knowledge benches' words) through
 * the services, as the routes call them, after one warm-up. Then registration through HTTP next to a
 * bare insert route on the same database (BENCH_SECONDS each, default 5; ports asked of the kernel).
 * Prints a table, then as its last line one JSON object (issue 19 item 6).
 */
const N = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** BENCH_PATHS=search_county,similar measures only those paths (and `export` only when named). */
const ONLY = process.env.BENCH_PATHS ? new Set(process.env.BENCH_PATHS.split(',')) : null;
const url = process.env.DATABASE_URL || '';
const isPg = /^postgres(ql)?:\/\//.test(url);
const dir = process.env.BENCH_DIR ?? `/tmp/lianxin-scale/${isPg ? 'pg-' : ''}${N}`;
const schema = isPg ? (process.env.BENCH_SCHEMA ?? `bench_scale_${N}`) : undefined;
const PASSWORD = 'Lianxin@2026';
const log = (line: string) => process.stderr.write(`${line}\n`);

type Timing = { p50: number; p95: number };
const timing = (xs: number[]): Timing => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)) });

async function times(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(0);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    out.push(performance.now() - started);
  }
  return out;
}


async function main() {
  if (process.env.BENCH_FRESH) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (isPg) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    if (process.env.BENCH_FRESH) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
  }
  const dbUrl = isPg ? url : join(dir, 'lianxin.sqlite');
  const database = createDatabase({ url: dbUrl, schema, poolSize: 4 });
  const { db } = database;
  const clock = createClock();
  const cipher = createCipher(loadMasterKey(dir));
  const t0 = performance.now();
  await migrateToLatest(db, schema);
  const migrateSeconds = (performance.now() - t0) / 1000;
  const seeded = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!seeded) {
    log('seeding the demo county …');
    await seedDemo({ db, cipher, clock, caseCount: 200 });
  }
  const count = async () => Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const have = await count();
  const generated = { cases: 0, generate: 0, index: 0 };
  if (have < N) {
    const first = Number((await sql<{ n: number | null }>`select count(*) as n from cases where code like 'BS-%'`.execute(db)).rows[0]!.n ?? 0) + 1;
    log(`generating ${(N - have).toLocaleString()} cases (${have.toLocaleString()} there) …`);
    const s = await generateScaleCases(db, isPg ? 'postgres' : 'sqlite', first, N - have, clock.now());
    Object.assign(generated, { cases: N - have, ...s });
    log(`  generated in ${s.generate.toFixed(1)} s, indexed in ${s.index.toFixed(1)} s`);
  } else {
    log(`reusing ${have.toLocaleString()} cases in ${isPg ? `schema ${schema}` : dbUrl} (migrated in ${migrateSeconds.toFixed(1)} s)`);
  }
  const total = await count();

  const config = { ...loadConfig({ ...process.env, LIANXIN_DATA_DIR: dir, DATABASE_URL: dbUrl }), runJobs: false };
  const services = createServices({ database, config, cipher, clock });
  const auth = createAuthRepository(db);
  const actorOf = async (userId: string): Promise<Actor> => {
    const user = await db.selectFrom('users').select(['id', 'username', 'displayName']).where('id', '=', userId).executeTakeFirstOrThrow();
    const grants = (await auth.findGrants(userId)).map((g) => ({ ...g, role: g.role as Role }));
    return { userId: user.id, username: user.username, displayName: user.displayName, locale: 'zh-CN', grants, sessionId: '', csrfToken: '' };
  };
  const userWith = async (roles: string[], unitWhere: (q: any) => any) => {
    const row = await unitWhere(
      db.selectFrom('userRoles').innerJoin('units', 'units.id', 'userRoles.unitId').innerJoin('users', 'users.id', 'userRoles.userId')
        .select(['userRoles.userId', 'users.username', 'units.id as unitId', 'units.areaCode']).where('userRoles.role', 'in', roles),
    ).orderBy((eb: any) => eb.fn('length', ['units.areaCode'])).orderBy('units.areaCode').limit(1).executeTakeFirst();
    if (!row) throw new Error(`no user with ${roles.join('/')}`);
    return row as { userId: string; username: string; unitId: string; areaCode: string };
  };
  const countyUser = await userWith(['dispatcher'], (q) => q);
  const leaderUser = await userWith(['leader'], (q) => q);
  const villageUser = await userWith(['registrar', 'stationed_cadre'], (q) => q.where((eb: any) => eb(eb.fn('length', ['units.areaCode']), '>=', 12)).where('units.areaCode', 'not like', '%000'));
  const busiest = (await db.selectFrom('cases').select(['currentUnitId', (eb) => eb.fn.countAll<number>().as('n')]).where('status', 'in', ['assigned', 'handling', 'reopened'])
    .where('currentUnitId', 'is not', null).groupBy('currentUnitId').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow());
  const handlerUser = await userWith(['handler', 'unit_head'], (q) => q.where('units.id', '=', busiest.currentUnitId));
  const [county, leader, village, handler] = await Promise.all([countyUser, leaderUser, villageUser, handlerUser].map((u) => actorOf(u.userId)));
  const bounds = (await db.selectFrom('cases').select((eb) => [eb.fn.min<number>('lat').as('minLat'), eb.fn.max<number>('lat').as('maxLat'), eb.fn.min<number>('lng').as('minLng'), eb.fn.max<number>('lng').as('maxLng')])
    .where('lat', 'is not', null).executeTakeFirstOrThrow());
  const bbox = `${bounds.minLng},${bounds.minLat},${bounds.maxLng},${bounds.maxLat}`;
  const nowMs = clock.now().getTime();
  const daysAgo = (d: number) => new Date(nowMs - d * 86_400_000).toISOString();
  const list = (q: Record<string, string>) => CaseListQuerySchema.parse({ limit: '50', ...q });
  const probes = await db.selectFrom('cases').select('id').where('code', 'like', 'BS-%').orderBy('registeredAt', 'desc').limit(RUNS + 1).execute();
  const township = countyUser.areaCode.length === 12 ? null : null;
  void township;

  const paths: Record<string, Timing> = {};
  const notes: Record<string, string> = {};
  const measure = async (name: string, n: number, fn: (i: number) => Promise<unknown>) => {
    if (ONLY && !ONLY.has(name)) return;
    log(`  ${name} …`);
    paths[name] = timing(await times(n, fn));
    log(`    ${name}: p50 ${paths[name]!.p50} ms, p95 ${paths[name]!.p95} ms`);
  };
  log(`measuring on ${total.toLocaleString()} cases (${isPg ? 'postgres' : 'sqlite'}) …`);
  await measure('ledger_first_page', RUNS, () => services.cases.list(county, list({})));
  await measure('ledger_overdue', RUNS, () => services.cases.list(county, list({ overdue: 'true' })));
  await measure('ledger_unit', RUNS, () => services.cases.list(county, list({ unitId: busiest.currentUnitId! })));
  await measure('ledger_text_nomatch', RUNS, () => services.cases.list(county, list({ q: '彩票' })));
  await measure('inbox_busy_unit', RUNS, () => services.cases.inbox(handler, 20));
  notes.inbox_busy_unit = `${Number(busiest.n).toLocaleString()} open cases in the unit`;
  await measure('metrics_year', RUNS, () => services.metrics.report(leader, MetricsQuerySchema.parse({ groupBy: 'unit', from: daysAgo(365) }), 'zh-CN'));
  await measure('metrics_30d', RUNS, () => services.metrics.report(leader, MetricsQuerySchema.parse({}), 'zh-CN'));
  const map = async (days: number) => services.map.cases(county, MapCasesQuerySchema.parse({ bbox, zoom: '11', days: String(days) }));
  await measure('case_map_90d', RUNS, () => map(90));
  await measure('case_map_366d', RUNS, () => map(366));
  const search = (actor: Actor, i: number) => services.search.searchCases(actor, CaseSearchQuerySchema.parse({ q: WORDS[(i * 11) % WORDS.length]!, limit: '20' }));
  let partial = 0;
  let searches = 0;
  await measure('search_county', SEARCHES, (i) => search(county, i));
  await measure('search_village', SEARCHES, async (i) => {
    const page = await search(village, i);
    searches++;
    if (page.partial) partial++;
  });
  await measure('similar', RUNS, (i) => services.similar.forCase(county, probes[i % probes.length]!.id, 5));

  // Export: the county's last 30 days, streamed to nowhere; rows per second of the whole answer.
  const exportQuery = CaseExportQuerySchema.parse({ from: daysAgo(30) });
  const exportRows = ONLY && !ONLY.has('export') ? 0 : Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('registeredAt', '>=', exportQuery.from!).executeTakeFirstOrThrow()).n);
  let exportRowsPerSecond = 0;
  if (exportRows > 0) {
    log(`  export of ${exportRows.toLocaleString()} rows …`);
    const exportStarted = performance.now();
    let bytes = 0;
    const file = await services.cases.exportLedger(county, exportQuery, 'zh-CN', (error) => log(`export failed: ${String(error)}`));
    await pipeline(file.stream, new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) }));
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    exportRowsPerSecond = Math.round(exportRows / exportSeconds);
    notes.export = `${exportRows.toLocaleString()} rows, ${(bytes / 1e6).toFixed(1)} MB in ${exportSeconds.toFixed(1)} s`;
  } else notes.export = 'not measured (BENCH_PATHS)';
  await services.noticeBus.close?.();
  await database.close();

  // Registration through the API next to a bare one-row insert on the same database (BENCH_SECONDS=0 skips it).
  let registerRatio = 0;
  let registerP99 = 0;
  if (SECONDS > 0) {
    try {
      [registerRatio, registerP99] = await measureRegistration();
    } catch (error) {
      notes.register = `not measured: ${String(error)}`;
    }
  } else notes.register = 'not measured (BENCH_SECONDS=0)';

  async function measureRegistration(): Promise<[number, number]> {
  log(`registration: API and bare insert, 16 connections, ${SECONDS} s each …`);
  const serverPort = await freePort();
  const barePort = await freePort();
  const env = { HOST: '127.0.0.1', LIANXIN_DATA_DIR: dir, DATABASE_URL: dbUrl, DATABASE_SCHEMA: schema ?? '', LIANXIN_JOBS: 'false', LOG_LEVEL: 'warn' };
  const server = await startProcess('apps/server/src/main.ts', { ...env, PORT: String(serverPort) }, `http://127.0.0.1:${serverPort}/api/health`);
  const bare = await startProcess('bench/bare-insert-server.ts', { PORT: String(barePort), BARE_DB: isPg ? url : join(dir, 'bare.sqlite'), BARE_SCHEMA: schema ?? '' }, `http://127.0.0.1:${barePort}/health`);
  try {
    const base = `http://127.0.0.1:${serverPort}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: villageUser.username, password: PASSWORD }) });
    if (!login.ok) throw new Error(`sign-in failed: ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    let k = 0;
    const body = () => JSON.stringify({ channel: 'phone', kind: 'help', categoryCode: 'social.dibao', title: `申请低保进度查询${k}`, content: `去年十月递交了低保申请，想了解审核进度，编号${k}。`,
      requester: { name: '测试群众', phone: `139${String(10_000_000 + (k++ % 89_999_999)).padStart(8, '0')}` }, areaCode: villageUser.areaCode });
    const bareRun = await autocannon({ connections: 16, duration: SECONDS, url: `http://127.0.0.1:${barePort}/bare`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '申请低保进度查询' }) });
    const api = await autocannon({ connections: 16, duration: SECONDS, url: `${base}/api/cases`,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, setupRequest: (req) => ({ ...req, body: body() }) }] });
    if (api.non2xx > 0) throw new Error(`${api.non2xx} registrations failed`);
    notes.register = `${Math.round(api.requests.average)}/s through the API (p99 ${api.latency.p99} ms), ${Math.round(bareRun.requests.average)}/s bare (p99 ${bareRun.latency.p99} ms)`;
    return [round(api.requests.average / bareRun.requests.average), api.latency.p99];
  } finally {
    server.kill('SIGTERM');
    bare.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  }
  }

  const load = loadavg().map((x) => round(x));
  const result = {
    db: isPg ? ('postgres' as const) : ('sqlite' as const),
    cases: total,
    load,
    paths,
    registerRatio,
    searchPartialShare: searches ? round(partial / searches) : 0,
    exportRowsPerSecond,
  };
  const targets: Record<string, number> = { ledger_first_page: 50, ledger_overdue: 50, ledger_unit: 50, ledger_text_nomatch: 100, inbox_busy_unit: 50, metrics_year: 200, metrics_30d: 100, case_map_90d: 100, case_map_366d: 100, search_county: 50, search_village: 50, similar: 20 };
  console.log(`\nbench:scale · ${result.db} · ${total.toLocaleString()} cases · load ${load.join(' / ')} · ${new Date().toISOString()}`);
  if (generated.cases) console.log(`generated ${generated.cases.toLocaleString()} cases in ${generated.generate.toFixed(1)} s, indexed in ${generated.index.toFixed(1)} s`);
  console.log('\n| path | p50 ms | p95 ms | target p95 | |\n|---|---|---|---|---|');
  for (const [name, t] of Object.entries(paths)) {
    const target = targets[name];
    console.log(`| ${name} | ${t.p50} | ${t.p95} | < ${target} | ${t.p95 < target! ? 'met' : 'MISSED'}${notes[name] ? ` · ${notes[name]}` : ''} |`);
  }
  console.log(`| search_village answers partial | ${partial} of ${searches} | | 0 | ${partial === 0 ? 'met' : 'MISSED'} |`);
  console.log(`| export rows/s | ${exportRowsPerSecond.toLocaleString()} | | ≥ 20,000 | ${exportRowsPerSecond >= 20_000 ? 'met' : 'MISSED'} · ${notes.export} |`);
  console.log(`| registration ÷ bare | ${registerRatio} | p99 ${registerP99} ms | ≥ 0.2, p99 < 50 | ${notes.register} |\n`);
  console.log(JSON.stringify(result));

  if (process.env.BENCH_DROP) {
    if (isPg) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    } else rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
void existsSync;
void readFileSync;

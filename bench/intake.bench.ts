import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/db/seed/demo.js';
import { ensureReferenceData } from '../apps/server/src/db/seed/reference.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';
import { generateCases } from './generate-cases.js';
import { freePort, startProcess } from './processes.js';

/**
 * npm run bench:intake — registrations per second through HTTP next to a bare insert route,
 * inbox latency with a million cases, and the server's peak memory. Prints its figures.
 *
 * BENCH_COMPARE_TREE=<another checkout> measures that tree's server too, on a copy of the same
 * database, each measurement taken on both servers one after the other in this one run — a
 * before/after on equal terms. Ports are free ones asked of the kernel.
 */
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 16;
const PASSWORD = 'Lianxin@2026';
const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-bench-'));
const dbFile = join(dataDir, 'lianxin.sqlite');

/** A free TCP port on 127.0.0.1 (asked of the kernel, so parallel runs never collide). */

/** Peak resident memory of a process, in MB (VmHWM: the high-water mark the kernel keeps). */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM'))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function signIn(base: string, username: string) {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${await response.text()}`);
  const me = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0], csrf: me.csrfToken };
}

type Timing = { p50: number; p95: number };

async function timeRequests(url: string, cookie: string, count: number): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}
const round = (n: number) => Math.round(n * 100) / 100;

async function main() {
  console.log(`seeding ${CASES.toLocaleString()} cases into ${dbFile} …`);
  const database = createDatabase({ url: dbFile });
  await migrateToLatest(database.db);
  await ensureReferenceData(database.db);
  const cipher = createCipher(loadMasterKey(dataDir));
  await seedDemo({ db: database.db, cipher, clock: createClock(), caseCount: 200 });
  await database.close();
  const sqlite = new SQLite(dbFile);
  const generated = generateCases(sqlite, CASES);
  const pick = (sql: string) => (sqlite.prepare(sql).get() as { username: string }).username;
  const registrar = pick("SELECT u.username FROM users u JOIN user_roles r ON r.user_id = u.id JOIN units n ON n.id = r.unit_id WHERE r.role = 'registrar' ORDER BY length(n.area_code), n.area_code LIMIT 1");
  const dispatcher = pick("SELECT u.username FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'dispatcher' LIMIT 1");
  const busiestUnit = (sqlite.prepare("SELECT current_unit_id AS id, count(*) AS n FROM cases WHERE status IN ('assigned','handling','reopened') GROUP BY current_unit_id ORDER BY n DESC LIMIT 1").get() as { id: string; n: number });
  const handler = pick(`SELECT u.username FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role IN ('handler', 'unit_head') AND r.unit_id = '${busiestUnit.id}' LIMIT 1`);
  const village = (sqlite.prepare("SELECT code FROM areas WHERE level = 'village' LIMIT 1").get() as { code: string }).code;
  const total = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  sqlite.close();
  console.log(`  ${total.toLocaleString()} cases in ${generated.seconds.toFixed(1)} s of bulk insert`);

  const compareTree = process.env.BENCH_COMPARE_TREE;
  const servers: Array<{ name: string; tree: string; dir: string }> = [{ name: 'this tree', tree: process.cwd(), dir: dataDir }];
  if (compareTree) {
    const otherDir = mkdtempSync(join(tmpdir(), 'lianxin-bench-b-'));
    for (const file of ['lianxin.sqlite', 'secret.key']) copyFileSync(join(dataDir, file), join(otherDir, file));
    servers.push({ name: compareTree, tree: compareTree, dir: otherDir });
  }
  const barePort = await freePort();
  const bare = await startProcess('bench/bare-insert-server.ts', { PORT: String(barePort), BARE_DB: join(dataDir, 'bare.sqlite') }, `http://127.0.0.1:${barePort}/health`);
  const started: Array<{ name: string; base: string; process: ChildProcess; dir: string }> = [];
  try {
    for (const s of servers) {
      const port = await freePort();
      const child = await startProcess(
        'apps/server/src/main.ts',
        { PORT: String(port), HOST: '127.0.0.1', LIANXIN_DATA_DIR: s.dir, DATABASE_URL: '', LIANXIN_JOBS: 'false', LOG_LEVEL: 'warn' },
        `http://127.0.0.1:${port}/api/health`,
        { cwd: s.tree, waitMs: 300_000 },
      );
      started.push({ name: s.name, base: `http://127.0.0.1:${port}`, process: child, dir: s.dir });
    }
    let n = 0;
    const body = () =>
      JSON.stringify({
        channel: 'phone',
        kind: 'help',
        categoryCode: 'social.dibao',
        title: `申请低保进度查询${n}`,
        content: `家里老人常年生病，去年十月递交了低保申请，想了解审核进度，编号${n}。`,
        requester: { name: '测试群众', phone: `139${String(10_000_000 + (n++ % 89_999_999)).padStart(8, '0')}` },
        areaCode: village,
      });
    const run = (opts: autocannon.Options) => autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });

    console.log(`bare insert route: ${CONNECTIONS} connections, ${DURATION} s …`);
    const bareResult = await run({ url: `http://127.0.0.1:${barePort}/bare`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '申请低保进度查询' }) });
    const sessions = await Promise.all(started.map(async (s) => ({ ...s, registrar: await signIn(s.base, registrar), handler: await signIn(s.base, handler), dispatcher: await signIn(s.base, dispatcher) })));
    const register = (s: (typeof sessions)[number], connections: number) =>
      run({
        connections,
        url: `${s.base}/api/cases`,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json', cookie: s.registrar.cookie, 'x-csrf-token': s.registrar.csrf }, setupRequest: (req) => ({ ...req, body: body() }) }],
      });
    type Result = { server: string; ratio: number; intake: autocannon.Result; light: autocannon.Result; memory: number; inboxHandler: Timing; inboxDispatcher: Timing; ledger: Timing };
    const results: Result[] = [];
    // Compared trees are measured A B B A, so a drift in the machine's load weighs on both alike.
    const order = sessions.length > 1 ? [...sessions, ...[...sessions].reverse()] : sessions;
    for (const s of order) {
      console.log(`[${s.name}] registration through the API: ${CONNECTIONS} connections, ${DURATION} s …`);
      const intake = await register(s, CONNECTIONS);
      if (intake.non2xx > 0) throw new Error(`${intake.non2xx} registrations failed`);
      // The same requests from 4 connections: latency when the server is not saturated (16
      // connections on one thread measure mostly the queue).
      console.log(`[${s.name}] registration latency: 4 connections, ${DURATION} s …`);
      const light = await register(s, 4);
      const inboxHandler = await timeRequests(`${s.base}/api/cases/inbox?limit=20`, s.handler.cookie, 300);
      const inboxDispatcher = await timeRequests(`${s.base}/api/cases/inbox?limit=20`, s.dispatcher.cookie, 300);
      const ledger = await timeRequests(`${s.base}/api/cases?limit=50`, s.dispatcher.cookie, 300);
      const ratio = intake.requests.average / bareResult.requests.average;
      const memory = peakRssMb(s.process.pid!);
      results.push({ server: s.name, ratio, intake, light, memory, inboxHandler, inboxDispatcher, ledger });
      console.log(
        JSON.stringify(
          {
            server: s.name,
            cases: total,
            bareInsertPerSecond: Math.round(bareResult.requests.average),
            bareInsertP99Ms: bareResult.latency.p99,
            registrationsPerSecond: Math.round(intake.requests.average),
            registrationP99Ms: intake.latency.p99,
            registrationShareOfBare: `${(ratio * 100).toFixed(1)}%`,
            registrationAt4ConnectionsPerSecond: Math.round(light.requests.average),
            registrationAt4ConnectionsP99Ms: light.latency.p99,
            inboxHandlerMs: { ...inboxHandler, casesOpenInUnit: busiestUnit.n },
            inboxDispatcherMs: inboxDispatcher,
            ledgerFirstPageMs: ledger,
            serverPeakRssMb: memory,
          },
          null,
          2,
        ),
      );
      const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
      console.log(`[${s.name}] targets: registrations ≥ 40% of bare — ${verdict(ratio >= 0.4)}; p99 < 50 ms — ${verdict(intake.latency.p99 < 50)} at ${CONNECTIONS} connections, ${verdict(light.latency.p99 < 50)} at 4; inbox p95 < 20 ms — ${verdict(inboxHandler.p95 < 20 && inboxDispatcher.p95 < 20)}; peak RSS < 400 MB — ${verdict(memory < 400)}`);
    }
    if (results.length > 1) {
      console.log('\n| measure | ' + results.map((r) => r.server).join(' | ') + ' |');
      console.log('|---|' + results.map(() => '---|').join(''));
      const row = (label: string, f: (r: Result) => string | number) => console.log(`| ${label} | ${results.map(f).join(' | ')} |`);
      row('registrations/s, 16 connections', (r) => Math.round(r.intake.requests.average));
      row('p99 ms, 16 connections', (r) => r.intake.latency.p99);
      row('registrations/s, 4 connections', (r) => Math.round(r.light.requests.average));
      row('p99 ms, 4 connections', (r) => r.light.latency.p99);
      row('inbox p50/p95 ms (handler)', (r) => `${r.inboxHandler.p50} / ${r.inboxHandler.p95}`);
      row('ledger first page p50/p95 ms', (r) => `${r.ledger.p50} / ${r.ledger.p95}`);
      row('peak RSS MB', (r) => r.memory);
    }
  } finally {
    for (const s of started) s.process.kill('SIGTERM');
    bare.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    for (const s of servers) rmSync(s.dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

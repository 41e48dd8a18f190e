import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureReferenceData } from '../db/seed/reference.js';
import { queueSchemaOf } from '../jobs/queue.js';
import { openSse } from '../modules/notifications/sse-test-client.js';
import { caseInput, createFixtureOrg, FIXTURE_PASSWORD } from '../test/fixtures.js';
import { type ServerProcess, signIn, startServerProcess } from '../test/server-process.js';

/**
 * Issue 19, item 3: two real server processes (`main.ts start`) on one PostgreSQL database. Each
 * thing a province needs of several processes is proven across them: a cache change made through
 * one is used by the other, rate limits and sign-in lockouts count both, a notice written by one
 * reaches a stream held by the other, and the scheduled sweep runs once per interval however many
 * processes offer it. PostgreSQL only: SQLite is one process.
 */
const url = process.env.DATABASE_URL;
const HOUR = 3_600_000;

describe.skipIf(!url)('two server processes on one PostgreSQL', () => {
  const schema = `t_${process.env.LIANXIN_TEST_RUN ?? 'norun'}_mp${randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  let database: Database;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    database = createDatabase({ url: url!, schema, poolSize: 2 });
    await migrateToLatest(database.db, schema);
    await ensureReferenceData(database.db);
    await createFixtureOrg(database.db, new Date());
    const env = (port: number) => {
      const dataDir = mkdtempSync(join(tmpdir(), `lianxin-mp-${port}-`));
      dirs.push(dataDir);
      // Sweeps every 2 s so that several interval slots pass during the test; sign-ins per minute low enough to reach.
      return { DATABASE_URL: url!, DATABASE_SCHEMA: schema, LIANXIN_DATA_DIR: dataDir, LIANXIN_SWEEP_SECONDS: '2', LIANXIN_SIGNINS_PER_MINUTE: '4' };
    };
    [a, b] = await Promise.all([startServerProcess(3270, env(3270)), startServerProcess(3271, env(3271))]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const clients = new Map<string, ReturnType<typeof signIn>>();
  /** One session per user and process (sign-ins are rate limited). */
  const as = (server: ServerProcess, username: string) => {
    const key = `${server.base} ${username}`;
    if (!clients.has(key)) clients.set(key, signIn(server.base, username, FIXTURE_PASSWORD));
    return clients.get(key)!;
  };

  /** Hours between registration and the intake deadline of the case with `code`. */
  async function intakeHours(code: string): Promise<number> {
    const row = await database.db.selectFrom('cases').select(['registeredAt', 'currentDueAt']).where('code', '=', code).executeTakeFirstOrThrow();
    return (Date.parse(row.currentDueAt!) - Date.parse(row.registeredAt)) / HOUR;
  }

  it('drops the deadline cache in the other process when an admin changes the time limits through one (LISTEN/NOTIFY)', async () => {
    const registrarB = await as(b, 'registrar');
    const adminA = await as(a, 'admin');
    // B loads its cache with the rules as seeded.
    const first = await registrarB.post('/api/cases', caseInput({ title: '路灯损坏第一次' }));
    expect(first.status).toBe(201);
    expect(await intakeHours(first.body!.code as string)).not.toBe(7);
    // A changes every intake rule to 7 hours.
    const rules = await adminA.get('/api/time-limit-rules?stage=intake');
    const items = rules.body!.items as Array<{ id: string }>;
    expect(items.length).toBeGreaterThan(0);
    for (const rule of items) expect((await adminA.patch(`/api/admin/time-limit-rules/${rule.id}`, { amount: 7, unit: 'hours' })).status).toBe(200);
    // B, never restarted, counts the next case with the new rule.
    let hours = 0;
    for (let tries = 0; tries < 20 && hours !== 7; tries++) {
      const next = await registrarB.post('/api/cases', caseInput({ title: `路灯损坏第${tries + 2}次` }));
      expect(next.status).toBe(201);
      hours = await intakeHours(next.body!.code as string);
      if (hours !== 7) await new Promise((r) => setTimeout(r, 100));
    }
    expect(hours).toBe(7);
  }, 30_000);

  it('retrains the suggestion models in the other process when one retrains (LISTEN/NOTIFY)', async () => {
    const registrarB = await as(b, 'registrar');
    const adminA = await as(a, 'admin');
    const trainedOnB = async () => (await registrarB.post('/api/cases/suggest', { title: '路灯', content: '小区路灯坏了很久没人修' })).body!.trainedOn as number;
    // B trains on first use.
    const before = await trainedOnB();
    // Two more cases are handled, then A retrains.
    const open = await database.db.selectFrom('cases').select('id').where('status', '=', 'registered').limit(2).execute();
    expect(open).toHaveLength(2);
    await database.db.updateTable('cases').set({ status: 'closed', currentUnitId: 'u-civil' }).where('id', 'in', open.map((c) => c.id)).execute();
    const retrained = await adminA.post('/api/admin/suggest/retrain');
    expect(retrained.status).toBe(200);
    expect(retrained.body!.cases).toBe(before + 2);
    // B, never asked to, learns from the same cases.
    let after = before;
    for (let waited = 0; waited < 10_000 && after !== before + 2; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
      after = await trainedOnB();
    }
    expect(after).toBe(before + 2);
  }, 30_000);

  it('counts rate limits and sign-in failures across both processes', async () => {
    const attempt = (server: ServerProcess, username: string, password: string) =>
      fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    // The per-address limit (4 a minute here) is one count for both processes: the 5th is refused wherever it lands.
    for (let i = 0; i < 4; i++) expect((await attempt(i % 2 ? b : a, 'housingHandler', 'wrong-password')).status).toBe(401);
    const limited = await attempt(b, 'housingHandler', FIXTURE_PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe('rate_limited');
    expect((await attempt(a, 'housingHandler', FIXTURE_PASSWORD)).status).toBe(429);

    // Consecutive failures of one account count on both: the fifth failure, on B, starts the growing delay that A then keeps.
    await database.db.updateTable('users').set({ failedSignIns: 4, lastFailedSignInAt: new Date(Date.now() - HOUR).toISOString() }).where('username', '=', 'head').execute();
    expect((await attempt(b, 'head', 'wrong-password')).status).toBe(401);
    const delayed = await attempt(a, 'head', FIXTURE_PASSWORD);
    expect(delayed.status).toBe(429);
    expect(((await delayed.json()) as { code: string }).code).toBe('sign_in_delayed');
    // The lock: the tenth failure, on A, locks the account for B too, whatever the password.
    await database.db.updateTable('users').set({ failedSignIns: 9, lastFailedSignInAt: new Date(Date.now() - HOUR).toISOString() }).where('username', '=', 'head').execute();
    expect((await attempt(a, 'head', 'wrong-password')).status).toBe(401);
    expect((await attempt(b, 'head', FIXTURE_PASSWORD)).status).toBe(423);
  }, 30_000);

  it('delivers a notice written by one process to a stream held by the other (NOTIFY fan-out to SSE)', async () => {
    const registrarB = await as(b, 'registrar');
    const registrarA = await as(a, 'registrar');
    const dispatcherA = await as(a, 'dispatcher');
    const stream = await openSse(`${b.base}/api/notifications/stream`, { cookie: registrarB.cookie });
    try {
      expect(stream.status).toBe(200);
      await stream.next((e) => e.event === 'count');
      const created = await registrarA.post('/api/cases', caseInput({ title: '噪声扰民' }));
      expect((await dispatcherA.post(`/api/cases/${created.body!.id as string}/dispatch`, { unitId: 'u-civil' })).status).toBe(200);
      const notice = await stream.next((e) => e.event === 'notice', 10_000);
      expect(JSON.stringify(notice.data)).toContain(created.body!.code as string);
    } finally {
      stream.close();
    }
  }, 30_000);

  it('runs the scheduled sweep once per interval across both processes (the PostgreSQL job queue)', async () => {
    const registrarA = await as(a, 'registrar');
    const created = await registrarA.post('/api/cases', caseInput({ title: '道路积水' }));
    const caseId = created.body!.id as string;
    // Overdue by an hour: the next sweep, on whichever process takes it, escalates it.
    await database.db.updateTable('cases').set({ currentDueAt: new Date(Date.now() - HOUR).toISOString() }).where('id', '=', caseId).execute();
    const escalations = async () => Number((await database.db.selectFrom('caseEvents').select((eb) => eb.fn.countAll<string>().as('n')).where('caseId', '=', caseId).where('action', '=', 'escalate').executeTakeFirstOrThrow()).n);
    for (let waited = 0; waited < 20_000 && (await escalations()) === 0; waited += 200) await new Promise((r) => setTimeout(r, 200));
    expect(await escalations()).toBe(1);

    const queue = queueSchemaOf(schema);
    const slots = async () =>
      (
        await sql<{ slot: string; n: string; state: string }>`
          select singleton_on::text as slot, count(*)::text as n, max(state::text) as state
          from ${sql.table(`${queue}.job`)} where name = 'time-limit-sweep' group by singleton_on order by singleton_on`.execute(database.db)
      ).rows;
    // Several more slots pass, both processes offering each (a loaded machine takes longer to get there).
    const enough = (rows: { state: string }[]) => rows.length >= 4 && rows.filter((r) => r.state === 'completed').length >= 3;
    for (let waited = 0; waited < 30_000 && !enough(await slots()); waited += 500) await new Promise((r) => setTimeout(r, 500));
    const rows = await slots();
    expect(await escalations()).toBe(1);
    // Once per 2-second slot, never twice, though two processes offered each slot.
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.n === '1')).toBe(true);
    expect(rows.filter((r) => r.state === 'completed').length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});

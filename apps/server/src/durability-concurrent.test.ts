import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureReferenceData } from './db/seed/reference.js';
import { caseInput, createFixtureOrg, FIXTURE_PASSWORD } from './test/fixtures.js';
import { type ServerProcess, signIn, startServerProcess } from './test/server-process.js';

/**
 * Issue 19, item 2: registrations share commits (group commit), and the durability promise holds
 * under concurrency. Clients register at once against a real server process, some registrations
 * failing inside their transaction (an unknown attachment); the process is killed with SIGKILL
 * mid-stream and restarted. Every acknowledged registration is there, complete; no refused one is;
 * nothing is half-written. The embedded database always; PostgreSQL too in its pass.
 */
const CLIENTS = 16;
/** Acknowledged registrations before the kill. */
const BEFORE_KILL = 240;
const url = process.env.DATABASE_URL;
const targets = [{ name: 'SQLite (embedded)', postgres: false }, ...(url ? [{ name: 'PostgreSQL', postgres: true }] : [])];

const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) s.child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A port the kernel says is free. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function prepare(postgres: boolean): Promise<{ env: Record<string, string>; open: () => Database }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-durability-c-'));
  dirs.push(dataDir);
  let open: () => Database;
  let env: Record<string, string>;
  if (postgres) {
    const schema = `t_${process.env.LIANXIN_TEST_RUN ?? 'norun'}_dc${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    open = () => createDatabase({ url: url!, schema, poolSize: 2 });
    env = { DATABASE_URL: url!, DATABASE_SCHEMA: schema, LIANXIN_DATA_DIR: dataDir, LIANXIN_JOBS: 'false' };
  } else {
    open = () => createDatabase({ url: join(dataDir, 'lianxin.sqlite') });
    env = { DATABASE_URL: '', LIANXIN_DATA_DIR: dataDir, LIANXIN_JOBS: 'false' };
  }
  const database = open();
  await migrateToLatest(database.db, database.schema);
  await ensureReferenceData(database.db);
  await createFixtureOrg(database.db, new Date());
  await database.close();
  return { env, open };
}

describe.each(targets)('durability under concurrent registrations — $name', ({ postgres }) => {
  it('keeps every acknowledged registration, whole, when the process is killed with SIGKILL mid-stream', async () => {
    const { env, open } = await prepare(postgres);
    const server = await startServerProcess(await freePort(), env);
    servers.push(server);
    const registrar = await signIn(server.base, 'registrar', FIXTURE_PASSWORD);

    const acknowledged: string[] = [];
    const refusedTitles: string[] = [];
    let sent = 0;
    let killed = false;
    let unexpected: string | null = null;
    const client = async (c: number) => {
      for (let i = 0; !killed; i++) {
        const n = sent++;
        // One in five carries an attachment that does not exist: refused inside its transaction,
        // while the others of its group commit.
        const refused = n % 5 === 3;
        const title = `停电第${c}-${i}次${refused ? '（附件不存在）' : ''}`;
        const input = caseInput({ title, requester: { name: '张秀英', phone: `139${String(10_000_000 + n).padStart(8, '0')}` }, ...(refused ? { attachmentIds: [randomUUID()] } : {}) });
        let response: Response;
        try {
          response = await fetch(`${server.base}/api/cases`, { method: 'POST', headers: registrar.headers, body: JSON.stringify(input) });
        } catch {
          return; // the process is gone: this one's outcome is unknown, it was never acknowledged
        }
        if (refused) {
          if (response.status !== 400 && response.status !== 422) unexpected ??= `refused registration answered ${response.status}`;
          refusedTitles.push(title);
          await response.arrayBuffer();
          continue;
        }
        if (response.status !== 201) {
          unexpected ??= `registration answered ${response.status}: ${await response.text()}`;
          return;
        }
        try {
          acknowledged.push(((await response.json()) as { code: string }).code);
        } catch {
          return; // cut off mid-answer: not acknowledged
        }
        if (acknowledged.length >= BEFORE_KILL && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    expect(unexpected).toBeNull();
    expect(killed).toBe(true);
    await new Promise<void>((r) => (server.child.exitCode !== null || server.child.signalCode !== null ? r() : server.child.once('exit', () => r())));
    expect(refusedTitles.length).toBeGreaterThan(20);

    // Restarted on what the killed process left, the server answers and registers on.
    const restarted = await startServerProcess(await freePort(), env);
    servers.push(restarted);
    const again = await (await signIn(restarted.base, 'registrar', FIXTURE_PASSWORD)).post('/api/cases', caseInput({ title: '重启后登记' }));
    expect(again.status).toBe(201);
    await restarted.stop();

    const database = open();
    try {
      const stored = await database.db.selectFrom('cases').select(['id', 'code', 'title']).execute();
      const codes = new Set(stored.map((r) => r.code));
      // Every acknowledged registration is there, and the one after the restart.
      expect(acknowledged.filter((code) => !codes.has(code))).toEqual([]);
      expect(codes.has(again.body!.code as string)).toBe(true);
      expect(codes.size).toBe(stored.length);
      // Beyond those, at most the registrations in flight when the process died (their answers lost).
      expect(stored.length - acknowledged.length - 1).toBeLessThanOrEqual(CLIENTS);
      // No refused registration left anything.
      const refused = new Set(refusedTitles);
      expect(stored.filter((r) => refused.has(r.title))).toEqual([]);
      // Nothing half-written: each case has its first event, its 查询码 hash, its index entry and its SMS.
      const count = async (query: string) => Number(((await sql.raw<{ n: number | string }>(query).execute(database.db)).rows[0]).n);
      expect(await count(`select count(*) as n from case_events where action = 'register'`)).toBe(stored.length);
      expect(await count('select count(*) as n from case_events')).toBe(stored.length);
      expect(await count('select count(*) as n from tracking_secrets')).toBe(stored.length);
      expect(await count('select count(*) as n from case_search')).toBe(stored.length);
      expect(await count(`select count(*) as n from outbox where channel = 'sms' and case_id is not null`)).toBe(stored.length);
      expect(await count('select count(*) as n from cases c where not exists (select 1 from case_events e where e.case_id = c.id) or not exists (select 1 from case_search s where s.case_id = c.id)')).toBe(0);
    } finally {
      await database.close();
    }
  }, 240_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureReferenceData } from './db/seed/reference.js';
import { caseInput, createFixtureOrg, FIXTURE_PASSWORD } from './test/fixtures.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-durability-'));
const PORT = 3600 + Math.floor(Math.random() * 300);
const base = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', 'start'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DATABASE_READ_URL: '', LIANXIN_DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', LIANXIN_JOBS: 'false', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (let waited = 0; waited < 30_000; waited += 200) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

// The embedded database's promise: it runs in both passes of the suite, on SQLite each time
// (PostgreSQL's own durability is PostgreSQL's).
describe('durability', () => {
  it('keeps every acknowledged registration when the process is killed with SIGKILL', async () => {
    const database = createDatabase({ url: join(dataDir, 'lianxin.sqlite') });
    await migrateToLatest(database.db);
    await ensureReferenceData(database.db);
    await createFixtureOrg(database.db, new Date());
    await database.close();

    server = await startServer();
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'registrar', password: FIXTURE_PASSWORD }) });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie: login.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': csrfToken };

    const acknowledged: string[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await fetch(`${base}/api/cases`, { method: 'POST', headers, body: JSON.stringify(caseInput({ title: `停电第${i}次` })) });
      expect(response.status).toBe(201);
      acknowledged.push(((await response.json()) as { code: string }).code);
    }
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));

    const reopened = createDatabase({ url: join(dataDir, 'lianxin.sqlite') });
    const stored = await reopened.db.selectFrom('cases').select('code').execute();
    const events = await reopened.db.selectFrom('caseEvents').select('caseId').execute();
    await reopened.close();
    expect(stored.map((r) => r.code).sort()).toEqual([...acknowledged].sort());
    expect(events).toHaveLength(acknowledged.length);
  }, 60_000);
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTestReplica, type TestReplica } from './replica.js';

/**
 * On PostgreSQL every test file works in a schema of its own (see database.ts), named after this
 * run. They are dropped here after the whole run, never while files run: dropping one while
 * another file's migrator lists the catalogue makes that listing fail. Only this run's schemas
 * go, so two suites can share a database.
 */
let replica: TestReplica | undefined;

/**
 * The PostgreSQL pass also runs its heavy reads through a real streaming replica (issue 19 item 4):
 * with DATABASE_URL and no DATABASE_READ_URL, one is made here (replica.ts) and named in
 * DATABASE_READ_URL for the test files; it is stopped and removed at teardown.
 */
export async function setup(): Promise<void> {
  process.env.LIANXIN_TEST_RUN = randomBytes(4).toString('hex');
  const url = process.env.DATABASE_URL;
  if (!url || process.env.DATABASE_READ_URL) return;
  replica = await startTestReplica(url);
  process.env.DATABASE_READ_URL = replica.url;
  const { backupMs, startMs } = replica.timings;
  console.log(`test replica at ${replica.url}: pg_basebackup ${(backupMs / 1000).toFixed(1)} s, start ${(startMs / 1000).toFixed(1)} s`);
}

export async function teardown(): Promise<void> {
  if (replica) {
    replica.stop();
    delete process.env.DATABASE_READ_URL;
    replica = undefined;
  }
  const url = process.env.DATABASE_URL;
  const run = process.env.LIANXIN_TEST_RUN;
  if (!url || !run) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [`t_${run}_%`]);
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
  } finally {
    await client.end();
  }
}

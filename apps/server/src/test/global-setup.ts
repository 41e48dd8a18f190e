import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * On PostgreSQL every test file works in a schema of its own (see database.ts), named after this
 * run. They are dropped here after the whole run, never while files run: dropping one while
 * another file's migrator lists the catalogue makes that listing fail. Only this run's schemas
 * go, so two suites can share a database.
 */
export function setup(): void {
  process.env.LIANXIN_TEST_RUN = randomBytes(4).toString('hex');
}

export async function teardown(): Promise<void> {
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

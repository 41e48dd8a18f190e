import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Removes this run's data directory and PostgreSQL schema. */
export default async function teardown(): Promise<void> {
  const run = process.env.LIANXIN_E2E_RUN;
  if (!run) return;
  rmSync(join(tmpdir(), `lianxin-e2e-${run}`), { recursive: true, force: true });
  if (!process.env.DATABASE_URL) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS e2e_${run} CASCADE`).catch(() => {});
  await client.end();
}

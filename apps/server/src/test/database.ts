import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../db/database.js';

/**
 * A fresh, empty database for one test file: in-memory SQLite by default, or a new schema in the
 * PostgreSQL database named by DATABASE_URL (so test files can run in parallel on one server),
 * with its heavy reads on the replica named by DATABASE_READ_URL.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return createDatabase({ url: ':memory:' });
  }
  const schema = `t_${process.env.LIANXIN_TEST_RUN ?? 'norun'}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  // The schema is dropped by global-setup.ts after the run, not by the test file (see there why).
  // The heavy reads go through the run's replica (global-setup.ts) when there is one.
  return createDatabase({ url, schema, poolSize: 4, readUrl: process.env.DATABASE_READ_URL || undefined });
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../db/database.js';

/**
 * A fresh, empty database for one test file: in-memory SQLite by default, or a new schema in the
 * PostgreSQL database named by DATABASE_URL (so test files can run in parallel on one server).
 */
export async function createTestDatabase(): Promise<Database & { dropSchema(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = createDatabase({ url: ':memory:' });
    return { ...database, dropSchema: async () => {} };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = createDatabase({ url, schema, poolSize: 4 });
  return {
    ...database,
    async dropSchema() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

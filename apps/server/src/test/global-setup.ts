import pg from 'pg';

/**
 * On PostgreSQL every test file works in a schema of its own (see database.ts). Schemas are
 * dropped here, before and after the whole run, and never while other files run: dropping one
 * while another file's migrator lists the catalogue makes that listing fail.
 */
async function dropTestSchemas(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9a-f]{12}$'");
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
  } finally {
    await client.end();
  }
}

export const setup = dropTestSchemas;
export const teardown = dropTestSchemas;

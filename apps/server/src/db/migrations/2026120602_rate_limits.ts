import type { Kysely } from 'kysely';

/**
 * Rate limits shared by every server process (issue 12): one row per limited key (a keyed hash of
 * e.g. `track-ip:203.0.113.7`), the count in the current window, when the window started, the last
 * counted request and when the window ends. The count is raised by one atomic upsert; rows whose
 * window ended are pruned.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_expires').on('rate_limits').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}

import type { Kysely } from 'kysely';

/**
 * Scheduled work that gave up (issue 19, several processes): one row per job run that failed its
 * last attempt — on PostgreSQL after the queue's retries, on SQLite each failed run (the next tick
 * runs it again). The admin screen lists them (GET /api/admin/jobs/dead-letters).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_dead_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('queue_job_id', 'text')
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_dead_letters_failed').on('job_dead_letters').columns(['failed_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_dead_letters').execute();
}

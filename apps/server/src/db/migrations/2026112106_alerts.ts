import type { Kysely } from 'kysely';

/**
 * Early-warning alerts (预警, SPEC §8): hotspots, repeat requesters and extreme-risk words found
 * by the scheduled scan. `fingerprint` is unique, so running the scan again never duplicates one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // hotspot | repeat_requester | risk_words
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('case_ids', 'text', (c) => c.notNull()) // JSON array of case ids
    .addColumn('case_count', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | acknowledged | task_created | dismissed
    .addColumn('status_note', 'text')
    .addColumn('task_case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('alerts_status_created').on('alerts').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('alerts_area_created').on('alerts').columns(['area_code', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alerts').execute();
}

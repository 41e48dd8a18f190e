import type { Kysely } from 'kysely';

/**
 * The 查询码 of each case (issue 12): a random secret given to the resident with the tracking code
 * (receipt page and registration SMS). Only a keyed hash is kept; with the tracking code it opens
 * the case on the portal. Cases registered before this migration have none (their residents track
 * with an SMS one-time code or their access token).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tracking_secrets')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tracking_secrets').execute();
}

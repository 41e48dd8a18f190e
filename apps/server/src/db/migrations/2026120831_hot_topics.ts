import type { Kysely } from 'kysely';

/**
 * Hot topics (issue 18 part 4): an alert of a hotspot names its topic (`topic`: JSON of the place,
 * the matter's words and the category), and the scan selects cases by the time the matter was
 * received, so `cases.received_at` gets an index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('topic', 'text').execute();
  await db.schema.createIndex('cases_received_at').on('cases').columns(['received_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_received_at').execute();
  await db.schema.alterTable('alerts').dropColumn('topic').execute();
}

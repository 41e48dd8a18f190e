import type { Kysely } from 'kysely';

/**
 * Inbox indexes that answer "the first N to-dos by deadline" from the index alone: the state, then
 * the deadline, then what the filter still needs (area) and the id, so the database sorts small
 * index entries instead of whole rows and fetches only the N rows it returns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_status_area').execute();
  await db.schema.dropIndex('cases_unit_inbox').execute();
  await db.schema.createIndex('cases_status_due_area').on('cases').columns(['status', 'current_due_at', 'area_code', 'id']).execute();
  await db.schema.createIndex('cases_unit_inbox').on('cases').columns(['current_unit_id', 'status', 'current_due_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_status_due_area').execute();
  await db.schema.dropIndex('cases_unit_inbox').execute();
  await db.schema.createIndex('cases_status_area').on('cases').columns(['status', 'area_code', 'current_due_at']).execute();
  await db.schema.createIndex('cases_unit_inbox').on('cases').columns(['current_unit_id', 'status', 'current_due_at']).execute();
}

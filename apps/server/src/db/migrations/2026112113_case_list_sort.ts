import type { Kysely } from 'kysely';

/**
 * The ledger ordered by deadline (`GET /api/cases?sort=due_asc|due_desc`): keyset paging walks
 * (current_due_at, id) in either direction, and the cases without a deadline (current_due_at is
 * null, paged by id) from the same index. `cases_due` (current_due_at, status) lacks the id, so a
 * page would need a sort of the ties.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_due_id').on('cases').columns(['current_due_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_due_id').execute();
}

import type { Kysely } from 'kysely';

/**
 * Indexes for the administration API: the audit log filtered by actor ("what did this user
 * do"), newest first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_user_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_actor').ifExists().execute();
}

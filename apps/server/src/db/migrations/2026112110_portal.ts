import type { Kysely } from 'kysely';

/**
 * The residents' portal (issue 4):
 * - `portal_otps`: one-time SMS codes for tracking a case; only a keyed hash of the code is kept,
 *   with an attempt counter so a code cannot be guessed within its few minutes of life.
 * - `outbox.document_type`: the official document (受理告知书 …) that goes with an SMS notice; the
 *   document itself is rendered from the case on demand, so the row only names it.
 * - An index for the public board: consenting cases, newest first (keyset on registered_at, id).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_otps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('otp_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('portal_otps_case').on('portal_otps').columns(['case_id', 'created_at']).execute();

  await db.schema.alterTable('outbox').addColumn('document_type', 'text').execute();

  await db.schema.createIndex('cases_public_board').on('cases').columns(['public_consent', 'registered_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_public_board').execute();
  await db.schema.alterTable('outbox').dropColumn('document_type').execute();
  await db.schema.dropTable('portal_otps').execute();
}

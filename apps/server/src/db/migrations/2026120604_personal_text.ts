import type { Kysely } from 'kysely';

/**
 * Personal data typed into free text (a phone in a case's content, an ID number in a reply): the
 * text columns hold it masked, and these columns hold the original, encrypted, for the audited
 * reveal (`GET /api/cases/:id/personal-text`). Null when the text held nothing to protect.
 */
const CASE_COLUMNS = ['title_enc', 'content_enc', 'reply_text_enc', 'evaluation_comment_enc'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of CASE_COLUMNS) await db.schema.alterTable('cases').addColumn(column, 'text').execute();
  await db.schema.alterTable('case_events').addColumn('note_enc', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_events').dropColumn('note_enc').execute();
  for (const column of [...CASE_COLUMNS].reverse()) await db.schema.alterTable('cases').dropColumn(column).execute();
}

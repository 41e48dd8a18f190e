import type { Kysely } from 'kysely';

/** The setting that asks the next start to protect free text stored before 2026120604 (`text/protect-stored-text.ts`). */
export const PERSONAL_TEXT_PENDING = 'personal_text.pending';

/**
 * Text already stored is protected by a step at start (`main.ts`), since a migration has no key:
 * this marks the work, and the step removes the mark once every row is done.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('settings').values({ key: PERSONAL_TEXT_PENDING, value: '1' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', PERSONAL_TEXT_PENDING).execute();
}

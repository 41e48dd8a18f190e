import { type Kysely, sql } from 'kysely';
import { PERSONAL_TEXT_PENDING } from '../../db/migrations/2026120605_personal_text_pending.js';
import type { CaseTable, CaseUpdate, DB } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import { maskedText, protectText } from '../../text/protect-text.js';
import { isSqlite } from '../search-index/fts.js';
import { indexCase } from '../search-index/search-index.repository.js';

/** The free-text columns of a case and the column holding each one's original. */
const CASE_TEXTS = [
  ['title', 'titleEnc'],
  ['content', 'contentEnc'],
  ['replyText', 'replyTextEnc'],
  ['evaluationComment', 'evaluationCommentEnc'],
] as const satisfies ReadonlyArray<readonly [keyof CaseTable, keyof CaseTable]>;

export interface StoredTextReport {
  cases: number;
  notes: number;
}

/**
 * Protects the free text stored before personal data was masked on write (migration 2026120605
 * leaves a mark; this step runs at start with the key, and removes the mark when done): each case's
 * title, content, reply and comment and each event's note get the personal data they hold masked,
 * the original encrypted beside it, and the case's search entry rewritten. Extension reasons,
 * co-unit and accountability notes are masked (their originals are event notes). Cases and events
 * already protected are left alone, so a step interrupted half-way simply runs again.
 *
 * On SQLite, `secure_delete` zeroes the overwritten text and the FTS index is merged, so the old
 * text does not linger in free pages; on PostgreSQL the changed tables are rewritten (VACUUM FULL).
 * Backups taken before the step still hold it in clear.
 */
export async function protectStoredText(db: Kysely<DB>, cipher: Cipher, batchSize = 500): Promise<StoredTextReport | null> {
  const pending = await db.selectFrom('settings').select('value').where('key', '=', PERSONAL_TEXT_PENDING).executeTakeFirst();
  if (!pending) return null;
  const sqlite = isSqlite(db);
  if (sqlite) await sql`pragma secure_delete = on`.execute(db);
  const report = { cases: await protectCases(db, cipher, batchSize), notes: await protectNotes(db, cipher, batchSize) };
  await protectSideNotes(db);
  if (report.cases + report.notes > 0) {
    if (sqlite) {
      await sql`insert into case_search_text (case_search_text) values ('optimize')`.execute(db);
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
    } else {
      await sql`vacuum full cases, case_events, case_search, case_extensions, case_co_units, accountability_records`.execute(db);
    }
  }
  if (sqlite) await sql`pragma secure_delete = off`.execute(db);
  await db.deleteFrom('settings').where('key', '=', PERSONAL_TEXT_PENDING).execute();
  return report;
}

async function protectCases(db: Kysely<DB>, cipher: Cipher, batchSize: number): Promise<number> {
  let after = '';
  let changed = 0;
  for (;;) {
    const rows = await db.selectFrom('cases').selectAll().where('id', '>', after).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) return changed;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const changes: CaseUpdate = {};
        for (const [column, encColumn] of CASE_TEXTS) {
          if (row[column] === null || row[encColumn] !== null) continue;
          const text = protectText(cipher, row[column]);
          if (text.enc) Object.assign(changes, { [column]: text.text, [encColumn]: text.enc });
        }
        if (Object.keys(changes).length === 0) continue;
        await trx.updateTable('cases').set(changes).where('id', '=', row.id).execute();
        await indexCase(trx, { ...row, ...changes } as typeof row);
        changed++;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
}

async function protectNotes(db: Kysely<DB>, cipher: Cipher, batchSize: number): Promise<number> {
  let after = '';
  let changed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('caseEvents')
      .select(['id', 'note'])
      .where('id', '>', after)
      .where('note', 'is not', null)
      .where('noteEnc', 'is', null)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return changed;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const note = protectText(cipher, row.note!);
        if (!note.enc) continue;
        await trx.updateTable('caseEvents').set({ note: note.text, noteEnc: note.enc }).where('id', '=', row.id).execute();
        changed++;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
}

/** Copies of event notes kept beside them (an extension's reason, a co-unit's note, an accountability note): masked in place. */
async function protectSideNotes(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const e of await trx.selectFrom('caseExtensions').select(['id', 'reason', 'decisionNote']).execute()) {
      const changes = { reason: maskedText(e.reason), decisionNote: maskedText(e.decisionNote) };
      if (changes.reason !== e.reason || changes.decisionNote !== e.decisionNote) await trx.updateTable('caseExtensions').set(changes).where('id', '=', e.id).execute();
    }
    for (const u of await trx.selectFrom('caseCoUnits').select(['caseId', 'unitId', 'note']).where('note', 'is not', null).execute()) {
      const note = maskedText(u.note);
      if (note !== u.note) await trx.updateTable('caseCoUnits').set({ note }).where('caseId', '=', u.caseId).where('unitId', '=', u.unitId).execute();
    }
    for (const a of await trx.selectFrom('accountabilityRecords').select(['id', 'note']).where('note', 'is not', null).execute()) {
      const note = maskedText(a.note);
      if (note !== a.note) await trx.updateTable('accountabilityRecords').set({ note }).where('id', '=', a.id).execute();
    }
  });
}

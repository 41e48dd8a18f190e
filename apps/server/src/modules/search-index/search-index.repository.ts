import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { areaTerms, isSqlite } from './fts.js';
import { segment } from './segment.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The index tables, typed here because only this module reads or writes them. */
interface SearchTables {
  caseSearch: { docId: number | null; caseId: string; terms: string; areaTerms?: string };
}
const withIndex = (db: Q) => db as unknown as Kysely<DB & SearchTables>;

/** The indexed text of a case. */
export interface IndexedCase {
  id: string;
  areaCode: string;
  title: string;
  content: string;
  address?: string | null;
  replyText?: string | null;
}

/** The words the index holds for a case: title, content, address and reply, segmented. */
export function caseTerms(c: Omit<IndexedCase, 'id' | 'areaCode'>): string {
  return [c.title, c.content, c.address ?? '', c.replyText ?? ''].flatMap((text) => segment(text)).join(' ');
}

/**
 * Writes (or rewrites) a case's entry in the search index: its words, and its area prefixes
 * (`areaTerms`) so that scope is part of the match. Call it in the transaction that changes the
 * indexed text or the area, so the index never disagrees with a committed case.
 */
export async function indexCase(db: Q, c: IndexedCase): Promise<void> {
  const terms = caseTerms(c);
  const area = areaTerms(c.areaCode);
  if (!isSqlite(db)) {
    await withIndex(db)
      .insertInto('caseSearch')
      .values({ caseId: c.id, terms, areaTerms: area })
      .onConflict((oc) => oc.column('caseId').doUpdateSet({ terms, areaTerms: area }))
      .execute();
    return;
  }
  const { docId } = await withIndex(db)
    .insertInto('caseSearch')
    .values({ caseId: c.id, terms })
    .onConflict((oc) => oc.column('caseId').doUpdateSet({ terms }))
    .returning('docId')
    .executeTakeFirstOrThrow();
  await sql`delete from case_search_text where rowid = ${docId}`.execute(db);
  await sql`insert into case_search_text (rowid, terms, area) values (${docId}, ${terms}, ${area})`.execute(db);
}

/** Rebuilds the index entry of every case, in batches of one transaction each; returns the count. */
export async function reindexAllCases(db: Kysely<DB>, batchSize = 500): Promise<number> {
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'areaCode', 'title', 'content', 'address', 'replyText'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return count;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) await indexCase(trx, row);
    });
    count += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}


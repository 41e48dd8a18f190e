import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { isSqlite, scopeTerms } from './fts.js';
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
  /** The unit handling it (its word goes into the index with the co-units', `scopeTerms`). */
  currentUnitId?: string | null;
}

/** The words the index holds for a case: title, content, address and reply, segmented. */
export function caseTerms(c: Omit<IndexedCase, 'id' | 'areaCode'>): string {
  return [c.title, c.content, c.address ?? '', c.replyText ?? ''].flatMap((text) => segment(text)).join(' ');
}

/** The co-units of a case (their words go into its index entry). */
async function coUnitIds(db: Q, caseId: string): Promise<string[]> {
  return (await db.selectFrom('caseCoUnits').select('unitId').where('caseId', '=', caseId).execute()).map((r) => r.unitId);
}

/**
 * Writes (or rewrites) a case's entry in the search index: its words, and its scope words — area
 * prefixes and units (`scopeTerms`) — so that scope is part of the match. Call it in the
 * transaction that changes the indexed text or the area, so the index never disagrees with a
 * committed case (a change of units calls `reindexCaseScope`).
 */
export async function indexCase(db: Q, c: IndexedCase): Promise<void> {
  const terms = caseTerms(c);
  const area = scopeTerms(c.areaCode, [c.currentUnitId ?? null, ...(await coUnitIds(db, c.id))]);
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

/**
 * The first entry of a case just registered, in the registration's transaction: it has no co-units
 * and no earlier entry yet, so this writes the entry without looking either up (`indexCase` less
 * two statements).
 */
export async function indexNewCase(db: Q, c: IndexedCase): Promise<void> {
  const terms = caseTerms(c);
  const area = scopeTerms(c.areaCode, [c.currentUnitId ?? null]);
  if (!isSqlite(db)) {
    await withIndex(db).insertInto('caseSearch').values({ caseId: c.id, terms, areaTerms: area }).execute();
    return;
  }
  const { docId } = await withIndex(db).insertInto('caseSearch').values({ caseId: c.id, terms }).returning('docId').executeTakeFirstOrThrow();
  await sql`insert into case_search_text (rowid, terms, area) values (${docId}, ${terms}, ${area})`.execute(db);
}

/**
 * Rewrites the scope words of a case's index entry after its units changed (dispatch, transfer,
 * return, a co-unit added): in the transaction of the change, so a unit's search sees exactly the
 * cases it holds. A case not indexed yet is left alone.
 */
export async function reindexCaseScope(db: Q, caseId: string): Promise<void> {
  const c = await db.selectFrom('cases').select(['areaCode', 'currentUnitId']).where('id', '=', caseId).executeTakeFirst();
  if (!c) return;
  const area = scopeTerms(c.areaCode, [c.currentUnitId, ...(await coUnitIds(db, caseId))]);
  if (!isSqlite(db)) {
    await withIndex(db).updateTable('caseSearch').set({ areaTerms: area }).where('caseId', '=', caseId).execute();
    return;
  }
  const entry = await withIndex(db).selectFrom('caseSearch').select(['docId', 'terms']).where('caseId', '=', caseId).executeTakeFirst();
  if (!entry) return;
  await sql`delete from case_search_text where rowid = ${entry.docId}`.execute(db);
  await sql`insert into case_search_text (rowid, terms, area) values (${entry.docId}, ${entry.terms}, ${area})`.execute(db);
}

/** Rebuilds the index entry of every case, in batches of one transaction each; returns the count. */
export async function reindexAllCases(db: Kysely<DB>, batchSize = 500): Promise<number> {
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'areaCode', 'title', 'content', 'address', 'replyText', 'currentUnitId'])
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


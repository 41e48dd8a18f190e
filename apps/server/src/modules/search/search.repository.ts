import type { CaseSearchQuery } from '@lianxin/core';
import { type ExpressionBuilder, type Kysely, SqliteAdapter, sql, type Transaction } from 'kysely';
import type { CaseRow, DB } from '../../db/schema.js';
import type { Scope } from '../auth/actor.js';
import { caseFilters } from '../cases/cases.queries.js';
import { inScope } from '../cases/cases.repository.js';
import { segment } from './segment.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The index tables, typed here because only this module reads or writes them. */
interface SearchTables {
  caseSearch: { docId: number | null; caseId: string; terms: string };
}
const withIndex = (db: Q) => db as unknown as Kysely<DB & SearchTables>;
const isSqlite = (db: Q) => db.getExecutor().adapter instanceof SqliteAdapter;

/** The indexed text of a case. */
export interface IndexedCase {
  id: string;
  title: string;
  content: string;
  address?: string | null;
  replyText?: string | null;
}

/** The words the index holds for a case: title, content, address and reply, segmented. */
export function caseTerms(c: Omit<IndexedCase, 'id'>): string {
  return [c.title, c.content, c.address ?? '', c.replyText ?? ''].flatMap((text) => segment(text)).join(' ');
}

/**
 * Writes (or rewrites) a case's entry in the search index. Call it in the transaction that changes
 * the indexed text, so the index never disagrees with a committed case.
 */
export async function indexCase(db: Q, c: IndexedCase): Promise<void> {
  const terms = caseTerms(c);
  const upsert = withIndex(db)
    .insertInto('caseSearch')
    .values({ caseId: c.id, terms })
    .onConflict((oc) => oc.column('caseId').doUpdateSet({ terms }));
  if (!isSqlite(db)) {
    await upsert.execute();
    return;
  }
  const { docId } = await upsert.returning('docId').executeTakeFirstOrThrow();
  await sql`delete from case_search_fts where rowid = ${docId}`.execute(db);
  await sql`insert into case_search_fts (rowid, terms) values (${docId}, ${terms})`.execute(db);
}

/** Rebuilds the index entry of every case, in batches of one transaction each; returns the count. */
export async function reindexAllCases(db: Kysely<DB>, batchSize = 500): Promise<number> {
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'title', 'content', 'address', 'replyText'])
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

/** A page of matches: the case rows with their rank (higher is better). */
export interface SearchHit {
  row: CaseRow;
  rank: number;
}

/**
 * Cases whose index holds every term (the last one as a prefix when `prefixLast`), within the
 * scope and filters, best first (bm25 on SQLite, ts_rank on PostgreSQL) — one SQL query, so the
 * scope limits the matches themselves and not a page after the fact.
 */
export async function searchCases(
  db: Kysely<DB>,
  terms: readonly string[],
  scope: Scope,
  filters: Omit<CaseSearchQuery, 'q' | 'cursor' | 'limit'>,
  page: { limit: number; offset: number; prefixLast: boolean },
  now: string,
): Promise<SearchHit[]> {
  // Terms are runs of letters and digits (segment.ts), so they need no escaping in either syntax.
  const last = terms.length - 1;
  const hits = isSqlite(db)
    ? sql<{ caseId: string; rank: number }>`(select s.case_id, -bm25(case_search_fts) as rank from case_search_fts join case_search s on s.doc_id = case_search_fts.rowid where case_search_fts match ${terms
        .map((t, i) => `"${t}"${page.prefixLast && i === last ? '*' : ''}`)
        .join(' ')})`
    : sql<{ caseId: string; rank: number }>`(select s.case_id, ts_rank(s.tsv, q) as rank from case_search s, to_tsquery('simple', ${terms
        .map((t, i) => `${t}${page.prefixLast && i === last ? ':*' : ''}`)
        .join(' & ')}) q where s.tsv @@ q)`;
  let query = db
    .selectFrom('cases')
    .innerJoin(hits.as('hit'), 'hit.caseId', 'cases.id')
    .selectAll('cases')
    .select('hit.rank')
    .where((eb) => inScope(eb as unknown as ExpressionBuilder<DB, 'cases'>, scope))
    .where((eb) => caseFilters(eb as unknown as ExpressionBuilder<DB, 'cases'>, filters, now));
  const rows = await query.orderBy('hit.rank', 'desc').orderBy('cases.registeredAt', 'desc').orderBy('cases.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return rows.map(({ rank, ...row }) => ({ row: row as CaseRow, rank: Number(rank) }));
}

import type { CaseSearchQuery } from '@lianxin/core';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { CaseRow, DB } from '../../db/schema.js';
import type { CaseScope as Scope } from '../../access/access.js';
import { caseFilters } from '../cases/cases.queries.js';
import { inScope } from '../cases/cases.repository.js';
import { subtreeRange } from '@lianxin/core';
import { countEachMatch, type MatchSpec, newestMatches, unitWord } from '../search-index/fts.js';
import { type RankContext, rankDocuments } from './search.rank.js';
import { hasUnitCasesOutsideAreas, matchableAreaWords } from '../search-index/index-scope.js';

/**
 * Search at millions of cases. A common word (低保, 小区) is in a tenth of all cases; ranking all of
 * them before filtering took a second at 1,000,000. Instead the pool of a search is the
 * SEARCH_POOL newest matching cases within the scope and filters, and that pool is ranked (BM25,
 * search.rank.ts, the same on both databases) and paged. A rare word's pool is every match, so it ranks exactly as before; a common
 * word's is its most recent matches, which is what a handler looks for; a date filter reaches older.
 *
 * A narrow scope's areas and units are part of the full-text match (area and unit words), so a
 * village cadre walks only the matches they may see and never gets a `partial` answer for want of
 * looking; a wide one's areas are not (it would cost more than it saves), its units are. Filters
 * and the scope are always checked in SQL on each chunk of matches.
 */

/** How many matching cases a search ranks (and can page through). */
export const SEARCH_POOL = 200;
/** A search walks at most this many index matches before answering with what it found. */
export const SCAN_BUDGET = 20_000;
const MAX_CHUNK = 4_000;

type CasesEb = ExpressionBuilder<DB, 'cases'>;
type Condition = (eb: CasesEb) => Expression<SqlBool>;
type Searchable = Kysely<DB & { caseSearch: { docId: number; caseId: string; terms: string } }>;

interface PoolHit {
  docId: number;
  id: string;
  registeredAt: string;
  /** The indexed words of the case (for the rank). */
  terms: string;
}

/**
 * The `want` newest documents matching `spec` whose case satisfies `where`, newest first. Walks
 * the index in growing chunks; `partial` when it stopped at `budget` matches before finding `want`.
 */
export async function newestCasesMatching(
  db: Kysely<DB>,
  spec: MatchSpec,
  where: Condition,
  want: number,
  budget = SCAN_BUDGET,
): Promise<{ hits: PoolHit[]; partial: boolean }> {
  const hits: PoolHit[] = [];
  let before: number | null = null;
  let scanned = 0;
  let chunk = want;
  for (;;) {
    const docs = await newestMatches(db, spec, { before, limit: chunk, rank: false });
    scanned += docs.length;
    if (docs.length) {
      const rows = await (db as unknown as Searchable)
        .selectFrom('caseSearch as s')
        // CROSS JOIN fixes the order on SQLite: from the few matched documents to their cases,
        // never a scan of the scope's area range (a county's is the whole table) probing the index.
        .crossJoin('cases')
        .whereRef('cases.id', '=', 's.caseId')
        .select(['s.docId', 's.terms', 'cases.id', 'cases.registeredAt'])
        .where('s.docId', 'in', docs.map((d) => d.docId))
        .where((eb) => where(eb as unknown as CasesEb))
        .execute();
      const found = rows.map((r) => ({ docId: Number(r.docId), id: r.id, registeredAt: r.registeredAt, terms: r.terms }));
      hits.push(...found.sort((a, b) => b.docId - a.docId));
    }
    if (hits.length >= want) return { hits: hits.slice(0, want), partial: false };
    if (docs.length < chunk) return { hits, partial: false };
    if (scanned >= budget) return { hits, partial: true };
    before = docs[docs.length - 1]!.docId;
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
}

/** The ranked pool of a search: case ids, best first. */
export interface SearchPool {
  ranked: Array<{ id: string; rank: number }>;
  /** The walk stopped at SCAN_BUDGET: there may be more recent matches in scope than the pool shows. */
  partial: boolean;
}

/**
 * The pool of cases whose index holds every term (the last one as a prefix when `prefixLast`),
 * within `scope` and `filters`, ranked best first (rank, then newer first, then id).
 */
export async function searchPool(
  db: Kysely<DB>,
  terms: readonly string[],
  scope: Scope,
  filters: Omit<CaseSearchQuery, 'q' | 'cursor' | 'limit'>,
  prefixLast: boolean,
  now: string,
  sizes: { pool?: number; budget?: number; areaMatchCap?: number } = {},
): Promise<SearchPool> {
  const size = sizes.pool ?? SEARCH_POOL;
  const filtered: Condition = (eb) => caseFilters(eb, filters, now);
  const cap = sizes.areaMatchCap;
  const filterWords = filters.areaCode ? await matchableAreaWords(db, { areaRanges: [subtreeRange(filters.areaCode)], unitIds: [] }, cap) : null;
  const filterAreas = filterWords ? [filterWords] : [];
  const parts: Array<Promise<{ hits: PoolHit[]; partial: boolean }>> = [];
  const inScopeAndFiltered: Condition = (eb) => eb.and([inScope(eb, scope), filtered(eb)]);
  // The scope's units are words of the index too (fts.ts unitWord): the cases a unit holds are
  // matched, never walked past, whatever the unit's share of the county.
  const units = scope.unitIds.map(unitWord);
  const unitPart = () =>
    newestCasesMatching(db, { all: terms, prefixLast, areas: [units, ...filterAreas] }, inScopeAndFiltered, size, sizes.budget);
  if (scope.areaRanges.length) {
    const areas = await matchableAreaWords(db, scope, cap);
    if (areas) {
      // A narrow scope (a village, a township): its areas and units in one match, so every case
      // walked is in scope and only the actor's own filters can leave a walk short.
      parts.push(newestCasesMatching(db, { all: terms, prefixLast, areas: [[...areas, ...units], ...filterAreas] }, inScopeAndFiltered, size, sizes.budget));
    } else {
      // A wide one (a county): its areas hold most matches; checked in SQL on each chunk.
      parts.push(newestCasesMatching(db, { all: terms, prefixLast, areas: filterAreas }, inScopeAndFiltered, size, sizes.budget));
      if (units.length && (await hasUnitCasesOutsideAreas(db, scope))) parts.push(unitPart());
    }
  } else if (units.length) {
    parts.push(unitPart());
  }
  const [results, rankContext] = await Promise.all([Promise.all(parts), weighTerms(db, terms, prefixLast)]);
  const byDoc = new Map<number, PoolHit>();
  for (const { hits } of results) for (const hit of hits) byDoc.set(hit.docId, hit);
  const pool = [...byDoc.values()].sort((a, b) => b.docId - a.docId).slice(0, size);
  const ranks = rankDocuments(rankContext, pool.map((h) => h.terms));
  const ranked = pool.map((h, i) => ({ id: h.id, registeredAt: h.registeredAt, rank: ranks[i]! }));
  ranked.sort((a, b) => b.rank - a.rank || (a.registeredAt < b.registeredAt ? 1 : a.registeredAt > b.registeredAt ? -1 : 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { ranked: ranked.map(({ id, rank }) => ({ id, rank })), partial: results.some((r) => r.partial) };
}

/** Document frequencies are counted up to here (search.rank.ts). */
export const DF_CAP = 1_000;

/** The weights of the query's words: their (capped) document frequencies and the index size. */
async function weighTerms(db: Kysely<DB>, terms: readonly string[], prefixLast: boolean): Promise<RankContext> {
  // One word weighs every document alike (BM25's idf is a positive factor common to all), so its
  // order needs no counting: the costliest statement of a search, saved for the usual query.
  if (terms.length === 1) return { terms, prefixLast, docFrequency: [0], totalDocs: 1 };
  const last = terms.length - 1;
  const { counts, indexSize } = await countEachMatch(db, terms.map((t, i) => ({ all: [t], prefixLast: prefixLast && i === last })), DF_CAP);
  return { terms, prefixLast, docFrequency: counts, totalDocs: indexSize };
}

/** The case rows of `ids`, in that order. */
export async function casesByIds(db: Kysely<DB>, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A case's tracking code as staff paste it into search (LX20261121-000123), any letter case. */
export const CASE_CODE_PATTERN = /^\s*(LX\d{8}-\d{6})\s*$/i;

/** The case with this tracking code, when the scope reaches it. */
export async function caseByCode(db: Kysely<DB>, code: string, scope: Scope): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('cases.code', '=', code).where((eb) => inScope(eb, scope)).executeTakeFirst();
}

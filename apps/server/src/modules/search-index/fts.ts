import { type Kysely, type RawBuilder, SqliteAdapter, type SqlBool, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The one place that speaks each database's full-text dialect. Every lookup here is bounded: it
 * walks the index newest first (keyset on `doc_id`, the FTS5 rowid on SQLite, a b-tree column on
 * PostgreSQL) and stops at `limit`, so its cost follows the page asked for and not how many cases
 * contain a common word. Ranks are computed only for the documents returned.
 *
 * Words are runs of letters and digits (search/segment.ts), so they need no escaping in either
 * syntax; area prefixes are digits.
 */

type Q = Kysely<DB> | Transaction<DB>;
export const isSqlite = (db: Q) => db.getExecutor().adapter instanceof SqliteAdapter;

/** What a document must contain. */
export interface MatchSpec {
  /** Every one of these words (AND) … */
  all?: readonly string[];
  /** … or, when `all` is empty, any of these (OR). */
  any?: readonly string[];
  /** The last word of `all` may be a prefix (search as you type). */
  prefixLast?: boolean;
  /** Area-prefix groups: the case's area must lie under one prefix of every group. */
  areas?: readonly (readonly string[])[];
}

/** A matching document: its index id (higher is newer) and its text rank (higher is better). */
export interface DocHit {
  docId: number;
  rank: number;
}

/**
 * The area words a case is indexed with: every level prefix of its area code (2, 4, 6, 9, 12
 * digits and a grid's 15), so that "under area X" is the single word `subtreePrefix(X)`
 * (org/area-code.ts). The
 * migration 2026112111_search_speed writes the same words in SQL.
 */
export function areaTerms(areaCode: string): string {
  const out = [2, 4, 6, 9, 12].map((n) => areaCode.slice(0, n));
  if (areaCode.length > 12) out.push(areaCode);
  return out.join(' ');
}

/**
 * The word of a unit in the index's area column: `u` and the unit id's UTF-8 bytes in hex (letters
 * and digits only, so both full-text parsers keep it whole; never all digits, so never an area
 * prefix). A case is indexed with its current unit's and co-units' words (migration
 * 2026120841_scale_reads writes the same in SQL), so a scope of units is part of the match.
 */
export const unitWord = (unitId: string) => `u${Buffer.from(unitId, 'utf8').toString('hex')}`;

/** The scope words a case is indexed with: its area prefixes and the words of its units. */
export function scopeTerms(areaCode: string, unitIds: readonly (string | null)[]): string {
  const units = [...new Set(unitIds.filter((u): u is string => !!u))].map(unitWord);
  return [areaTerms(areaCode), ...units].join(' ');
}

function sqliteMatch(spec: MatchSpec): string {
  const parts: string[] = [];
  const all = spec.all ?? [];
  if (all.length) {
    const last = all.length - 1;
    parts.push(`terms : (${all.map((t, i) => `"${t}"${spec.prefixLast && i === last ? '*' : ''}`).join(' AND ')})`);
  } else if (spec.any?.length) {
    parts.push(`terms : (${spec.any.map((t) => `"${t}"`).join(' OR ')})`);
  }
  for (const group of spec.areas ?? []) parts.push(`area : (${group.map((p) => `"${p}"`).join(' OR ')})`);
  return parts.join(' AND ');
}

function pgTextQuery(spec: MatchSpec): string {
  const all = spec.all ?? [];
  if (all.length) {
    const last = all.length - 1;
    return all.map((t, i) => `${t}${spec.prefixLast && i === last ? ':*' : ''}`).join(' & ');
  }
  return (spec.any ?? []).join(' | ');
}
const pgAreaQuery = (spec: MatchSpec) => (spec.areas ?? []).map((group) => `(${group.join(' | ')})`).join(' & ');

/** The PostgreSQL condition of `spec` on `case_search s` (`q` is the text query, when there is one). */
function pgWhere(spec: MatchSpec) {
  const text = pgTextQuery(spec);
  const area = pgAreaQuery(spec);
  const conditions = [];
  if (text) conditions.push(sql`s.tsv @@ to_tsquery('simple', ${text})`);
  if (area) conditions.push(sql`s.area_tsv @@ to_tsquery('simple', ${area})`);
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/**
 * Documents matching `spec`, newest first, with `docId < before` when given, at most `limit`;
 * ranked when `rank` (default), else rank 0. SQLite ranks with bm25 over `terms` only (area
 * weighs 0) — note that bm25 reads the whole posting list of every phrase once per query to
 * weigh it, so a county-wide area word in the match costs a million postings (search.scope.ts
 * `matchableAreaWords` leaves such words out). PostgreSQL ranks with ts_rank, per row.
 */
export async function newestMatches(db: Q, spec: MatchSpec, page: { before?: number | null; limit: number; rank?: boolean }): Promise<DocHit[]> {
  const before = page.before ?? Number.MAX_SAFE_INTEGER;
  const ranked = page.rank !== false;
  if (isSqlite(db)) {
    const rank = ranked ? sql`-bm25(case_search_text, 1.0, 0.0)` : sql`0`;
    const { rows } = await sql<DocHit>`select rowid as doc_id, ${rank} as rank from case_search_text
      where case_search_text match ${sqliteMatch(spec)} and rowid < ${before} order by rowid desc limit ${page.limit}`.execute(db);
    return rows;
  }
  const rank = ranked ? sql`ts_rank(s.tsv, to_tsquery('simple', ${pgTextQuery(spec)}))` : sql`0`;
  const { rows } = await sql<DocHit>`select s.doc_id, ${rank} as rank from case_search s
    where ${pgWhere(spec)} and s.doc_id < ${before} order by s.doc_id desc limit ${page.limit}`.execute(db);
  return rows.map((r) => ({ docId: Number(r.docId), rank: Number(r.rank) }));
}

/**
 * `cases.id`'s document matches `spec`: a probe of one document per case (SQLite: the FTS5 table
 * constrained to its rowid; PostgreSQL: the entry's tsvector), for a walk over cases in another
 * order that meets matches often (the ledger's common words).
 */
export function caseMatches(db: Q, spec: MatchSpec): RawBuilder<SqlBool> {
  if (isSqlite(db)) {
    return sql<SqlBool>`exists (select 1 from case_search s, case_search_text where s.case_id = cases.id and case_search_text.rowid = s.doc_id and case_search_text match ${sqliteMatch(spec)})`;
  }
  return sql<SqlBool>`exists (select 1 from case_search s where s.case_id = cases.id and ${pgWhere(spec)})`;
}

/** The case ids of the documents matching `spec`, newest first, at most `limit`. */
export async function matchingCaseIds(db: Q, spec: MatchSpec, limit: number): Promise<string[]> {
  const docs = await newestMatches(db, spec, { limit, rank: false });
  if (docs.length === 0) return [];
  const { rows } = await sql<{ caseId: string }>`select case_id from case_search where doc_id in (${sql.join(docs.map((d) => d.docId))})`.execute(db);
  return rows.map((r) => r.caseId);
}

/**
 * The best-ranked documents matching `spec`, at most `limit`. Its cost grows with the number of
 * matches, so callers use it only for words they know to be rare (see `countMatches`).
 */
export async function bestMatches(db: Q, spec: MatchSpec, limit: number): Promise<DocHit[]> {
  if (isSqlite(db)) {
    const { rows } = await sql<DocHit>`select rowid as doc_id, -bm25(case_search_text, 1.0, 0.0) as rank from case_search_text
      where case_search_text match ${sqliteMatch(spec)} order by bm25(case_search_text, 1.0, 0.0), rowid desc limit ${limit}`.execute(db);
    return rows;
  }
  const { rows } = await sql<DocHit>`select s.doc_id, ts_rank(s.tsv, to_tsquery('simple', ${pgTextQuery(spec)})) as rank from case_search s
    where ${pgWhere(spec)} order by rank desc, s.doc_id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ docId: Number(r.docId), rank: Number(r.rank) }));
}

/** How many documents match `spec`, counting no further than `cap` (so a common word costs `cap`). */
export async function countMatches(db: Q, spec: MatchSpec, cap: number): Promise<number> {
  const { rows } = isSqlite(db)
    ? await sql<{ n: number }>`select count(*) as n from (select rowid from case_search_text where case_search_text match ${sqliteMatch(spec)} limit ${cap})`.execute(db)
    : await sql<{ n: number }>`select count(*) as n from (select 1 from case_search s where ${pgWhere(spec)} limit ${cap}) m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The highest index id: an upper bound of the number of indexed cases, read from the key's index. */
export async function indexSize(db: Q): Promise<number> {
  const { rows } = await sql<{ n: number | string | null }>`select max(doc_id) as n from case_search`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

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
 * PostgreSQL: documents in windows of DOC_WINDOW consecutive ids, each window a word `b<n>` of the
 * index `case_search_match` (migration 2026120921_search_windows; the expression is spelled the same
 * there and here, so the planner matches it).
 */
export const DOC_WINDOW = 16_384;
const windowWord = sql`to_tsvector('simple'::regconfig, 'b' || (s.doc_id / 16384)::text)`;
/** Windows asked for before the rest of the index is asked at once (the newest 2, then 4, 16, 64). */
const WINDOW_STEPS = 3;

/**
 * Documents matching `spec`, newest first, with `docId < before` when given, at most `limit`;
 * ranked when `rank` (default), else rank 0. SQLite ranks with bm25 over `terms` only (area
 * weighs 0) — note that bm25 reads the whole posting list of every phrase once per query to
 * weigh it, so a county-wide area word in the match costs a million postings (search.scope.ts
 * `matchableAreaWords` leaves such words out). PostgreSQL ranks with ts_rank, per row.
 *
 * PostgreSQL walks windows of ids newest first (from the top: the newest two windows, found in
 * the statement that reads the highest id, then the 4 before them, 16, 64; from `before`: its
 * window, then 4, 16), each one GIN lookup of the windows' words with the match, whose few rows
 * are then sorted; past those, the rest at once (it holds few matches, or the windows would have
 * filled the page). A common word's page is thus read from the newest 32,768 documents, not from
 * all of its matches, and a rare one's costs at most four lookups.
 */
export async function newestMatches(db: Q, spec: MatchSpec, page: { before?: number | null; limit: number; rank?: boolean }): Promise<DocHit[]> {
  const ranked = page.rank !== false;
  if (isSqlite(db)) {
    const before = page.before ?? Number.MAX_SAFE_INTEGER;
    const rank = ranked ? sql`-bm25(case_search_text, 1.0, 0.0)` : sql`0`;
    const { rows } = await sql<DocHit>`select rowid as doc_id, ${rank} as rank from case_search_text
      where case_search_text match ${sqliteMatch(spec)} and rowid < ${before} order by rowid desc limit ${page.limit}`.execute(db);
    return rows;
  }
  const rank = ranked ? sql`ts_rank(s.tsv, to_tsquery('simple', ${pgTextQuery(spec)}))` : sql`0`;
  const out: DocHit[] = [];
  const take = (rows: Array<{ docId: number | string | null; rank: number | string | null }>) => {
    for (const r of rows) if (r.docId !== null) out.push({ docId: Number(r.docId), rank: Number(r.rank) });
  };
  let before = page.before ?? null;
  let high: number;
  let width = 4;
  if (before === null) {
    // From the top: the newest two windows in the statement that finds the newest id (one round trip).
    const { rows } = await sql<{ top: number | string; docId: number | string | null; rank: number | string | null }>`with t as (select coalesce(max(doc_id), 0) as top from case_search)
      select t.top, m.doc_id, m.rank from t left join lateral (select s.doc_id, ${rank} as rank from case_search s
        where ${pgWhere(spec)} and ${windowWord} @@ to_tsquery('simple', 'b' || (t.top / ${DOC_WINDOW}) || ' | b' || greatest(t.top / ${DOC_WINDOW} - 1, 0))
        order by s.doc_id + 0 desc limit ${page.limit}) m on true`.execute(db);
    take(rows);
    const top = Number(rows[0]?.top ?? 0);
    before = top + 1;
    high = Math.floor(top / DOC_WINDOW) - 2;
  } else {
    high = Math.floor((before - 1) / DOC_WINDOW);
    // The first window holds at least half a window of documents below `before`.
    width = (before - 1) % DOC_WINDOW < DOC_WINDOW / 2 ? 2 : 1;
  }
  for (let step = 0; out.length < page.limit && high >= 0; step++) {
    const low = high - width + 1;
    const windows = low > 0 && step < WINDOW_STEPS ? Array.from({ length: width }, (_, i) => `b${high - i}`).join(' | ') : null;
    const inWindows = windows ? sql`and ${windowWord} @@ to_tsquery('simple', ${windows})` : sql``;
    // `doc_id + 0`: the order is the sort's, of the few rows the GIN index finds, never a walk of
    // the doc_id b-tree testing every row (the planner's pick when it misjudges a prefix's share).
    const { rows } = await sql<DocHit>`select s.doc_id, ${rank} as rank from case_search s
      where ${pgWhere(spec)} ${inWindows} and s.doc_id < ${Math.min(before, (high + 1) * DOC_WINDOW)} order by s.doc_id + 0 desc limit ${page.limit - out.length}`.execute(db);
    take(rows);
    if (!windows) break;
    high = low - 1;
    width *= 4;
  }
  return out;
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

/**
 * How many documents match each of `specs` (each counted no further than `cap`), and the index
 * size (`indexSize`): one statement, one round trip, whatever the number of words.
 */
export async function countEachMatch(db: Q, specs: readonly MatchSpec[], cap: number): Promise<{ counts: number[]; indexSize: number }> {
  const counts = specs.map((spec, i) =>
    isSqlite(db)
      ? sql`(select count(*) from (select rowid from case_search_text where case_search_text match ${sqliteMatch(spec)} limit ${cap})) as ${sql.ref(`n${i}`)}`
      : sql`(select count(*) from (select 1 from case_search s where ${pgWhere(spec)} limit ${cap}) m) as ${sql.ref(`n${i}`)}`,
  );
  const { rows } = await sql<Record<string, number | string | null>>`select ${sql.join([...counts, sql`(select max(doc_id) from case_search) as total`])}`.execute(db);
  const row = rows[0] ?? {};
  return { counts: specs.map((_, i) => Number(row[`n${i}`] ?? 0)), indexSize: Number(row.total ?? 0) };
}

/** The highest index id: an upper bound of the number of indexed cases, read from the key's index. */
export async function indexSize(db: Q): Promise<number> {
  const { rows } = await sql<{ n: number | string | null }>`select max(doc_id) as n from case_search`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

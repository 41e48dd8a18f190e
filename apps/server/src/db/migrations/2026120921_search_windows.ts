import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Search newest first on PostgreSQL without walking every match (issue 19). A GIN index answers
 * "which documents hold these words" but in no order, so "the 200 newest cases with 低保" read all
 * of its 60,000 matches at 1,000,000 cases (or walked the doc_id b-tree testing each row).
 *
 * Now one GIN index holds, per document, its words (`tsv`), its scope words (`area_tsv`: area
 * prefixes and units) and its window: the word `b<doc_id / 16384>` (an expression, so no column is
 * added and the table is not rewritten). A search asks for the newest window first, then the four
 * before it, and so on (fts.ts `newestMatches`): GIN intersects the few postings of one window with
 * the words and the scope, and only those rows are read. It replaces the two single-column GIN
 * indexes of 2026112111_search_speed, which any of its columns alone still serves.
 *
 * SQLite is unchanged: its FTS5 table walks rowids newest first already.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`create index case_search_match on case_search using gin (tsv, area_tsv, (to_tsvector('simple'::regconfig, 'b' || (doc_id / 16384)::text)))`.execute(db);
  await sql`drop index case_search_tsv`.execute(db);
  await sql`drop index case_search_area_tsv`.execute(db);
  // Statistics of the window expression, so the planner knows how few rows a window holds.
  await sql`analyze case_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`create index case_search_tsv on case_search using gin (tsv)`.execute(db);
  await sql`create index case_search_area_tsv on case_search using gin (area_tsv)`.execute(db);
  await sql`drop index case_search_match`.execute(db);
}

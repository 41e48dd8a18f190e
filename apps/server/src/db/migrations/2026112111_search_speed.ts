import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Search and similar-case lookup at millions of cases (issue 6):
 * - The area of a case becomes part of the full-text index: `area` holds every prefix of its area
 *   code (36 3601 360102 360102001 360102001002 …), so "in my area" is part of the match itself and
 *   a village cadre's search never walks the county's matches.
 *   SQLite: a new FTS5 table `case_search_text(terms, area)` replaces `case_search_fts` (searches
 *   name the column, and bm25 gives `area` weight 0, so ranking is unchanged).
 *   PostgreSQL: `case_search.area_terms` with its own tsvector and GIN index.
 * - PostgreSQL gets `case_search.doc_id` like SQLite's, numbered oldest first, so both databases
 *   walk matches newest first in the same order (keyset on doc_id).
 * - `cases (current_unit_id, area_code)`: tells at once whether a unit has cases outside an area.
 * The area prefixes written here must equal `areaTerms` of modules/search/search.index.ts.
 */
const AREA_TERMS_SQL = `substr(c.area_code, 1, 2) || ' ' || substr(c.area_code, 1, 4) || ' ' || substr(c.area_code, 1, 6) || ' ' || substr(c.area_code, 1, 9) || ' ' || substr(c.area_code, 1, 12) || case when length(c.area_code) > 12 then ' ' || c.area_code else '' end`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_unit_area').on('cases').columns(['current_unit_id', 'area_code']).execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create virtual table case_search_text using fts5(terms, area, content='', contentless_delete=1, prefix='1 2', tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`insert into case_search_text (rowid, terms, area) select s.doc_id, s.terms, ${sql.raw(AREA_TERMS_SQL)} from case_search s join cases c on c.id = s.case_id`.execute(db);
    await sql`drop table case_search_fts`.execute(db);
    return;
  }
  await sql`alter table case_search add column doc_id bigint`.execute(db);
  await sql`update case_search s set doc_id = n.rn from (select s2.case_id, row_number() over (order by c.registered_at, c.id) as rn from case_search s2 join cases c on c.id = s2.case_id) n where n.case_id = s.case_id`.execute(db);
  await sql`create sequence case_search_doc_id_seq owned by case_search.doc_id`.execute(db);
  await sql`select setval('case_search_doc_id_seq', coalesce((select max(doc_id) from case_search), 0) + 1, false)`.execute(db);
  await sql`alter table case_search alter column doc_id set default nextval('case_search_doc_id_seq')`.execute(db);
  await sql`alter table case_search alter column doc_id set not null`.execute(db);
  await sql`create unique index case_search_doc on case_search (doc_id)`.execute(db);
  await sql`alter table case_search add column area_terms text not null default ''`.execute(db);
  await sql`update case_search s set area_terms = ${sql.raw(AREA_TERMS_SQL)} from cases c where c.id = s.case_id`.execute(db);
  await sql`alter table case_search add column area_tsv tsvector generated always as (to_tsvector('simple', area_terms)) stored`.execute(db);
  await sql`create index case_search_area_tsv on case_search using gin (area_tsv)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create virtual table case_search_fts using fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`insert into case_search_fts (rowid, terms) select doc_id, terms from case_search`.execute(db);
    await sql`drop table case_search_text`.execute(db);
  } else {
    await sql`drop index case_search_area_tsv`.execute(db);
    await sql`alter table case_search drop column area_tsv`.execute(db);
    await sql`alter table case_search drop column area_terms`.execute(db);
    await sql`drop index case_search_doc`.execute(db);
    await sql`alter table case_search drop column doc_id`.execute(db);
  }
  await db.schema.dropIndex('cases_unit_area').execute();
}

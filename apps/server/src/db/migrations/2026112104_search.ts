import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * The full-text index of cases. `case_search.terms` holds the words of title, content, address and
 * reply as segmented by the application (modules/search/segment.ts), so both databases index the
 * same words. SQLite keeps them in an FTS5 table whose rowid is `doc_id` (an INTEGER PRIMARY KEY,
 * which VACUUM never renumbers); PostgreSQL in a generated tsvector with a GIN index. The
 * application writes both in the transaction of the change — no triggers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create table case_search (doc_id integer primary key, case_id text not null unique references cases (id), terms text not null)`.execute(db);
    await sql`create virtual table case_search_fts using fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    return;
  }
  await sql`create table case_search (case_id text primary key references cases (id), terms text not null, tsv tsvector generated always as (to_tsvector('simple', terms)) stored)`.execute(db);
  await sql`create index case_search_tsv on case_search using gin (tsv)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`drop table case_search_fts`.execute(db);
  await sql`drop table case_search`.execute(db);
}

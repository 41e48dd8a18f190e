import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * The policy and answer library (政策知识库): policies and standard answers, and their full-text
 * index built like case_search (2026112104_search): `policy_search.terms` holds the words of title,
 * source and body as segmented by the application; FTS5 on SQLite (rowid = doc_id), a generated
 * tsvector with a GIN index on PostgreSQL. The service writes both in the transaction of the change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('policy', 'answer')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('category_code', 'text', (c) => c.references('categories.code'))
    .addColumn('published_at', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policies_kind_updated').on('policies').columns(['kind', 'updated_at']).execute();
  await db.schema.createIndex('policies_category').on('policies').column('category_code').execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create table policy_search (doc_id integer primary key, policy_id text not null unique references policies (id), terms text not null)`.execute(db);
    await sql`create virtual table policy_search_fts using fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    return;
  }
  await sql`create table policy_search (policy_id text primary key references policies (id), terms text not null, tsv tsvector generated always as (to_tsvector('simple', terms)) stored)`.execute(db);
  await sql`create index policy_search_tsv on policy_search using gin (tsv)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`drop table policy_search_fts`.execute(db);
  await sql`drop table policy_search`.execute(db);
  await db.schema.dropTable('policies').execute();
}

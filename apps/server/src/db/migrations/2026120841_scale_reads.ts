import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Daily reads that stay flat as the cases grow (issue 19):
 * - `cases_unit_time` (current_unit_id, registered_at, id): the ledger of one unit, newest first,
 *   is a walk of its own cases (it sorted every case of a busy unit before).
 * - `cases_status_time` (status, registered_at, id, current_due_at): a ledger narrowed by states
 *   (an `overdue` ledger is the open states) walks each state newest first and merges
 *   (cases.queries.ts); the deadline in the index lets the walk pass over the open cases not yet
 *   due (the last couple of weeks' work, not the years behind) without reading their rows.
 * - The search index also holds the words of the case's units (`u` + the unit id's UTF-8 bytes in
 *   hex: current unit and co-units) next to its area words, so a scope of units is part of the
 *   full-text match and a narrow scope never walks cases it cannot see (search.repository.ts).
 *   SQLite: the FTS5 table is rebuilt; PostgreSQL: `case_search.area_terms` rewritten.
 */
const AREA_TERMS_SQL = `substr(c.area_code, 1, 2) || ' ' || substr(c.area_code, 1, 4) || ' ' || substr(c.area_code, 1, 6) || ' ' || substr(c.area_code, 1, 9) || ' ' || substr(c.area_code, 1, 12) || case when length(c.area_code) > 12 then ' ' || c.area_code else '' end`;
const unitWord = (column: string, sqlite: boolean) => (sqlite ? `'u' || lower(hex(${column}))` : `'u' || encode(convert_to(${column}, 'UTF8'), 'hex')`);

function scopeTermsSql(sqlite: boolean): string {
  const coUnits = sqlite
    ? `coalesce((select ' ' || group_concat(${unitWord('cu.unit_id', true)}, ' ') from case_co_units cu where cu.case_id = c.id), '')`
    : `coalesce((select ' ' || string_agg(${unitWord('cu.unit_id', false)}, ' ') from case_co_units cu where cu.case_id = c.id), '')`;
  return `${AREA_TERMS_SQL} || case when c.current_unit_id is null then '' else ' ' || ${unitWord('c.current_unit_id', sqlite)} end || ${coUnits}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_unit_time').on('cases').columns(['current_unit_id', 'registered_at', 'id']).execute();
  await db.schema.createIndex('cases_status_time').on('cases').columns(['status', 'registered_at', 'id', 'current_due_at']).execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`delete from case_search_text`.execute(db);
    await sql`insert into case_search_text (rowid, terms, area) select s.doc_id, s.terms, ${sql.raw(scopeTermsSql(true))} from case_search s join cases c on c.id = s.case_id`.execute(db);
  } else {
    await sql`update case_search s set area_terms = ${sql.raw(scopeTermsSql(false))} from cases c where c.id = s.case_id and c.current_unit_id is not null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_unit_time').execute();
  await db.schema.dropIndex('cases_status_time').execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`delete from case_search_text`.execute(db);
    await sql`insert into case_search_text (rowid, terms, area) select s.doc_id, s.terms, ${sql.raw(AREA_TERMS_SQL)} from case_search s join cases c on c.id = s.case_id`.execute(db);
  } else {
    await sql`update case_search s set area_terms = ${sql.raw(AREA_TERMS_SQL)} from cases c where c.id = s.case_id`.execute(db);
  }
}

import { type Kysely, sql } from 'kysely';

/**
 * The overdue ledger flat as the cases grow (issue 19):
 * `cases_open_time` (registered_at, id, current_due_at, area_code, current_unit_id), partial —
 * only the open cases (the states in which a time limit runs, `ACTIVE_STATES`). `overdue=true`
 * newest first is one backward walk of the open cases, the deadline, area and unit tested in the
 * index; it passes over the open cases not yet due (the last weeks' work) and never reads or sorts
 * the closed years behind. The query spells the same state list as literals (cases.queries.ts
 * `OPEN_STATES_SQL`), which is what lets both databases use a partial index.
 *
 * (2026120841's per-state walks of `cases_status_time` read the table row of every open case not
 * yet due to test its scope on SQLite, and merged eight walks: slower than the sort they replaced.)
 */
export const OPEN_CASE_STATES = ['registered', 'assigned', 'handling', 'replied', 'evaluated', 'reopened', 'reviewing', 'rereviewing'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const states = sql.join(OPEN_CASE_STATES.map((s) => sql.lit(s)));
  await sql`create index cases_open_time on cases (registered_at, id, current_due_at, area_code, current_unit_id) where status in (${states})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_open_time').execute();
}

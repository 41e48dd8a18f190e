import { type Kysely, sql } from 'kysely';

/**
 * Metrics at scale (issue 19): "open and overdue now" is read as open (from the rollups) minus the
 * open cases whose deadline is still ahead, counted live. At 1 M cases that live count walked the
 * status-and-deadline index and then read ~26,000 case rows (the open work of the last two weeks),
 * 0.4–0.7 s of a 1 s report on SQLite. This partial index holds only cases in the states where a
 * late clock is overdue work (OVERDUE_STATES of metrics.repository.ts, frozen here as a migration
 * must be, in the same order: the query names them as literals so both databases can match it to
 * the index's WHERE) with every column that count reads, after the same (status, deadline) prefix as
 * cases_status_due_area so the planner takes it instead: it never reads a case row, and is small (the
 * open backlog, not the history) and covering.
 */
export const OPEN_DUE_STATES = ['registered', 'assigned', 'handling', 'evaluated', 'reopened', 'reviewing', 'rereviewing'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `CREATE INDEX cases_open_due ON cases (status, current_due_at, registered_at, area_code, current_unit_id, registered_unit_id, category_code, id)
       WHERE status IN (${OPEN_DUE_STATES.map((s) => `'${s}'`).join(', ')})`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_open_due').ifExists().execute();
}

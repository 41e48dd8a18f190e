import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * 指标汇总 (issue 19): the additive counts of the metrics (docs/METRICS.md) per China-time day and
 * per China-time month of registration, area, category and responsible unit (and, coarser, per
 * township and responsible unit only), kept exact by
 * triggers in the very transaction that inserts, changes or deletes a case (or confirms, withdraws
 * or deletes an overdue accountability record), whatever code path does it. Existing cases are
 * backfilled here. See metrics.repository.ts for how a report combines them with the live parts
 * (partial days at the edges of a period, open-and-overdue, co-handled cases).
 *
 * The SQL is generated from one list (COUNTS) for both databases, so the trigger, the backfill and
 * the live recount of metrics.repository.ts count the same things. Self-contained on purpose: a
 * migration must not change when application code does.
 */

type Db = 'sqlite' | 'postgres';

const CLOSED = `('closed', 'final')`;
/** ACTIVE_STATES without 'replied' (frozen here as a migration must be). */
const OVERDUE = `('registered', 'assigned', 'handling', 'evaluated', 'reopened', 'reviewing', 'rereviewing')`;
const RECORDED = `EXISTS (SELECT 1 FROM accountability_records ar WHERE ar.case_id = R.id AND ar.reason = 'overdue' AND ar.state = 'confirmed')`;
/** Each count's condition on a case row `R` (R. is replaced by OLD., NEW. or cases.). */
const COUNTS: ReadonlyArray<readonly [column: string, condition: string]> = [
  ['registered', 'TRUE'],
  ['assigned', 'R.dispatched_at IS NOT NULL'],
  ['responded_in_time', 'R.dispatched_at IS NOT NULL AND R.responded_on_time = 1'],
  ['evaluated', 'R.evaluation_result IS NOT NULL'],
  ['solved', 'R.evaluation_result IS NOT NULL AND R.evaluation_solved = 1'],
  ['satisfied', `R.evaluation_result = 'satisfied'`],
  ['basically_satisfied', `R.evaluation_result = 'basically_satisfied'`],
  ['dissatisfied', `R.evaluation_result = 'dissatisfied'`],
  ['closed', `R.closed_at IS NOT NULL AND R.status IN ${CLOSED}`],
  ['closed_on_time', `R.closed_at IS NOT NULL AND R.status IN ${CLOSED} AND R.closed_on_time = 1`],
  ['returned', 'R.dispatched_at IS NOT NULL AND R.return_count > 0'],
  ['repeat', 'R.flag_repeat = 1'],
  ['overdue_recorded', RECORDED],
  ['handling_count', 'R.replied_at IS NOT NULL'],
  // In a state where a late clock is the unit's overdue work (OVERDUE_STATES of metrics.repository.ts):
  // a read subtracts those not yet due, few whatever the table's size, to count "open and overdue".
  ['open_pending', `R.status IN ${OVERDUE}`],
  ['open_recorded', `R.status IN ${OVERDUE} AND ${RECORDED}`],
];
/** Columns whose change can change a case's contribution (a trigger skips other updates). */
const WATCHED = [
  'registered_at', 'area_code', 'category_code', 'current_unit_id', 'registered_unit_id', 'dispatched_at', 'responded_on_time',
  'evaluation_result', 'evaluation_solved', 'closed_at', 'status', 'closed_on_time', 'return_count', 'flag_repeat', 'replied_at',
];
const DAY = { sqlite: `date(R.registered_at, '+8 hours')`, postgres: `to_char((cast(R.registered_at AS timestamptz) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')` };
const MONTH = { sqlite: `strftime('%Y-%m', R.registered_at, '+8 hours')`, postgres: `to_char((cast(R.registered_at AS timestamptz) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')` };
const FINE_KEY = { area_code: 'R.area_code', category_code: 'R.category_code' };
/** The township (first 9 digits of the area code) only, no category: few rows, for county and township reads. */
const COARSE_KEY = { township: 'substr(R.area_code, 1, 9)' };
const UNIT_KEY = { unit_id: 'coalesce(R.current_unit_id, R.registered_unit_id)', unit_current: 'CASE WHEN R.current_unit_id IS NOT NULL THEN 1 ELSE 0 END' };
const TABLES = [
  { name: 'case_rollup_days', period: DAY, keys: { ...FINE_KEY, ...UNIT_KEY } },
  { name: 'case_rollup_months', period: MONTH, keys: { ...FINE_KEY, ...UNIT_KEY } },
  { name: 'case_rollup_unit_days', period: DAY, keys: { ...COARSE_KEY, ...UNIT_KEY } },
  { name: 'case_rollup_unit_months', period: MONTH, keys: { ...COARSE_KEY, ...UNIT_KEY } },
] as const;
type Table = (typeof TABLES)[number];
const keyColumns = (table: Table) => ['period', ...Object.keys(table.keys)];

const on = (expr: string, row: string) => expr.replaceAll('R.', `${row}.`);
const handlingMs = (db: Db) =>
  db === 'sqlite'
    ? 'CAST(round((julianday(R.replied_at) - julianday(R.registered_at)) * 86400000.0) AS INTEGER)'
    : 'CAST(round(extract(epoch from (cast(R.replied_at AS timestamptz) - cast(R.registered_at AS timestamptz))) * 1000) AS bigint)';
const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/** The key and count expressions of row `row` in `table`, each count multiplied by `sign`. */
function contribution(db: Db, table: Table, row: string, sign: 1 | -1) {
  const s = sign === 1 ? '' : '-';
  const keys = [table.period[db], ...Object.values(table.keys)];
  const counts = [
    ...COUNTS.map(([, condition]) => `${s}${flag(condition === 'TRUE' ? '1 = 1' : condition)}`),
    `${s}(CASE WHEN R.replied_at IS NOT NULL THEN ${handlingMs(db)} ELSE 0 END)`,
  ];
  return { keys: keys.map((k) => on(k, row)), counts: counts.map((c) => on(c, row)) };
}
const countColumns = [...COUNTS.map(([c]) => c), 'handling_ms_total'];

/** One upsert adding (or subtracting) a row's contribution. */
function upsert(db: Db, table: Table, row: string, sign: 1 | -1) {
  const { keys, counts } = contribution(db, table, row, sign);
  return `INSERT INTO ${table.name} (${[...keyColumns(table), ...countColumns].join(', ')}) VALUES (${[...keys, ...counts].join(', ')})
    ON CONFLICT (${keyColumns(table).join(', ')}) DO UPDATE SET ${countColumns.map((c) => `${c} = ${table.name}.${c} + excluded.${c}`).join(', ')};`;
}

/** Adds `delta` to overdue_recorded of the rows case `caseId` counts in. */
function recordedDelta(db: Db, table: Table, caseId: string, delta: string) {
  const { keys } = contribution(db, table, 'c', 1);
  return `UPDATE ${table.name} SET overdue_recorded = overdue_recorded + ${delta},
      open_recorded = open_recorded + (SELECT CASE WHEN c.status IN ${OVERDUE} THEN ${delta} ELSE 0 END FROM cases c WHERE c.id = ${caseId})
    WHERE (${keyColumns(table).join(', ')}) = (SELECT ${keys.join(', ')} FROM cases c WHERE c.id = ${caseId});`;
}

const confirmedOverdue = (row: string) => `(${row}.reason = 'overdue' AND ${row}.state = 'confirmed')`;
const otherConfirmed = (row: string) =>
  `EXISTS (SELECT 1 FROM accountability_records o WHERE o.case_id = ${row}.case_id AND o.id <> ${row}.id AND o.reason = 'overdue' AND o.state = 'confirmed')`;

export async function up(db: Kysely<any>): Promise<void> {
  const dialect: Db = db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
  for (const table of TABLES) {
    let create = db.schema.createTable(table.name);
    for (const column of keyColumns(table)) create = create.addColumn(column, column === 'unit_current' ? 'integer' : 'text', (c) => c.notNull());
    for (const column of countColumns) create = create.addColumn(column, column === 'handling_ms_total' ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0));
    // The key starts with the period: every read is a period range.
    await create.addPrimaryKeyConstraint(`${table.name}_pk`, keyColumns(table) as never).execute();
  }

  // Backfill from the cases there are.
  for (const table of TABLES) {
    const { keys, counts } = contribution(dialect, table, 'cases', 1);
    await sql
      .raw(
        `INSERT INTO ${table.name} (${[...keyColumns(table), ...countColumns].join(', ')})
         SELECT ${keys.join(', ')}, ${counts.map((c) => `sum(${c})`).join(', ')} FROM cases GROUP BY ${keys.join(', ')}`,
      )
      .execute(db);
  }

  const changed = WATCHED.map((c) => (dialect === 'sqlite' ? `OLD.${c} IS NOT NEW.${c}` : `OLD.${c} IS DISTINCT FROM NEW.${c}`)).join(' OR ');
  if (dialect === 'sqlite') {
    const all = (row: string, sign: 1 | -1) => TABLES.map((t) => upsert('sqlite', t, row, sign)).join('\n');
    await sql.raw(`CREATE TRIGGER case_rollups_insert AFTER INSERT ON cases BEGIN ${all('NEW', 1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER case_rollups_delete AFTER DELETE ON cases BEGIN ${all('OLD', -1)} END`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER case_rollups_update AFTER UPDATE ON cases WHEN ${changed} BEGIN
          ${TABLES.map((t) => upsert('sqlite', t, 'OLD', -1) + upsert('sqlite', t, 'NEW', 1)).join('\n')} END`,
      )
      .execute(db);
    // A case counts once in overdue_recorded however many confirmed overdue records it has.
    const recorded = (caseRow: string, delta: string) => TABLES.map((t) => recordedDelta('sqlite', t, `${caseRow}.case_id`, delta)).join('\n');
    await sql
      .raw(`CREATE TRIGGER case_rollups_record_insert AFTER INSERT ON accountability_records
        WHEN ${confirmedOverdue('NEW')} AND NOT ${otherConfirmed('NEW')} BEGIN ${recorded('NEW', '1')} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER case_rollups_record_delete AFTER DELETE ON accountability_records
        WHEN ${confirmedOverdue('OLD')} AND NOT ${otherConfirmed('OLD')} BEGIN ${recorded('OLD', '-1')} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER case_rollups_record_update AFTER UPDATE ON accountability_records
        WHEN ${confirmedOverdue('OLD')} <> ${confirmedOverdue('NEW')} AND NOT ${otherConfirmed('NEW')}
        BEGIN ${recorded('NEW', `CASE WHEN ${confirmedOverdue('NEW')} THEN 1 ELSE -1 END`)} END`)
      .execute(db);
    return;
  }

  // PostgreSQL: one function per table of origin. Rows are locked in one order (table by table,
  // lower key first) so two transactions moving cases between the same two keys cannot deadlock.
  const keyText = (t: Table, row: string) => `concat_ws('|', ${contribution('postgres', t, row, 1).keys.join(', ')})`;
  const both = (row: string, sign: 1 | -1, t: Table) => upsert('postgres', t, row, sign);
  await sql
    .raw(
      `CREATE FUNCTION case_rollups_apply() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${TABLES.map((t) => both('NEW', 1, t)).join('\n')}
        ELSIF TG_OP = 'DELETE' THEN
          ${TABLES.map((t) => both('OLD', -1, t)).join('\n')}
        ELSE
          ${TABLES.map((t) => `IF ${keyText(t, 'NEW')} < ${keyText(t, 'OLD')} THEN ${both('NEW', 1, t)} ${both('OLD', -1, t)} ELSE ${both('OLD', -1, t)} ${both('NEW', 1, t)} END IF;`).join('\n')}
        END IF;
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER case_rollups_insert_delete AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_rollups_apply()`).execute(db);
  await sql.raw(`CREATE TRIGGER case_rollups_update AFTER UPDATE ON cases FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION case_rollups_apply()`).execute(db);
  const recorded = (caseRow: string, delta: string) => TABLES.map((t) => recordedDelta('postgres', t, `${caseRow}.case_id`, delta)).join('\n');
  await sql
    .raw(
      `CREATE FUNCTION case_rollups_record() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF ${confirmedOverdue('NEW')} AND NOT ${otherConfirmed('NEW')} THEN ${recorded('NEW', '1')} END IF;
        ELSIF TG_OP = 'DELETE' THEN
          IF ${confirmedOverdue('OLD')} AND NOT ${otherConfirmed('OLD')} THEN ${recorded('OLD', '-1')} END IF;
        ELSIF ${confirmedOverdue('OLD')} <> ${confirmedOverdue('NEW')} AND NOT ${otherConfirmed('NEW')} THEN
          ${recorded('NEW', `CASE WHEN ${confirmedOverdue('NEW')} THEN 1 ELSE -1 END`)}
        END IF;
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER case_rollups_record AFTER INSERT OR UPDATE OR DELETE ON accountability_records FOR EACH ROW EXECUTE FUNCTION case_rollups_record()`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const t of ['insert', 'delete', 'update', 'record_insert', 'record_delete', 'record_update']) await sql.raw(`DROP TRIGGER IF EXISTS case_rollups_${t}`).execute(db);
  } else {
    await sql.raw('DROP TRIGGER IF EXISTS case_rollups_insert_delete ON cases').execute(db);
    await sql.raw('DROP TRIGGER IF EXISTS case_rollups_update ON cases').execute(db);
    await sql.raw('DROP TRIGGER IF EXISTS case_rollups_record ON accountability_records').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS case_rollups_apply()').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS case_rollups_record()').execute(db);
  }
  for (const table of TABLES) await db.schema.dropTable(table.name).ifExists().execute();
}

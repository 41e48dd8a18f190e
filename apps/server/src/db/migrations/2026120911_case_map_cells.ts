import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * 案件地图汇总 (issue 19): the case map's aggregated tiles. For every UTC day (`case_map_days`,
 * period YYYY-MM-DD) and UTC month (`case_map_months`, YYYY-MM) of registration, area code, state
 * and grid cell, the number of cases with coordinates and the sums of their coordinates (in 1e-7
 * degrees, integers: adding and subtracting stays exact). The cell is the Web Mercator grid of
 * map/grid.ts at CELL_LEVEL (64-pixel cells at zoom 12), so a county or township view (zoom ≤ 11:
 * clusters at the zoom, heat cells one finer) reads a few thousand rows whatever the table's size.
 * Kept exact by triggers in the transaction that inserts, changes or deletes a case, whatever code
 * path does it; existing cases are backfilled here. Zoomed-in views read the cases through the
 * index on coordinates (cases_map_point) created here too.
 *
 * Self-contained on purpose (a migration must not change when application code does): the cell
 * expressions are frozen here and map.repository.ts reads them through `mapCellSql`.
 */

type Db = 'sqlite' | 'postgres';

/** 64-pixel cells per world side at zoom 12 (2^12 tiles × 256 px ÷ 64 px). */
export const CELL_LEVEL = 12;
const SIDE = 2 ** CELL_LEVEL * 4;
const MAX_LAT = 85.05112878;

/** The cell column and coordinate-sum expressions of a case row `R` (R. replaced by OLD., NEW. or cases.). */
export function mapCellSql(row: string) {
  const lat = `CASE WHEN ${row}.lat > ${MAX_LAT} THEN ${MAX_LAT} WHEN ${row}.lat < -${MAX_LAT} THEN -${MAX_LAT} ELSE ${row}.lat END`;
  const s = `sin((${lat}) * pi() / 180)`;
  return {
    cx: `CAST(floor((${row}.lng + 180) / 360 * ${SIDE}) AS INTEGER)`,
    cy: `CAST(floor((0.5 - ln((1 + ${s}) / (1 - ${s})) / (4 * pi())) * ${SIDE}) AS INTEGER)`,
    latE7: `CAST(round(${row}.lat * 10000000) AS BIGINT)`,
    lngE7: `CAST(round(${row}.lng * 10000000) AS BIGINT)`,
  };
}

const TABLES = [
  { name: 'case_map_days', period: (row: string) => `substr(${row}.registered_at, 1, 10)` },
  { name: 'case_map_months', period: (row: string) => `substr(${row}.registered_at, 1, 7)` },
] as const;
type Table = (typeof TABLES)[number];
const KEYS = ['period', 'area_code', 'status', 'cx', 'cy'];
const COUNTS = ['cases', 'lat_e7', 'lng_e7'];
/** Columns whose change moves a case between rows. */
const WATCHED = ['registered_at', 'area_code', 'status', 'lat', 'lng'];
const located = (row: string) => `${row}.lat IS NOT NULL AND ${row}.lng IS NOT NULL`;

function contribution(table: Table, row: string, sign: 1 | -1) {
  const c = mapCellSql(row);
  const s = sign === 1 ? '' : '-';
  return { keys: [table.period(row), `${row}.area_code`, `${row}.status`, c.cx, c.cy], counts: [`${s}1`, `${s}${c.latE7}`, `${s}${c.lngE7}`] };
}

/** Adds (or subtracts) a located row's contribution; nothing for a case without coordinates. */
function upsert(table: Table, row: string, sign: 1 | -1) {
  const { keys, counts } = contribution(table, row, sign);
  return `INSERT INTO ${table.name} (${[...KEYS, ...COUNTS].join(', ')}) SELECT ${[...keys, ...counts].join(', ')} WHERE ${located(row)}
    ON CONFLICT (${KEYS.join(', ')}) DO UPDATE SET ${COUNTS.map((c) => `${c} = ${table.name}.${c} + excluded.${c}`).join(', ')};`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const dialect: Db = db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
  for (const table of TABLES) {
    let create = db.schema.createTable(table.name);
    for (const column of KEYS) create = create.addColumn(column, column === 'cx' || column === 'cy' ? 'integer' : 'text', (c) => c.notNull());
    for (const column of COUNTS) create = create.addColumn(column, column === 'cases' ? 'integer' : 'bigint', (c) => c.notNull().defaultTo(0));
    // The key starts with the period: every read is a period range.
    await create.addPrimaryKeyConstraint(`${table.name}_pk`, KEYS as never).execute();
  }
  // Backfill from the cases there are.
  for (const table of TABLES) {
    const { keys } = contribution(table, 'cases', 1);
    const c = mapCellSql('cases');
    await sql
      .raw(
        `INSERT INTO ${table.name} (${[...KEYS, ...COUNTS].join(', ')})
         SELECT ${keys.join(', ')}, count(*), sum(${c.latE7}), sum(${c.lngE7}) FROM cases WHERE ${located('cases')} GROUP BY ${keys.join(', ')}`,
      )
      .execute(db);
  }
  // Zoomed-in views (and the one case of a single-case cluster) find cases by coordinates.
  await db.schema.createIndex('cases_map_point').on('cases').columns(['lat', 'lng', 'registered_at']).execute();

  const changed = WATCHED.map((c) => (dialect === 'sqlite' ? `OLD.${c} IS NOT NEW.${c}` : `OLD.${c} IS DISTINCT FROM NEW.${c}`)).join(' OR ');
  if (dialect === 'sqlite') {
    const all = (row: string, sign: 1 | -1) => TABLES.map((t) => upsert(t, row, sign)).join('\n');
    await sql.raw(`CREATE TRIGGER case_map_insert AFTER INSERT ON cases WHEN ${located('NEW')} BEGIN ${all('NEW', 1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER case_map_delete AFTER DELETE ON cases WHEN ${located('OLD')} BEGIN ${all('OLD', -1)} END`).execute(db);
    await sql
      .raw(`CREATE TRIGGER case_map_update AFTER UPDATE ON cases WHEN ${changed} BEGIN ${TABLES.map((t) => upsert(t, 'OLD', -1) + upsert(t, 'NEW', 1)).join('\n')} END`)
      .execute(db);
    return;
  }
  // PostgreSQL: rows are locked in one order (table by table, lower key first), so two
  // transactions moving cases between the same two rows cannot deadlock.
  const keyText = (t: Table, row: string) => `concat_ws('|', ${contribution(t, row, 1).keys.join(', ')})`;
  await sql
    .raw(
      `CREATE FUNCTION case_map_apply() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${TABLES.map((t) => upsert(t, 'NEW', 1)).join('\n')}
        ELSIF TG_OP = 'DELETE' THEN
          ${TABLES.map((t) => upsert(t, 'OLD', -1)).join('\n')}
        ELSE
          ${TABLES.map(
            (t) =>
              `IF ${located('NEW')} AND ${located('OLD')} AND ${keyText(t, 'NEW')} < ${keyText(t, 'OLD')} THEN ${upsert(t, 'NEW', 1)} ${upsert(t, 'OLD', -1)} ELSE ${upsert(t, 'OLD', -1)} ${upsert(t, 'NEW', 1)} END IF;`,
          ).join('\n')}
        END IF;
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER case_map_insert_delete AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_map_apply()`).execute(db);
  await sql.raw(`CREATE TRIGGER case_map_update AFTER UPDATE ON cases FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION case_map_apply()`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const t of ['insert', 'delete', 'update']) await sql.raw(`DROP TRIGGER IF EXISTS case_map_${t}`).execute(db);
  } else {
    await sql.raw('DROP TRIGGER IF EXISTS case_map_insert_delete ON cases').execute(db);
    await sql.raw('DROP TRIGGER IF EXISTS case_map_update ON cases').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS case_map_apply()').execute(db);
  }
  await db.schema.dropIndex('cases_map_point').ifExists().execute();
  for (const table of TABLES) await db.schema.dropTable(table.name).ifExists().execute();
}

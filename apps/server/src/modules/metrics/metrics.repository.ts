import { ACTIVE_STATES, addMetricCounts, type CaseState, emptyMetricCounts, type MetricCounts } from '@lianxin/core';
import { type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { CaseScope } from '../../access/access.js';
import { inScope } from '../cases/cases.repository.js';

/** How the counted cases are split; every key expression is free of bound parameters (see below). */
export type GroupKey =
  | { kind: 'unit' }
  | { kind: 'area'; digits: 9 | 12 | 15 }
  | { kind: 'category' }
  | { kind: 'month'; months: ReadonlyArray<{ key: string; end: string }> };

/** Which cases are counted. */
export interface CountFilter {
  scope: CaseScope;
  /** Registration time in [from, to), ISO instants. */
  from: string;
  to: string;
  /** "Now", for the open-and-overdue count. */
  now: string;
  areaRange?: readonly [string, string];
  unitId?: string;
  /** The category and its descendants, already expanded from the tree. */
  categoryCodes?: readonly string[];
}

/** One group's raw counts. */
export interface CountRow {
  key: string;
  counts: MetricCounts;
}

type CaseEb = ExpressionBuilder<DB, 'cases'>;

/** States in which a late clock is the unit's overdue work ('replied' waits for the resident). */
export const OVERDUE_STATES: readonly CaseState[] = ACTIVE_STATES.filter((s) => s !== 'replied');
const CLOSED_STATES: readonly CaseState[] = ['closed', 'final'];

/** The unit a case is counted for: the unit holding it, else the unit that registered it. */
const responsibleUnit = sql<string>`coalesce(${sql.ref('cases.currentUnitId')}, ${sql.ref('cases.registeredUnitId')})`;

/**
 * The group key as SQL. Literals are inlined (sql.lit, all generated here, never user text) so the
 * same expression can be repeated in GROUP BY: PostgreSQL would not match two copies whose bound
 * parameters have different numbers.
 */
function keyExpression(group: GroupKey): RawBuilder<string> {
  switch (group.kind) {
    case 'unit':
      return responsibleUnit;
    case 'area':
      return sql<string>`substr(${sql.ref('cases.areaCode')}, 1, ${sql.lit(group.digits)})`;
    case 'category':
      return sql<string>`${sql.ref('cases.categoryCode')}`;
    case 'month': {
      // Months are contiguous ranges of registration time, so a CASE over their ends is the month
      // in China time on both databases without any date function.
      // Every month gets a branch (the last one too): a bare literal key would be a constant in
      // GROUP BY, which PostgreSQL refuses (a one-month period used to answer 500 there).
      const branches = group.months.map((m) => sql`when ${sql.ref('cases.registeredAt')} < ${sql.lit(m.end)} then ${sql.lit(m.key)}`);
      const last = sql.lit(group.months[group.months.length - 1].key);
      return sql<string>`case ${sql.join(branches, sql` `)} else ${last} end`;
    }
  }
}

/** Milliseconds from registration to reply, exact on both databases. */
function handlingMs(dialect: Dialect) {
  const replied = sql.ref('cases.repliedAt');
  const registered = sql.ref('cases.registeredAt');
  return dialect === 'sqlite'
    ? sql<number>`cast(round((julianday(${replied}) - julianday(${registered})) * 86400000.0) as integer)`
    : sql<number>`round(extract(epoch from (cast(${replied} as timestamptz) - cast(${registered} as timestamptz))) * 1000)`;
}

const countIf = (condition: Expression<SqlBool>) => sql<string | number>`sum(case when ${condition} then 1 else 0 end)`;

/** The case has a confirmed overdue accountability record. */
function overdueRecorded(eb: CaseEb) {
  return eb.exists(
    eb
      .selectFrom('accountabilityRecords')
      .select('accountabilityRecords.id')
      .whereRef('accountabilityRecords.caseId', '=', 'cases.id')
      .where('accountabilityRecords.reason', '=', 'overdue')
      // Only a confirmed record counts (a supervisor may withdraw one, e.g. after an appeal).
      .where('accountabilityRecords.state', '=', 'confirmed'),
  );
}

/** Every count of MetricCounts as one SUM(CASE …) each — see docs/METRICS.md for the definitions. */
function countColumns(eb: CaseEb, dialect: Dialect, now: string) {
  const assigned = eb('cases.dispatchedAt', 'is not', null);
  const evaluated = eb('cases.evaluationResult', 'is not', null);
  const closed = eb.and([eb('cases.closedAt', 'is not', null), eb('cases.status', 'in', CLOSED_STATES)]);
  const overdueOpen = eb.and([eb('cases.status', 'in', OVERDUE_STATES), eb('cases.currentDueAt', '<', now)]);
  const overdueRecord = overdueRecorded(eb);
  const replied = eb('cases.repliedAt', 'is not', null);
  return [
    sql<string | number>`count(*)`.as('registered'),
    countIf(assigned).as('assigned'),
    countIf(eb.and([assigned, eb('cases.respondedOnTime', '=', 1)])).as('respondedInTime'),
    countIf(evaluated).as('evaluated'),
    countIf(eb.and([evaluated, eb('cases.evaluationSolved', '=', 1)])).as('solved'),
    countIf(eb('cases.evaluationResult', '=', 'satisfied')).as('satisfied'),
    countIf(eb('cases.evaluationResult', '=', 'basically_satisfied')).as('basicallySatisfied'),
    countIf(eb('cases.evaluationResult', '=', 'dissatisfied')).as('dissatisfied'),
    countIf(closed).as('closed'),
    countIf(eb.and([closed, eb('cases.closedOnTime', '=', 1)])).as('closedOnTime'),
    countIf(eb.and([assigned, eb('cases.returnCount', '>', 0)])).as('returned'),
    countIf(eb('cases.flagRepeat', '=', 1)).as('repeat'),
    countIf(overdueOpen).as('overdueOpen'),
    countIf(eb.or([overdueOpen, overdueRecord])).as('overdueTotal'),
    countIf(replied).as('handlingCount'),
    sql<string | number>`sum(case when ${replied} then ${handlingMs(dialect)} else 0 end)`.as('handlingMsTotal'),
  ];
}

const num = (value: unknown) => Number(value ?? 0);

/** Raw counts of the live query rows. */
function countsOf(row: Record<string, unknown>): MetricCounts {
  const counts = emptyMetricCounts();
  for (const k of Object.keys(counts) as (keyof MetricCounts)[]) counts[k] = k === 'dispatched' ? num(row.assigned) : num(row[k]);
  return counts;
}

/** Counts per group straight from the cases table (the full recount; also the live edges of a rollup read). */
async function liveGroups(
  db: Kysely<DB>,
  dialect: Dialect,
  filter: CountFilter,
  group: GroupKey,
  where: (eb: CaseEb) => Expression<SqlBool>,
): Promise<CountRow[]> {
  const key = keyExpression(group);
  const rows = await casesFiltered(db, filter, where)
    .select((eb) => [key.as('groupKey'), ...countColumns(eb, dialect, filter.now)])
    .groupBy(key)
    .execute();
  return rows.map((row) => ({ key: String(row.groupKey), counts: countsOf(row as Record<string, unknown>) }));
}

/** Cases registered in [filter.from, filter.to) matching the area, unit and category filters and `where`. */
function casesFiltered(db: Kysely<DB>, filter: CountFilter, where: (eb: CaseEb) => Expression<SqlBool>) {
  let query = db.selectFrom('cases').where(where).where('cases.registeredAt', '>=', filter.from).where('cases.registeredAt', '<', filter.to);
  if (filter.areaRange) query = query.where('cases.areaCode', '>=', filter.areaRange[0]).where('cases.areaCode', '<', filter.areaRange[1]);
  if (filter.unitId) query = query.where(responsibleUnit, '=', filter.unitId);
  if (filter.categoryCodes) query = query.where('cases.categoryCode', 'in', filter.categoryCodes);
  return query;
}

// — metrics rollups —
const HOUR_MS = 3_600_000;
const LOCAL_OFFSET_MS = 8 * HOUR_MS;
/** The China-time date of an instant, YYYY-MM-DD. */
const localDay = (ms: number) => new Date(ms + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
/** The instant a China-time date (YYYY-MM-DD) or month (YYYY-MM) begins. */
const localStart = (period: string) => Date.parse(`${period.length === 7 ? `${period}-01` : period}T00:00:00.000Z`) - LOCAL_OFFSET_MS;
const nextDay = (day: string) => localDay(localStart(day) + 24 * HOUR_MS + HOUR_MS);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * How a period [from, to) splits: whole China-time months read from the month rollup, whole days
 * around them from the day rollup, and the partial days at either end (if `from`/`to` are not
 * midnights) counted live from the cases.
 */
export function splitPeriod(from: string, to: string) {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  let firstDay = localDay(fromMs);
  if (localStart(firstDay) < fromMs) firstDay = nextDay(firstDay);
  const endDay = localDay(toMs); // the whole days end where this day begins
  if (!(localStart(firstDay) < localStart(endDay))) return { edges: [[from, to]] as Array<[string, string]>, whole: null };
  const edges: Array<[string, string]> = [];
  const wholeFrom = new Date(localStart(firstDay)).toISOString();
  const wholeTo = new Date(localStart(endDay)).toISOString();
  if (fromMs < localStart(firstDay)) edges.push([from, wholeFrom]);
  if (localStart(endDay) < toMs) edges.push([wholeTo, to]);
  let firstMonth = firstDay.slice(0, 7);
  if (!firstDay.endsWith('-01')) firstMonth = nextMonth(firstMonth);
  const endMonth = endDay.slice(0, 7);
  const days: Array<[string, string]> = [];
  let months: [string, string] | null = null;
  if (firstMonth < endMonth) {
    months = [firstMonth, endMonth];
    if (firstDay < `${firstMonth}-01`) days.push([firstDay, `${firstMonth}-01`]);
    if (`${endMonth}-01` < endDay) days.push([`${endMonth}-01`, endDay]);
  } else {
    days.push([firstDay, endDay]);
  }
  return { edges, whole: { from: wholeFrom, to: wholeTo, days, months } };
}

type RollupTable = 'caseRollupDays' | 'caseRollupMonths' | 'caseRollupUnitDays' | 'caseRollupUnitMonths';
/** A prefix range no finer than a township (9 digits) compares the same on the township as on the full code. */
const townshipAligned = (range: readonly [string, string]) => range[0].length <= 9 && range[1].length <= 9;

/**
 * The coarse rollups (township × unit, no category) answer when nothing asks for finer: no
 * category filter or grouping, no area grouping below townships, and every area range (scope and
 * filter) a county's or a township's.
 */
function coarseEnough(filter: CountFilter, group: GroupKey): boolean {
  if (filter.categoryCodes || group.kind === 'category' || (group.kind === 'area' && group.digits !== 9)) return false;
  return filter.scope.areaRanges.every(townshipAligned) && (!filter.areaRange || townshipAligned(filter.areaRange));
}

const ROLLUP_COUNTS = [
  'registered',
  'assigned',
  'respondedInTime',
  'evaluated',
  'solved',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'closed',
  'closedOnTime',
  'returned',
  'repeat',
  'overdueRecorded',
  'handlingCount',
  'handlingMsTotal',
  'openPending',
  'openRecorded',
] as const;

/** The rollup rows of cases in the scope's areas or current units (co-handled cases are added live). */
async function rollupGroups(db: Kysely<DB>, table: RollupTable, ranges: ReadonlyArray<readonly [string, string]>, filter: CountFilter, group: GroupKey) {
  // The two kinds of table differ only in their area column (and the fine one's category): typed as the fine one.
  const t = table as 'caseRollupDays';
  const area = (table === 'caseRollupUnitDays' || table === 'caseRollupUnitMonths' ? 'township' : 'areaCode') as 'areaCode';
  const key =
    group.kind === 'unit'
      ? sql<string>`${sql.ref('unitId')}`
      : group.kind === 'area'
        ? sql<string>`substr(${sql.ref(area)}, 1, ${sql.lit(group.digits)})`
        : group.kind === 'category'
          ? sql<string>`${sql.ref('categoryCode')}`
          : sql<string>`substr(${sql.ref('period')}, 1, 7)`;
  let query = db.selectFrom(t).where((eb) =>
    eb.or([
      ...filter.scope.areaRanges.map(([lo, hi]) => eb.and([eb(area, '>=', lo), eb(area, '<', hi)])),
      ...(filter.scope.unitIds.length ? [eb.and([eb('unitCurrent', '=', 1), eb('unitId', 'in', filter.scope.unitIds)])] : []),
    ]),
  );
  query = query.where((eb) => eb.or(ranges.map(([lo, hi]) => eb.and([eb('period', '>=', lo), eb('period', '<', hi)]))));
  if (filter.areaRange) query = query.where(area, '>=', filter.areaRange[0]).where(area, '<', filter.areaRange[1]);
  if (filter.unitId) query = query.where('unitId', '=', filter.unitId);
  if (filter.categoryCodes) query = query.where('categoryCode', 'in', filter.categoryCodes);
  const rows = await query
    .select([key.as('groupKey'), ...ROLLUP_COUNTS.map((c) => sql<string | number>`sum(${sql.ref(c)})`.as(c))])
    .groupBy(key)
    .execute();
  return rows as Array<Record<string, unknown> & { groupKey: string }>;
}

/** Cases within the scope's areas or current units, none counted through a co-handling unit only. */
function inAreasOrCurrentUnits(eb: CaseEb, scope: CaseScope) {
  return eb.or([
    ...scope.areaRanges.map(([lo, hi]) => eb.and([eb('cases.areaCode', '>=', lo), eb('cases.areaCode', '<', hi)])),
    ...(scope.unitIds.length ? [eb(sql<string>`coalesce(${sql.ref('cases.currentUnitId')}, '')`, 'in', scope.unitIds)] : []),
  ]);
}

/** Queries of the metrics module. */
export const metricsRepository = {
  /**
   * Counts per group over the filtered cases, exactly as `recountGroups` counts them, read from the
   * rollups (whole days and months of the period) plus live counts of what a rollup cannot hold:
   * the partial days at the edges, "open and overdue" (it depends on now), and cases in scope only
   * through a co-handling unit (协办). See docs/ARCHITECTURE.md, "Metrics rollups".
   */
  async countGroups(db: Kysely<DB>, dialect: Dialect, filter: CountFilter, group: GroupKey): Promise<CountRow[]> {
    if (filter.scope.taskForceUserId) return this.recountGroups(db, dialect, filter, group);
    const { edges, whole } = splitPeriod(filter.from, filter.to);
    const totals = new Map<string, MetricCounts>();
    const add = (key: string, counts: MetricCounts) => totals.set(key, addMetricCounts(totals.get(key) ?? emptyMetricCounts(), counts));
    const live = (from: string, to: string, where: (eb: CaseEb) => Expression<SqlBool>) => liveGroups(db, dialect, { ...filter, from, to }, group, where);

    const parts: Array<Promise<void>> = edges.map(async ([from, to]) => {
      for (const row of await live(from, to, (eb) => inScope(eb, filter.scope))) add(row.key, row.counts);
    });
    if (whole && (filter.scope.areaRanges.length || filter.scope.unitIds.length)) {
      const wholeFilter = { ...filter, from: whole.from, to: whole.to };
      const fromRollup = async (table: RollupTable, ranges: Array<readonly [string, string]>) => {
        if (!ranges.length) return;
        for (const row of await rollupGroups(db, table, ranges, filter, group)) {
          const counts = countsOf(row);
          // overdueTotal = recorded ∪ open-and-overdue; the live part above subtracts the not yet due.
          counts.overdueOpen = num(row.openPending);
          counts.overdueTotal = num(row.overdueRecorded) + num(row.openPending) - num(row.openRecorded);
          add(row.groupKey, counts);
        }
      };
      const coarse = coarseEnough(filter, group);
      parts.push(fromRollup(coarse ? 'caseRollupUnitDays' : 'caseRollupDays', whole.days));
      if (whole.months) parts.push(fromRollup(coarse ? 'caseRollupUnitMonths' : 'caseRollupMonths', [whole.months]));
      // Open and overdue "now" = open (from the rollups) − open but not yet due (live): cases whose
      // deadline is still ahead are few whatever the table's size (one query for a deadline ahead,
      // through the due index, one for none).
      for (const notDue of [(eb: CaseEb) => eb('cases.currentDueAt', '>=', filter.now), (eb: CaseEb) => eb('cases.currentDueAt', 'is', null)]) {
        parts.push(
          (async () => {
            const key = keyExpression(group);
            const rows = await casesFiltered(db, wholeFilter, (eb) => eb.and([inAreasOrCurrentUnits(eb, filter.scope), notDue(eb)]))
              // Literal states, as the partial covering index cases_open_due names them (2026120912).
              .where(sql<boolean>`${sql.ref('cases.status')} in (${sql.join(OVERDUE_STATES.map((s) => sql.lit(s)))})`)
              .select((eb) => [key.as('groupKey'), sql<string | number>`count(*)`.as('notDue'), countIf(overdueRecorded(eb)).as('recorded')])
              .groupBy(key)
              .execute();
            for (const row of rows) {
              const counts = emptyMetricCounts();
              counts.overdueOpen = -num(row.notDue);
              counts.overdueTotal = -num(row.notDue) + num(row.recorded);
              add(String(row.groupKey), counts);
            }
          })(),
        );
      }
      // Cases in scope only because one of the scope's units co-handles them.
      if (filter.scope.unitIds.length) {
        parts.push(
          (async () => {
            // Read from the co-unit table (its unit index), not by walking the period's cases.
            const coHandled = (eb: CaseEb) => eb('cases.id', 'in', eb.selectFrom('caseCoUnits').select('caseCoUnits.caseId').where('caseCoUnits.unitId', 'in', filter.scope.unitIds));
            const where = (eb: CaseEb) => eb.and([coHandled(eb), eb.not(inAreasOrCurrentUnits(eb, filter.scope))]);
            for (const row of await live(whole.from, whole.to, where)) add(row.key, row.counts);
          })(),
        );
      }
    }
    await Promise.all(parts);
    return [...totals].filter(([, counts]) => counts.registered > 0).map(([key, counts]) => ({ key, counts }));
  },

  /** Counts per group by one aggregate query over the cases table: the definition the rollups must equal. */
  recountGroups(db: Kysely<DB>, dialect: Dialect, filter: CountFilter, group: GroupKey): Promise<CountRow[]> {
    return liveGroups(db, dialect, filter, group, (eb) => inScope(eb, filter.scope));
  },
  // — end metrics rollups —

  unitNames(db: Kysely<DB>, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  },
  areaNames(db: Kysely<DB>, codes: readonly string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  },
  categories(db: Kysely<DB>) {
    return db.selectFrom('categories').select(['code', 'parentCode', 'name', 'nameEn']).execute();
  },

  async setting(db: Kysely<DB>, key: string): Promise<string | undefined> {
    return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  },
  putSetting(db: Kysely<DB>, key: string, value: string) {
    return db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  },
};

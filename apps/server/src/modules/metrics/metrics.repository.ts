import { ACTIVE_STATES, type CaseState, emptyMetricCounts, type MetricCounts } from '@lianxin/core';
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
      const branches = group.months.slice(0, -1).map((m) => sql`when ${sql.ref('cases.registeredAt')} < ${sql.lit(m.end)} then ${sql.lit(m.key)}`);
      const last = sql.lit(group.months[group.months.length - 1].key);
      return branches.length ? sql<string>`case ${sql.join(branches, sql` `)} else ${last} end` : sql<string>`${last}`;
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

/** Every count of MetricCounts as one SUM(CASE …) each — see docs/METRICS.md for the definitions. */
function countColumns(eb: CaseEb, dialect: Dialect, now: string) {
  const assigned = eb('cases.dispatchedAt', 'is not', null);
  const evaluated = eb('cases.evaluationResult', 'is not', null);
  const closed = eb.and([eb('cases.closedAt', 'is not', null), eb('cases.status', 'in', CLOSED_STATES)]);
  const overdueOpen = eb.and([eb('cases.status', 'in', OVERDUE_STATES), eb('cases.currentDueAt', '<', now)]);
  const overdueRecord = eb.exists(
    eb
      .selectFrom('accountabilityRecords')
      .select('accountabilityRecords.id')
      .whereRef('accountabilityRecords.caseId', '=', 'cases.id')
      .where('accountabilityRecords.reason', '=', 'overdue')
      // Only a confirmed record counts (a supervisor may withdraw one, e.g. after an appeal).
      .where('accountabilityRecords.state', '=', 'confirmed'),
  );
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

/** Queries of the metrics module. */
export const metricsRepository = {
  /** Counts per group over the filtered cases: one aggregate query, served by the registration-time index. */
  async countGroups(db: Kysely<DB>, dialect: Dialect, filter: CountFilter, group: GroupKey): Promise<CountRow[]> {
    const key = keyExpression(group);
    let query = db
      .selectFrom('cases')
      .where((eb) => inScope(eb, filter.scope))
      .where('cases.registeredAt', '>=', filter.from)
      .where('cases.registeredAt', '<', filter.to);
    if (filter.areaRange) query = query.where('cases.areaCode', '>=', filter.areaRange[0]).where('cases.areaCode', '<', filter.areaRange[1]);
    if (filter.unitId) query = query.where(responsibleUnit, '=', filter.unitId);
    if (filter.categoryCodes) query = query.where('cases.categoryCode', 'in', filter.categoryCodes);
    const rows = await query
      .select((eb) => [key.as('groupKey'), ...countColumns(eb, dialect, filter.now)])
      .groupBy(key)
      .execute();
    return rows.map((row) => {
      const counts = emptyMetricCounts();
      for (const k of Object.keys(counts) as (keyof MetricCounts)[]) {
        counts[k] = k === 'dispatched' ? num(row.assigned) : num((row as Record<string, unknown>)[k]);
      }
      return { key: String(row.groupKey), counts };
    });
  },

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

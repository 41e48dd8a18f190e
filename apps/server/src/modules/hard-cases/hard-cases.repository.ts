import { ACCESS_RULES, ACTIVE_STATES, type HardCaseListQuery, type HardCaseSettings, subtreeRange } from '@lianxin/core';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { CaseScope } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import { inScope } from '../cases/cases.repository.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The setting that holds the list's thresholds. */
export const HARD_CASE_SETTING = 'hard_cases';
/** 积案: open over 90 days or reopened twice (SPEC §2), unless an admin sets otherwise. */
export const DEFAULT_HARD_CASE_SETTINGS: HardCaseSettings = { minAgeDays: 90, minReopens: 2 };

/** The list's filters plus the thresholds, as one condition on `cases`. */
export interface HardCaseFilter {
  scope: CaseScope;
  query: Omit<HardCaseListQuery, 'offset' | 'limit'>;
  settings: HardCaseSettings;
  now: Date;
}

/** The cutoff instant: registered before it = open over `minAgeDays` days. */
export const ageCutoff = (settings: HardCaseSettings, now: Date) => new Date(now.getTime() - settings.minAgeDays * 86_400_000).toISOString();

function hardCaseCondition(eb: ExpressionBuilder<DB, 'cases'>, { scope, query, settings, now }: HardCaseFilter) {
  const cutoff = ageCutoff(settings, now);
  const byAge = eb('cases.registeredAt', '<', cutoff);
  const byReopens = eb('cases.reopenCount', '>=', settings.minReopens);
  const all = [eb('cases.status', 'in', ACTIVE_STATES), inScope(eb, scope)];
  all.push(query.reason === 'age' ? byAge : query.reason === 'reopens' ? byReopens : eb.or([byAge, byReopens]));
  if (query.unitId) all.push(eb('cases.currentUnitId', '=', query.unitId));
  if (query.categoryCode) all.push(eb('cases.categoryCode', '=', query.categoryCode));
  if (query.areaCode) {
    const [lo, hi] = subtreeRange(query.areaCode);
    all.push(eb('cases.areaCode', '>=', lo), eb('cases.areaCode', '<', hi));
  }
  return eb.and(all);
}

/** Typed queries of the hard-cases module: the list, meetings and task forces. */
export const hardCasesRepository = {
  async settings(db: Q): Promise<HardCaseSettings> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', HARD_CASE_SETTING).executeTakeFirst();
    if (!row) return DEFAULT_HARD_CASE_SETTINGS;
    try {
      return { ...DEFAULT_HARD_CASE_SETTINGS, ...(JSON.parse(row.value) as Partial<HardCaseSettings>) };
    } catch {
      return DEFAULT_HARD_CASE_SETTINGS; // a broken setting must not stop the list
    }
  },
  async setSettings(db: Q, settings: HardCaseSettings) {
    const value = JSON.stringify(settings);
    await db.insertInto('settings').values({ key: HARD_CASE_SETTING, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  },

  /** A page of long-standing cases, oldest first, with names of unit, area and category. */
  listHardCases(db: Q, filter: HardCaseFilter, offset: number, limit: number) {
    return db
      .selectFrom('cases')
      .leftJoin('units', 'units.id', 'cases.currentUnitId')
      .leftJoin('areas', 'areas.code', 'cases.areaCode')
      .leftJoin('categories', 'categories.code', 'cases.categoryCode')
      .select([
        'cases.id',
        'cases.code',
        'cases.title',
        'cases.status',
        'cases.areaCode',
        'cases.currentUnitId',
        'cases.categoryCode',
        'cases.registeredAt',
        'cases.reopenCount',
        'cases.leaderUserId',
        'units.name as unitName',
        'areas.name as areaName',
        'categories.name as categoryName',
        'categories.nameEn as categoryNameEn',
      ])
      .where((eb) => hardCaseCondition(eb, filter))
      .orderBy('cases.registeredAt')
      .orderBy('cases.id')
      .offset(offset)
      .limit(limit)
      .execute();
  },
  async countHardCases(db: Q, filter: HardCaseFilter): Promise<number> {
    const row = await db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => hardCaseCondition(eb, filter))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** The latest event of each case. */
  async lastSteps(db: Q, caseIds: string[]) {
    if (caseIds.length === 0) return new Map<string, { action: string; at: string }>();
    const rows = await db.selectFrom('caseEvents').select(['caseId', 'action', 'at', 'seq']).where('caseId', 'in', caseIds).orderBy('seq', 'desc').execute();
    const latest = new Map<string, { action: string; at: string }>();
    for (const r of rows) if (!latest.has(r.caseId)) latest.set(r.caseId, { action: r.action, at: r.at });
    return latest;
  },
  async taskForceIdsOf(db: Q, caseIds: string[]) {
    if (caseIds.length === 0) return new Map<string, string>();
    const rows = await db.selectFrom('taskForces').select(['id', 'caseId']).where('caseId', 'in', caseIds).execute();
    return new Map(rows.map((r) => [r.caseId, r.id]));
  },

  // ——— names ———
  async userNames(db: Q, userIds: string[]) {
    if (userIds.length === 0) return new Map<string, string>();
    const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', [...new Set(userIds)]).execute();
    return new Map(rows.map((r) => [r.id, r.displayName]));
  },
  /** Active users among `userIds` (a picker may send a stale one). */
  async activeUsers(db: Q, userIds: string[]) {
    if (userIds.length === 0) return [];
    const rows = await db.selectFrom('users').select('id').where('id', 'in', [...new Set(userIds)]).where('isActive', '=', 1).execute();
    return rows.map((r) => r.id);
  },
  /** The units each user works in (names), for a task force's member list. */
  async unitNamesOf(db: Q, userIds: string[]) {
    const byUser = new Map<string, string[]>();
    if (userIds.length === 0) return byUser;
    const rows = await db
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .select(['userRoles.userId', 'units.name'])
      .distinct()
      .where('userRoles.userId', 'in', [...new Set(userIds)])
      .orderBy('units.name')
      .execute();
    for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.name]);
    return byUser;
  },
  /** The unit that issues a meeting's minutes: where its organiser holds a supervisor's or leader's role. */
  async issuingUnit(db: Q, userId: string): Promise<string | null> {
    const row = await db
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .select('units.name')
      .where('userRoles.userId', '=', userId)
      .where('userRoles.role', 'in', ACCESS_RULES['hard_case.manage'].roles)
      .orderBy('units.areaCode')
      .orderBy('units.name')
      .executeTakeFirst();
    return row?.name ?? null;
  },
  async units(db: Q, unitIds: string[]) {
    if (unitIds.length === 0) return [];
    return db.selectFrom('units').select(['id', 'name', 'isActive']).where('id', 'in', [...new Set(unitIds)]).orderBy('name').execute();
  },
};
export type HardCasesRepository = typeof hardCasesRepository;

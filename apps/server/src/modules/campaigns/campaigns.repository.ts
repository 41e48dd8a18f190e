import type { AreaRange } from '@lianxin/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { CampaignTable } from '../../db/field-work.tables.js';
import type { DB } from '../../db/schema.js';
import { usersRepository } from '../users/users.repository.js';
import { fdb } from '../visits/visits.repository.js';
import { leaveQueries } from '../leave/leave.repository.js'; // — duty, leave —

type Q = Kysely<DB> | Transaction<DB>;

/** The campaigns' queries, each on the handle it is given (a transaction's where it must be one). */
export const campaignQueries = {
  async find(db: Q, id: string) {
    return db.selectFrom('campaigns as c').innerJoin('areas as a', 'a.code', 'c.areaCode').selectAll('c').select('a.name as areaName').where('c.id', '=', id).executeTakeFirst();
  },

  /** Campaigns over my ranges or over an area that contains mine (a county campaign reaches its villages). */
  async list(db: Q, ranges: readonly AreaRange[], ancestors: string[], page: { limit: number; offset: number }) {
    return db
      .selectFrom('campaigns as c')
      .innerJoin('areas as a', 'a.code', 'c.areaCode')
      .selectAll('c')
      .select('a.name as areaName')
      .where((eb) => (ancestors.length ? eb.or([inRanges(eb, 'c.areaCode', ranges), eb('c.areaCode', 'in', ancestors)]) : inRanges(eb, 'c.areaCode', ranges)))
      .orderBy('c.startsOn', 'desc')
      .orderBy('c.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  /**
   * Adds the live households of [lo, hi) with any (or all) of the tags as targets; households
   * already targeted stay as they are. One INSERT … SELECT, so nothing is half-added.
   */
  async addTargets(db: Q, campaignId: string, range: AreaRange, tags: string[], match: 'any' | 'all', now: string): Promise<number> {
    let select = fdb(db)
      .selectFrom('households as h')
      .select([sql.lit(campaignId).as('campaignId'), 'h.id as householdId', 'h.areaCode', sql.lit(now).as('addedAt')])
      .where('h.areaCode', '>=', range[0])
      .where('h.areaCode', '<', range[1])
      .where('h.archivedAt', 'is', null);
    if (tags.length) {
      const tagged = fdb(db).selectFrom('householdTags as t').select('t.householdId').where('t.tagCode', 'in', tags);
      select =
        match === 'any'
          ? select.where('h.id', 'in', tagged)
          : select.where('h.id', 'in', tagged.groupBy('t.householdId').having((eb) => eb.fn.count('t.tagCode').distinct(), '=', tags.length));
    }
    const result = await fdb(db)
      .insertInto('campaignTargets')
      .columns(['campaignId', 'householdId', 'areaCode', 'addedAt'])
      .expression(select as never)
      .onConflict((oc) => oc.columns(['campaignId', 'householdId']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  async unknownTags(db: Q, tags: string[]): Promise<string[]> {
    if (!tags.length) return [];
    const rows = await (db as unknown as Kysely<{ tags: { code: string; isActive: number } }>).selectFrom('tags').select('code').where('code', 'in', tags).execute();
    const known = new Set(rows.map((r) => r.code));
    return tags.filter((t) => !known.has(t));
  },

  async targetsInOrder(db: Q, campaignId: string, range: AreaRange | undefined, onlyUnassigned: boolean) {
    let q = db.selectFrom('campaignTargets').select(['householdId', 'areaCode']).where('campaignId', '=', campaignId);
    if (range) q = q.where('areaCode', '>=', range[0]).where('areaCode', '<', range[1]);
    if (onlyUnassigned) q = q.where('cadreUserId', 'is', null);
    // Neighbours stay together: a cadre gets a run of one village's households.
    return q.orderBy('areaCode').orderBy('householdId').execute();
  },

  async assign(db: Q, campaignId: string, cadreUserId: string, householdIds: string[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < householdIds.length; i += 500) {
      const r = await db.updateTable('campaignTargets').set({ cadreUserId }).where('campaignId', '=', campaignId).where('householdId', 'in', householdIds.slice(i, i + 500)).executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
    return n;
  },

  async targets(db: Q, campaignId: string, ranges: readonly AreaRange[], f: { cadre?: string; visited?: boolean; limit: number; offset: number }) {
    let q = fdb(db)
      .selectFrom('campaignTargets as t')
      .innerJoin('households as h', 'h.id', 't.householdId')
      .innerJoin('areas as a', 'a.code', 't.areaCode')
      .leftJoin('users as u', 'u.id', 't.cadreUserId')
      .select(['t.householdId', 'h.address', 'h.headNameMasked', 'h.tagCodes', 't.areaCode', 'a.name as areaName', 't.cadreUserId', 'u.displayName as cadreName', 't.visitedAt', 't.visitId'])
      .where('t.campaignId', '=', campaignId)
      .where((eb) => inRanges(eb, 't.areaCode', ranges));
    if (f.cadre) q = q.where('t.cadreUserId', '=', f.cadre);
    if (f.visited !== undefined) q = q.where('t.visitedAt', f.visited ? 'is not' : 'is', null);
    return q.orderBy('t.areaCode').orderBy('t.householdId').limit(f.limit).offset(f.offset).execute();
  },

  /** Targets and visited targets of each campaign, counted within `ranges` (one grouped query for a page). */
  totals(db: Q, campaignIds: readonly string[], ranges: readonly AreaRange[]) {
    if (campaignIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('campaignTargets as t')
      .select(['t.campaignId', (eb) => eb.fn.countAll<number>().as('total'), sql<number>`sum(case when t.visited_at is null then 0 else 1 end)`.as('visited')])
      .where('t.campaignId', 'in', campaignIds)
      .where((eb) => inRanges(eb, 't.areaCode', ranges))
      .groupBy('t.campaignId')
      .execute();
  },

  /** Targets and visited targets per village (grids count for their village) and per cadre. */
  async coverage(db: Q, campaignId: string, ranges: readonly AreaRange[]) {
    const village = sql<string>`substr(t.area_code, 1, 12)`;
    const visited = sql<number>`sum(case when t.visited_at is null then 0 else 1 end)`;
    const base = db.selectFrom('campaignTargets as t').where('t.campaignId', '=', campaignId).where((eb) => inRanges(eb, 't.areaCode', ranges));
    const [byVillage, byCadre] = await Promise.all([
      base.select([village.as('villageCode'), (eb) => eb.fn.countAll<number>().as('total'), visited.as('visited')]).groupBy(village).orderBy(village).execute(),
      base
        .leftJoin('users as u', 'u.id', 't.cadreUserId')
        .select(['t.cadreUserId', 'u.displayName as cadreName', (eb) => eb.fn.countAll<number>().as('total'), visited.as('visited')])
        .groupBy(['t.cadreUserId', 'u.displayName'])
        .orderBy('u.displayName')
        .execute(),
    ]);
    const names = byVillage.length ? await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', byVillage.map((v) => v.villageCode)).execute() : [];
    return { byVillage, byCadre, villageNames: new Map(names.map((n) => [n.code, n.name])) };
  },

  async insert(db: Q, row: CampaignTable) {
    await db.insertInto('campaigns').values(row).execute();
  },

  /** How many of `ids` are active users. */
  async countActiveUsers(db: Q, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await db.selectFrom('users').select('id').where('id', 'in', ids).where('isActive', '=', 1).execute()).length;
  },

  /** How many of `householdIds` are targets of the campaign. */
  async countTargets(db: Q, campaignId: string, householdIds: readonly string[]): Promise<number> {
    if (householdIds.length === 0) return 0;
    return (await db.selectFrom('campaignTargets').select('householdId').where('campaignId', '=', campaignId).where('householdId', 'in', householdIds).execute()).length;
  },

  /** The grants of these users held in active units. */
  async activeGrantsOf(db: Q, userIds: readonly string[]) {
    return (await usersRepository.grantsOf(db, userIds)).filter((g) => g.unitIsActive);
  },

  // — duty, leave —
  /** Those of `userIds` on approved leave on `date`: they get no share. */
  awayOn: (db: Q, userIds: readonly string[], date: string) => leaveQueries.awayOn(db, userIds, date),
};

type Bound<T> = { [K in keyof T]: T[K] extends (db: Q, ...args: infer A) => infer R ? (...args: A) => R : never };

/** The campaigns tables: the only place with the campaigns module's SQL, bound to `db`. */
export function createCampaignsRepository(db: Kysely<DB>) {
  const bound = Object.fromEntries(Object.entries(campaignQueries).map(([name, fn]) => [name, (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(db, ...args)])) as Bound<typeof campaignQueries>;
  return {
    ...bound,
    /** Runs `work` in one transaction; the writes below that take `trx` belong inside it. */
    transaction: <T>(work: (trx: Transaction<DB>) => Promise<T>) => db.transaction().execute(work),
    insertIn: (trx: Transaction<DB>, row: CampaignTable) => campaignQueries.insert(trx, row),
    addTargetsIn: (trx: Transaction<DB>, ...args: Parameters<Bound<typeof campaignQueries>['addTargets']>) => campaignQueries.addTargets(trx, ...args),
    assignIn: (trx: Transaction<DB>, ...args: Parameters<Bound<typeof campaignQueries>['assign']>) => campaignQueries.assign(trx, ...args),
  };
}
export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof campaignQueries.find>>>;
export type CoverageRows = Awaited<ReturnType<typeof campaignQueries.coverage>>;
export type TargetRow = Awaited<ReturnType<typeof campaignQueries.targets>>[number];

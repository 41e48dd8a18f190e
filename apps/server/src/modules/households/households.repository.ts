import { type AreaRange, type HouseholdFilters, subtreeRange } from '@lianxin/core';
import type { ExpressionBuilder, Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { type CaseScope, inRanges } from '../../access/access.js';
import type { DB, HouseholdHelpTable, HouseholdMemberRow, HouseholdMemberTable, HouseholdRow, HouseholdTable, TagTable } from '../../db/schema.js';
import { containsText } from '../../db/text.js';
import { inScope } from '../cases/cases.repository.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The counter whose value numbers household changes (see migration 2026112108). */
export const HOUSEHOLD_CHANGE_COUNTER = 'households.change_seq';

/** The registry's filters as one condition on `households`. */
export function householdFilters(eb: ExpressionBuilder<DB, 'households'>, f: Partial<HouseholdFilters>) {
  const all = [];
  if (!f.includeArchived) all.push(eb('households.archivedAt', 'is', null));
  if (f.areaCode) {
    const [lo, hi] = subtreeRange(f.areaCode);
    all.push(eb('households.areaCode', '>=', lo), eb('households.areaCode', '<', hi));
  }
  if (f.contactUserId) all.push(eb('households.contactUserId', '=', f.contactUserId));
  if (f.q) all.push(containsText(eb.ref('households.address'), f.q));
  if (f.tags?.length) {
    const tagged = (codes: string[]) =>
      eb.exists(eb.selectFrom('householdTags').select('householdTags.householdId').whereRef('householdTags.householdId', '=', 'households.id').where('householdTags.tagCode', 'in', codes));
    all.push(f.tagMatch === 'all' ? eb.and(f.tags.map((t: string) => tagged([t]))) : tagged(f.tags));
  }
  return eb.and(all);
}

/** Typed queries of the household registry. */
export const householdsRepository = {
  /** Bumps the change counter; its row lock orders concurrent writers (as the audit chain does). */
  async nextChangeSeq(db: Q): Promise<number> {
    const row = await db.updateTable('counters').set((eb) => ({ value: eb('value', '+', 1) })).where('name', '=', HOUSEHOLD_CHANGE_COUNTER).returning('value').executeTakeFirstOrThrow();
    return Number(row.value);
  },

  insert(db: Q, row: Insertable<HouseholdTable>) {
    return db.insertInto('households').values(row).execute();
  },

  find(db: Q, id: string, ranges: readonly AreaRange[]) {
    return db.selectFrom('households').selectAll().where('id', '=', id).where((eb) => inRanges(eb, 'households.areaCode', ranges)).executeTakeFirst();
  },

  exists(db: Q, id: string) {
    return db.selectFrom('households').select('id').where('id', '=', id).executeTakeFirst();
  },

  /** Applies `changes` only when the version is still `version`; false when someone was first. */
  async updateVersioned(db: Q, id: string, version: number, changes: Updateable<HouseholdTable>): Promise<boolean> {
    const result = await db
      .updateTable('households')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Keyset page ordered by (area, id): an index range scan of `households_area_id`. */
  list(db: Q, ranges: readonly AreaRange[], filters: Partial<HouseholdFilters>, after: [string, string] | null, limit: number) {
    let query = db
      .selectFrom('households')
      .selectAll()
      .where((eb) => inRanges(eb, 'households.areaCode', ranges))
      .where((eb) => householdFilters(eb, filters));
    if (after) {
      const [area, id] = after;
      query = query.where((eb) => eb.or([eb('areaCode', '>', area), eb.and([eb('areaCode', '=', area), eb('id', '>', id)])]));
    }
    return query.orderBy('areaCode').orderBy('id').limit(limit).execute();
  },

  members(db: Q, householdIds: string[]): Promise<HouseholdMemberRow[]> {
    if (householdIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('householdMembers').selectAll().where('householdId', 'in', householdIds).orderBy('householdId').orderBy('sort').orderBy('createdAt').execute();
  },
  findMember(db: Q, householdId: string, memberId: string) {
    return db.selectFrom('householdMembers').selectAll().where('id', '=', memberId).where('householdId', '=', householdId).executeTakeFirst();
  },
  insertMembers(db: Q, rows: Insertable<HouseholdMemberTable>[]) {
    return rows.length ? db.insertInto('householdMembers').values(rows).execute() : Promise.resolve([]);
  },
  updateMember(db: Q, id: string, changes: Updateable<HouseholdMemberTable>) {
    return db.updateTable('householdMembers').set(changes).where('id', '=', id).execute();
  },
  deleteMember(db: Q, id: string) {
    return db.deleteFrom('householdMembers').where('id', '=', id).execute();
  },
  async countMembers(db: Q, householdId: string): Promise<number> {
    const row = await db.selectFrom('householdMembers').select((eb) => eb.fn.countAll<number>().as('n')).where('householdId', '=', householdId).executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** Households (not `exceptId`) that have a member with one of these ID-number keys. */
  householdsWithIdKeys(db: Q, keys: string[], exceptId?: string) {
    if (keys.length === 0) return Promise.resolve([]);
    let query = db.selectFrom('householdMembers').select(['householdId', 'idNumberKey']).where('idNumberKey', 'in', keys);
    if (exceptId) query = query.where('householdId', '<>', exceptId);
    return query.execute();
  },

  async setTags(db: Q, householdId: string, codes: string[]) {
    await db.deleteFrom('householdTags').where('householdId', '=', householdId).execute();
    if (codes.length) await db.insertInto('householdTags').values(codes.map((tagCode) => ({ householdId, tagCode }))).execute();
  },

  tags(db: Q, options: { activeOnly?: boolean } = {}) {
    let query = db.selectFrom('tags').selectAll();
    if (options.activeOnly) query = query.where('isActive', '=', 1);
    return query.orderBy('sort').orderBy('code').execute();
  },
  findTag(db: Q, code: string) {
    return db.selectFrom('tags').selectAll().where('code', '=', code).executeTakeFirst();
  },
  insertTag(db: Q, row: Insertable<TagTable>) {
    return db.insertInto('tags').values(row).execute();
  },
  updateTag(db: Q, code: string, changes: Updateable<TagTable>) {
    return db.updateTable('tags').set(changes).where('code', '=', code).execute();
  },

  insertHelp(db: Q, row: Insertable<HouseholdHelpTable>) {
    return db.insertInto('householdHelp').values(row).execute();
  },
  help(db: Q, householdId: string) {
    return db.selectFrom('householdHelp').leftJoin('units', 'units.id', 'householdHelp.unitId').selectAll('householdHelp').select('units.name as unitName').where('householdId', '=', householdId).orderBy('givenOn', 'desc').execute();
  },

  /** Visits (民情日记 entries) naming the household, newest first. */
  visitsOf(db: Q, householdId: string) {
    return db
      .selectFrom('visits')
      .innerJoin('visitHouseholds', 'visitHouseholds.visitId', 'visits.id')
      .leftJoin('users', 'users.id', 'visits.cadreUserId')
      .select(['visits.id', 'visits.kind', 'visits.occurredAt', 'visits.place', 'visits.notes', 'visits.delivered', 'visits.campaignId', 'visits.caseId', 'visits.cadreUserId', 'users.displayName as cadreName'])
      .where('visitHouseholds.householdId', '=', householdId)
      .orderBy('visits.occurredAt', 'desc')
      .limit(200)
      .execute();
  },
  /** Campaigns (三送) that target the household, latest first. */
  campaignsOf(db: Q, householdId: string) {
    return db
      .selectFrom('campaignTargets')
      .innerJoin('campaigns', 'campaigns.id', 'campaignTargets.campaignId')
      .select(['campaigns.id', 'campaigns.name', 'campaigns.startsOn', 'campaigns.endsOn', 'campaignTargets.visitedAt', 'campaignTargets.visitId'])
      .where('campaignTargets.householdId', '=', householdId)
      .orderBy('campaigns.startsOn', 'desc')
      .execute();
  },
  /** Cases linked to the household or brought by a member (by requester key), within the case scope. */
  casesOf(db: Q, householdId: string, requesterKeys: string[], scope: CaseScope) {
    return db
      .selectFrom('cases')
      .select(['id', 'code', 'title', 'status', 'channel', 'kind', 'registeredAt', 'closedAt', 'householdId'])
      .where((eb) => eb.or([eb('householdId', '=', householdId), ...(requesterKeys.length ? [eb('requesterKey', 'in', requesterKeys)] : [])]))
      .where((eb) => inScope(eb, scope))
      .orderBy('registeredAt', 'desc')
      .limit(200)
      .execute();
  },

  unitExists(db: Q, id: string) {
    return db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst();
  },
  userExists(db: Q, id: string) {
    return db.selectFrom('users').select('id').where('id', '=', id).where('isActive', '=', 1).executeTakeFirst();
  },
  usersByUsername(db: Q, usernames: string[]) {
    if (usernames.length === 0) return Promise.resolve([]);
    return db.selectFrom('users').select(['id', 'username', 'displayName']).where('username', 'in', usernames).where('isActive', '=', 1).execute();
  },
  userNames(db: Q, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('users').select(['id', 'displayName', 'username']).where('id', 'in', ids).execute();
  },
  area(db: Q, code: string) {
    return db.selectFrom('areas').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
  },
  areaNames(db: Q, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  },
};

export type { HouseholdRow };

import { type AreaRange, subtreeRange } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import type { ProjectRow, SelectionFlatRow, SelectionHouseholdRow } from '../../db/projects.tables.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The SQL of projects, disclosures, linked cases and the selection registration. */
export const projectsRepository = {
  findProject: (q: Q, id: string): Promise<ProjectRow | undefined> => q.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst(),

  async listProjects(q: Q, ranges: readonly AreaRange[], offset: number, limit: number) {
    return q
      .selectFrom('projects')
      .selectAll()
      .where((eb) => inRanges(eb, 'area_code', ranges))
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit + 1)
      .execute();
  },

  /** Projects lying in the village's subtree or concerning households in it (a village's public page). */
  async projectsTouching(q: Q, areaCode: string) {
    const [lo, hi] = subtreeRange(areaCode);
    return q
      .selectFrom('projects')
      .select(['id', 'name', 'areaCode', 'leadUnitId'])
      .where((eb) =>
        eb.or([
          eb.and([eb('areaCode', '>=', lo), eb('areaCode', '<', hi)]),
          eb(
            'id',
            'in',
            eb.selectFrom('projectHouseholds as ph').innerJoin('households as h', 'h.id', 'ph.householdId').select('ph.projectId').where('h.areaCode', '>=', lo).where('h.areaCode', '<', hi),
          ),
        ]),
      )
      .orderBy('createdAt', 'desc')
      .limit(100)
      .execute();
  },

  async householdCounts(q: Q, ids: string[]) {
    if (!ids.length) return new Map<string, number>();
    const rows = await q.selectFrom('projectHouseholds').select(['projectId', (eb) => eb.fn.countAll<number>().as('n')]).where('projectId', 'in', ids).groupBy('projectId').execute();
    return new Map(rows.map((r) => [r.projectId, Number(r.n)]));
  },

  async names(q: Q, areaCodes: string[], unitIds: string[], userIds: string[] = []) {
    const areas = areaCodes.length ? await q.selectFrom('areas').select(['code', 'name']).where('code', 'in', [...new Set(areaCodes)]).execute() : [];
    const units = unitIds.length ? await q.selectFrom('units').select(['id', 'name']).where('id', 'in', [...new Set(unitIds)]).execute() : [];
    const users = userIds.length ? await q.selectFrom('users').select(['id', 'displayName']).where('id', 'in', [...new Set(userIds)]).execute() : [];
    return {
      area: new Map(areas.map((a) => [a.code, a.name])),
      unit: new Map(units.map((u) => [u.id, u.name])),
      user: new Map(users.map((u) => [u.id, u.displayName])),
    };
  },

  /** Active households of the area subtree (inside `within`), optionally with any of `tags`, or of `ids`. */
  async chooseHouseholds(q: Q, within: string, pick: { areaCode?: string; tags?: string[]; ids?: string[] }) {
    const [wlo, whi] = subtreeRange(within);
    let query = q.selectFrom('households').select(['id', 'areaCode']).where('archivedAt', 'is', null).where('areaCode', '>=', wlo).where('areaCode', '<', whi);
    if (pick.ids?.length) query = query.where('id', 'in', pick.ids);
    else if (pick.areaCode) {
      const [lo, hi] = subtreeRange(pick.areaCode);
      query = query.where('areaCode', '>=', lo).where('areaCode', '<', hi);
      if (pick.tags?.length) {
        const tags = pick.tags;
        query = query.where((eb) => eb.or(tags.map((t) => eb('tagCodes', 'like', `%,${t},%`))));
      }
    } else return [];
    return query.limit(5000).execute();
  },

  async addHouseholds(q: Q, projectId: string, ids: string[], at: string) {
    const existing = new Set((await q.selectFrom('projectHouseholds').select('householdId').where('projectId', '=', projectId).execute()).map((r) => r.householdId));
    const fresh = ids.filter((id) => !existing.has(id));
    for (let i = 0; i < fresh.length; i += 200) {
      await q.insertInto('projectHouseholds').values(fresh.slice(i, i + 200).map((householdId) => ({ projectId, householdId, addedAt: at }))).execute();
    }
  },

  householdsOf: (q: Q, projectId: string) =>
    q
      .selectFrom('projectHouseholds as ph')
      .innerJoin('households as h', 'h.id', 'ph.householdId')
      .select(['h.id', 'h.areaCode', 'h.address', 'h.headNameMasked', 'h.memberCount'])
      .where('ph.projectId', '=', projectId)
      .orderBy('h.areaCode')
      .orderBy('h.address')
      .limit(2000)
      .execute(),

  disclosuresOf: (q: Q, projectIds: string[], publicOnly: boolean) => {
    if (!projectIds.length) return Promise.resolve([]);
    let query = q.selectFrom('projectDisclosures').selectAll().where('projectId', 'in', projectIds);
    if (publicOnly) query = query.where('isPublic', '=', 1);
    return query.orderBy('publishedAt', 'desc').limit(500).execute();
  },

  casesOf: (q: Q, projectId: string) =>
    q
      .selectFrom('projectCases as pc')
      .innerJoin('cases as c', 'c.id', 'pc.caseId')
      .select(['c.id', 'c.code', 'c.title', 'c.status', 'c.areaCode', 'pc.linkedAt'])
      .where('pc.projectId', '=', projectId)
      .orderBy('pc.linkedAt', 'desc')
      .limit(500)
      .execute(),

  /** Visits to the project's households, newest first. */
  visitsOf: (q: Q, projectId: string) =>
    q
      .selectFrom('visits as v')
      .innerJoin('users as u', 'u.id', 'v.cadreUserId')
      .select(['v.id', 'v.occurredAt', 'u.displayName as cadreName', 'v.place', 'v.notes'])
      .where('v.id', 'in', (eb) =>
        eb.selectFrom('visitHouseholds as vh').innerJoin('projectHouseholds as ph', 'ph.householdId', 'vh.householdId').select('vh.visitId').where('ph.projectId', '=', projectId),
      )
      .orderBy('v.occurredAt', 'desc')
      .limit(100)
      .execute(),

  // ——— selection ———

  selectionHouseholds: (q: Q, projectId: string) =>
    q
      .selectFrom('selectionHouseholds as s')
      .innerJoin('households as h', 'h.id', 's.householdId')
      .selectAll('s')
      .select(['h.headNameMasked', 'h.address'])
      .where('s.projectId', '=', projectId)
      .orderBy('s.number')
      .execute(),

  findSelectionHousehold: (q: Q, projectId: string, id: string): Promise<SelectionHouseholdRow | undefined> =>
    q.selectFrom('selectionHouseholds').selectAll().where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst(),

  flatsOf: (q: Q, projectId: string): Promise<SelectionFlatRow[]> =>
    q.selectFrom('selectionFlats').selectAll().where('projectId', '=', projectId).orderBy('building').orderBy('unit').orderBy('floor').orderBy('number').execute(),

  findFlat: (q: Q, projectId: string, id: string): Promise<SelectionFlatRow | undefined> =>
    q.selectFrom('selectionFlats').selectAll().where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst(),

  slotsOf: (q: Q, projectId: string) => q.selectFrom('selectionSlots').selectAll().where('projectId', '=', projectId).orderBy('startsAt').execute(),

  /** Takes the flat for the household only if nobody has: true when this call took it. */
  async takeFlat(q: Q, flatId: string, selectionHouseholdId: string, at: string): Promise<boolean> {
    const r = await q.updateTable('selectionFlats').set({ takenBy: selectionHouseholdId, takenAt: at }).where('id', '=', flatId).where('takenBy', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Moves a household from one of `from` to the changes; false when another desk moved it first. */
  async moveHousehold(q: Q, id: string, from: readonly string[], changes: Partial<SelectionHouseholdRow>): Promise<boolean> {
    const r = await q.updateTable('selectionHouseholds').set(changes).where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};

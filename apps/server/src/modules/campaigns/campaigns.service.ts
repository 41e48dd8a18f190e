import { randomUUID } from 'node:crypto';
import type { CampaignAssign, CampaignCreate, CampaignListQuery, CampaignTargetListQuery, CampaignTargets, Role } from '@lianxin/core';
import { AppError, notFound, outOfScope, unknownReference, unprocessable } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Actor } from '../../access/actor.js';
import { isInSubtree, subtreeRange } from '@lianxin/core';
import { orgQueries } from '../org/org.repository.js';
import { assertRoleOver, FIELD_MANAGE_ROLES, FIELD_WRITE_ROLES, fieldRanges, isInRanges, narrowRanges } from '../field-work/field-scope.js';
import { planEvenShares } from './even-shares.js';
import { campaignsRepository as repo } from './campaigns.repository.js';
import { usersRepository } from '../users/users.repository.js';

type CampaignRow = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

/** The codes of the areas above `code` (a township's county, city and province). */
function ancestorsOf(code: string): string[] {
  const base = code.slice(0, 12);
  return [2, 4, 6, 9].map((n) => base.slice(0, n).padEnd(12, '0')).filter((c) => c !== base);
}

const rate = (visited: number, total: number) => (total ? Math.round((visited / total) * 1000) / 1000 : null);

const present = (c: CampaignRow) => ({
  id: c.id,
  name: c.name,
  areaCode: c.areaCode,
  areaName: c.areaName,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  description: c.description,
  createdAt: c.createdAt,
});

/**
 * Campaigns (三送 · 送政策、送温暖、送服务, SPEC §4): target households by area and tag, share them
 * among cadres, and follow coverage as visits recorded against the campaign come in.
 */
export function createCampaignsService(services: Services) {
  const { db, clock, audit } = services;

  /** A campaign over my area, or over an area that contains it (its targets are then filtered to mine). */
  async function visible(actor: Actor, id: string) {
    const c = await repo.find(db, id);
    if (!c) throw notFound();
    const ranges = fieldRanges(actor);
    const over = isInRanges(ranges, c.areaCode);
    const under = actor.grants.some((g) => isInSubtree(g.areaCode, c.areaCode));
    if (!over && !under) throw outOfScope();
    // Where the campaign is wider than me, I see my part of it.
    const [lo, hi] = subtreeRange(c.areaCode);
    const mine = ranges.filter(([rlo]) => rlo >= lo && rlo < hi);
    return { campaign: c, ranges: over ? [[lo, hi] as [string, string]] : mine };
  }

  async function managed(actor: Actor, id: string) {
    const c = await repo.find(db, id);
    if (!c) throw notFound();
    assertRoleOver(actor, FIELD_MANAGE_ROLES, c.areaCode);
    return c;
  }

  async function coverage(id: string, ranges: [string, string][]) {
    const { byVillage, byCadre, villageNames } = await repo.coverage(db, id, ranges);
    const total = byVillage.reduce((n, v) => n + Number(v.total), 0);
    const visited = byVillage.reduce((n, v) => n + Number(v.visited ?? 0), 0);
    return {
      total,
      visited,
      rate: rate(visited, total),
      byVillage: byVillage.map((v) => ({ villageCode: v.villageCode, villageName: villageNames.get(v.villageCode) ?? null, total: Number(v.total), visited: Number(v.visited ?? 0), rate: rate(Number(v.visited ?? 0), Number(v.total)) })),
      byCadre: byCadre.map((c) => ({ cadre: c.cadreUserId ? { id: c.cadreUserId, name: c.cadreName } : null, total: Number(c.total), visited: Number(c.visited ?? 0), rate: rate(Number(c.visited ?? 0), Number(c.total)) })),
    };
  }

  return {
    async create(actor: Actor, input: CampaignCreate) {
      assertRoleOver(actor, FIELD_MANAGE_ROLES, input.areaCode);
      if (!(await orgQueries.findArea(db, input.areaCode))) throw unknownReference('areaCode', 'area');
      const now = clock.now().toISOString();
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('campaigns').values({ id, name: input.name, areaCode: input.areaCode, startsOn: input.startsOn, endsOn: input.endsOn, description: input.description ?? null, createdBy: actor.userId, createdAt: now, updatedAt: now }).execute();
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'campaign', subjectId: id, detail: { name: input.name, areaCode: input.areaCode } }, trx);
      });
      return { ...present((await repo.find(db, id))!), coverage: await coverage(id, [subtreeRange(input.areaCode)]) };
    },

    async list(actor: Actor, query: CampaignListQuery) {
      const ranges = narrowRanges(fieldRanges(actor), query.areaCode);
      const ancestors = query.areaCode ? [] : [...new Set(actor.grants.flatMap((g) => ancestorsOf(g.areaCode)))];
      const fetched = await repo.list(db, ranges, ancestors, { limit: query.limit + 1, offset: query.offset });
      const rows = fetched.slice(0, query.limit);
      // Counted within my reach: the whole campaign when I am over it, my part when it is wider than me.
      const totals = new Map((await repo.totals(db, rows.map((r) => r.id), fieldRanges(actor))).map((t) => [t.campaignId, t]));
      return {
        items: rows.map((c) => {
          const total = Number(totals.get(c.id)?.total ?? 0);
          const visited = Number(totals.get(c.id)?.visited ?? 0);
          return { ...present(c), coverage: { total, visited, rate: rate(visited, total) } };
        }),
        nextOffset: fetched.length > query.limit ? query.offset + query.limit : null,
      };
    },

    async get(actor: Actor, id: string) {
      const { campaign, ranges } = await visible(actor, id);
      return { ...present(campaign), coverage: await coverage(id, ranges) };
    },

    /** Adds households of the campaign's area (or a part of it) that carry the tags. */
    async addTargets(actor: Actor, id: string, input: CampaignTargets) {
      const c = await managed(actor, id);
      const areaCode = input.areaCode ?? c.areaCode;
      if (!isInSubtree(areaCode, c.areaCode)) throw new AppError(400, 'error.validation', {}, 'areaCode');
      assertRoleOver(actor, FIELD_MANAGE_ROLES, areaCode);
      const unknown = await repo.unknownTags(db, input.tags);
      if (unknown.length) throw unknownReference('tags', 'tag');
      const now = clock.now().toISOString();
      const added = await db.transaction().execute(async (trx) => {
        const n = await repo.addTargets(trx, id, subtreeRange(areaCode), input.tags, input.match, now);
        await audit.append({ actorUserId: actor.userId, action: 'add_targets', subjectType: 'campaign', subjectId: id, detail: { areaCode, tags: input.tags, match: input.match, added: n } }, trx);
        return n;
      });
      return { added, coverage: await coverage(id, [subtreeRange(c.areaCode)]) };
    },

    /** Shares targets among cadres: evenly in runs of neighbouring households, or one by one. */
    async assign(actor: Actor, id: string, input: CampaignAssign) {
      const c = await managed(actor, id);
      const cadreIds = input.mode === 'even' ? [...new Set(input.cadreUserIds)] : [...new Set(input.assignments.map((a) => a.cadreUserId))];
      const users = await db.selectFrom('users').select('id').where('id', 'in', cadreIds).where('isActive', '=', 1).execute();
      if (users.length !== cadreIds.length) throw unknownReference(input.mode === 'even' ? 'cadreUserIds' : 'assignments', 'user');
      let plan: Array<[string, string[]]>;
      if (input.mode === 'even') {
        if (input.areaCode && !isInSubtree(input.areaCode, c.areaCode)) throw new AppError(400, 'error.validation', {}, 'areaCode');
        const targets = await repo.targetsInOrder(db, id, input.areaCode ? subtreeRange(input.areaCode) : undefined, input.onlyUnassigned);
        // Each household goes to a cadre who may record its visit (visits.service checks the same grants).
        const grants = (await usersRepository.grantsOf(db, cadreIds)).filter((g) => g.unitIsActive && FIELD_WRITE_ROLES.includes(g.role as Role));
        const result = planEvenShares(
          targets,
          cadreIds.map((cadre) => ({ id: cadre, areaCodes: grants.filter((g) => g.userId === cadre).map((g) => g.areaCode) })),
        );
        if ('unreachable' in result) {
          const area = await orgQueries.findArea(db, result.unreachable.areaCode);
          throw unprocessable('error.no_cadre_for_area', { area: area?.name ?? result.unreachable.areaCode }, 'cadreUserIds');
        }
        plan = result.plan;
      } else {
        const wanted = new Set(input.assignments.map((a) => a.householdId));
        const existing = await db.selectFrom('campaignTargets').select('householdId').where('campaignId', '=', id).where('householdId', 'in', [...wanted]).execute();
        if (existing.length !== wanted.size) throw unknownReference('assignments', 'household');
        const byCadre = new Map<string, string[]>();
        for (const a of input.assignments) byCadre.set(a.cadreUserId, [...(byCadre.get(a.cadreUserId) ?? []), a.householdId]);
        plan = [...byCadre];
      }
      const assigned = await db.transaction().execute(async (trx) => {
        let n = 0;
        for (const [cadre, households] of plan) n += await repo.assign(trx, id, cadre, households);
        await audit.append({ actorUserId: actor.userId, action: 'assign_targets', subjectType: 'campaign', subjectId: id, detail: { mode: input.mode, cadres: cadreIds.length, assigned: n } }, trx);
        return n;
      });
      return { assigned, perCadre: plan.map(([cadre, households]) => ({ cadreUserId: cadre, count: households.length })), coverage: await coverage(id, [subtreeRange(c.areaCode)]) };
    },

    async targets(actor: Actor, id: string, query: CampaignTargetListQuery) {
      const { ranges } = await visible(actor, id);
      const rows = await repo.targets(db, id, ranges, { ...query, limit: query.limit + 1 });
      return {
        items: rows.slice(0, query.limit).map((t) => ({
          household: { id: t.householdId, address: t.address, headName: t.headNameMasked, tags: t.tagCodes.split(',').filter(Boolean), areaCode: t.areaCode, areaName: t.areaName },
          cadre: t.cadreUserId ? { id: t.cadreUserId, name: t.cadreName } : null,
          visitedAt: t.visitedAt,
          visitId: t.visitId,
        })),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },

    async coverage(actor: Actor, id: string) {
      const { campaign, ranges } = await visible(actor, id);
      return { campaign: present(campaign), ...(await coverage(id, ranges)) };
    },
  };
}

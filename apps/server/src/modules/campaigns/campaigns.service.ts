import { randomUUID } from 'node:crypto';
import {
  type AreaRange,
  type CampaignAssign,
  type CampaignCreate,
  type CampaignListQuery,
  type CampaignTargetListQuery,
  type CampaignTargets,
  type Grant,
  isInSubtree,
  localDate,
  reachOf,
  type Role,
  subtreeRange,
} from '@lianxin/core';
import { assertCan, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound, unknownReference, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { OrgRepository } from '../org/org.repository.js';
import { presentCampaign, presentCount, presentCoverage, presentTarget } from './campaigns.presenter.js';
import type { CampaignsRepository } from './campaigns.repository.js';
import { planEvenShares } from './even-shares.js';

export interface CampaignsDeps {
  campaigns: CampaignsRepository;
  org: OrgRepository;
  audit: AuditLog;
  clock: Clock;
}

/** The codes of the areas above `code` (a township's county, city and province). */
function ancestorsOf(code: string): string[] {
  const base = code.slice(0, 12);
  return [2, 4, 6, 9].map((n) => base.slice(0, n).padEnd(12, '0')).filter((c) => c !== base);
}

/**
 * Campaigns (三送 · 送政策、送温暖、送服务, SPEC §4): target households by area and tag, share them
 * among cadres, and follow coverage as visits recorded against the campaign come in.
 */
export function createCampaignsService({ campaigns: repo, org, audit, clock }: CampaignsDeps) {
  /**
   * A campaign over my area, or over an area that contains it: the ranges I read of it are the
   * whole campaign when I am over it, my part of it when it is wider than me (403 when neither).
   */
  async function visible(actor: Actor, id: string) {
    const ranges = rangesFor(actor, 'field.read');
    const c = await repo.find(id);
    if (!c) throw notFound();
    return { campaign: c, ranges: narrowRanges(ranges, c.areaCode) };
  }

  /** A campaign the actor plans: field.manage over its area. */
  async function managed(actor: Actor, id: string) {
    assertCan(actor, 'field.manage');
    const c = await repo.find(id);
    if (!c) throw notFound();
    assertCan(actor, 'field.manage', c);
    return c;
  }

  const coverage = async (id: string, ranges: readonly AreaRange[]) => presentCoverage(await repo.coverage(id, ranges));

  return {
    async create(actor: Actor, input: CampaignCreate) {
      assertCan(actor, 'field.manage', input);
      if (!(await org.findArea(input.areaCode))) throw unknownReference('areaCode', 'area');
      const now = clock.now().toISOString();
      const id = randomUUID();
      await repo.transaction(async (trx) => {
        await repo.insertIn(trx, { id, name: input.name, areaCode: input.areaCode, startsOn: input.startsOn, endsOn: input.endsOn, description: input.description ?? null, createdBy: actor.userId, createdAt: now, updatedAt: now });
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'campaign', subjectId: id, detail: { name: input.name, areaCode: input.areaCode } }, trx);
      });
      return { ...presentCampaign((await repo.find(id))!), coverage: await coverage(id, [subtreeRange(input.areaCode)]) };
    },

    async list(actor: Actor, query: CampaignListQuery) {
      const reach = rangesFor(actor, 'field.read');
      const ranges = narrowRanges(reach, query.areaCode);
      // A county campaign reaches its villages: campaigns over an area above mine are mine to see.
      const ancestors = query.areaCode ? [] : [...new Set(reachOf(actor.grants, 'field.read').flatMap(ancestorsOf))];
      const fetched = await repo.list(ranges, ancestors, { limit: query.limit + 1, offset: query.offset });
      const rows = fetched.slice(0, query.limit);
      // Counted within my reach: the whole campaign when I am over it, my part when it is wider than me.
      const totals = new Map((await repo.totals(rows.map((r) => r.id), reach)).map((t) => [t.campaignId, t]));
      return {
        items: rows.map((c) => ({ ...presentCampaign(c), coverage: presentCount(Number(totals.get(c.id)?.total ?? 0), Number(totals.get(c.id)?.visited ?? 0)) })),
        nextOffset: fetched.length > query.limit ? query.offset + query.limit : null,
      };
    },

    async get(actor: Actor, id: string) {
      const { campaign, ranges } = await visible(actor, id);
      return { ...presentCampaign(campaign), coverage: await coverage(id, ranges) };
    },

    /** Adds households of the campaign's area (or a part of it) that carry the tags. */
    async addTargets(actor: Actor, id: string, input: CampaignTargets) {
      const c = await managed(actor, id);
      const areaCode = input.areaCode ?? c.areaCode;
      if (!isInSubtree(areaCode, c.areaCode)) throw new AppError(400, 'error.validation', {}, 'areaCode');
      assertCan(actor, 'field.manage', { areaCode });
      const unknown = await repo.unknownTags(input.tags);
      if (unknown.length) throw unknownReference('tags', 'tag');
      const now = clock.now().toISOString();
      const added = await repo.transaction(async (trx) => {
        const n = await repo.addTargetsIn(trx, id, subtreeRange(areaCode), input.tags, input.match, now);
        await audit.append({ actorUserId: actor.userId, action: 'add_targets', subjectType: 'campaign', subjectId: id, detail: { areaCode, tags: input.tags, match: input.match, added: n } }, trx);
        return n;
      });
      return { added, coverage: await coverage(id, [subtreeRange(c.areaCode)]) };
    },

    /** Shares targets among cadres: evenly in runs of neighbouring households, or one by one. */
    async assign(actor: Actor, id: string, input: CampaignAssign) {
      const c = await managed(actor, id);
      const cadreIds = input.mode === 'even' ? [...new Set(input.cadreUserIds)] : [...new Set(input.assignments.map((a) => a.cadreUserId))];
      if ((await repo.countActiveUsers(cadreIds)) !== cadreIds.length) throw unknownReference(input.mode === 'even' ? 'cadreUserIds' : 'assignments', 'user');
      let plan: Array<[string, string[]]>;
      if (input.mode === 'even') {
        if (input.areaCode && !isInSubtree(input.areaCode, c.areaCode)) throw new AppError(400, 'error.validation', {}, 'areaCode');
        const targets = await repo.targetsInOrder(id, input.areaCode ? subtreeRange(input.areaCode) : undefined, input.onlyUnassigned);
        // Each household goes to a cadre who may record its visit (field.write over it, as visits checks).
        const grants = await repo.activeGrantsOf(cadreIds);
        const grantsOf = (cadre: string): Grant[] => grants.filter((g) => g.userId === cadre).map((g) => ({ role: g.role as Role, unitId: g.unitId, areaCode: g.areaCode }));
        // — duty, leave —: a cadre on leave today is left out of the split.
        const away = await repo.awayOn(cadreIds, localDate(clock.now()));
        const sharing = cadreIds.filter((cadre) => !away.has(cadre));
        if (sharing.length === 0) throw unprocessable('error.all_on_leave', { date: localDate(clock.now()) }, 'cadreUserIds');
        const result = planEvenShares(targets, sharing.map((cadre) => ({ id: cadre, grants: grantsOf(cadre) })));
        if ('unreachable' in result) {
          const area = await org.findArea(result.unreachable.areaCode);
          throw unprocessable('error.no_cadre_for_area', { area: area?.name ?? result.unreachable.areaCode }, 'cadreUserIds');
        }
        plan = result.plan;
      } else {
        const wanted = [...new Set(input.assignments.map((a) => a.householdId))];
        if ((await repo.countTargets(id, wanted)) !== wanted.length) throw unknownReference('assignments', 'household');
        const byCadre = new Map<string, string[]>();
        for (const a of input.assignments) byCadre.set(a.cadreUserId, [...(byCadre.get(a.cadreUserId) ?? []), a.householdId]);
        plan = [...byCadre];
      }
      const assigned = await repo.transaction(async (trx) => {
        let n = 0;
        for (const [cadre, households] of plan) n += await repo.assignIn(trx, id, cadre, households);
        await audit.append({ actorUserId: actor.userId, action: 'assign_targets', subjectType: 'campaign', subjectId: id, detail: { mode: input.mode, cadres: cadreIds.length, assigned: n } }, trx);
        return n;
      });
      return { assigned, perCadre: plan.map(([cadre, households]) => ({ cadreUserId: cadre, count: households.length })), coverage: await coverage(id, [subtreeRange(c.areaCode)]) };
    },

    async targets(actor: Actor, id: string, query: CampaignTargetListQuery) {
      const { ranges } = await visible(actor, id);
      const rows = await repo.targets(id, ranges, { ...query, limit: query.limit + 1 });
      return {
        items: rows.slice(0, query.limit).map(presentTarget),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },

    async coverage(actor: Actor, id: string) {
      const { campaign, ranges } = await visible(actor, id);
      return { campaign: presentCampaign(campaign), ...(await coverage(id, ranges)) };
    },
  };
}
export type CampaignsService = ReturnType<typeof createCampaignsService>;

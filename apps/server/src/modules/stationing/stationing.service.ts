import { randomUUID } from 'node:crypto';
import {
  type AssignmentPageSchema,
  type CadreCompliance,
  type Contract,
  localDate,
  type StationingCreate,
  type StationingListQuery,
  type StationingReportQuery,
  type StationingReportSchema,
  type StationingSettingsViewSchema,
  type StationingUpdate,
} from '@lianxin/core';
import { assertCan, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { dayNumber } from '../field-work/weeks.js';
import type { OrgRepository } from '../org/org.repository.js';
import { judgeAssignment, summariseTownships } from './compliance.js';
import { presentAssignment } from './stationing.presenter.js';
import type { StationingRepository } from './stationing.repository.js';

export interface StationingDeps {
  stationing: StationingRepository;
  org: Pick<OrgRepository, 'findArea'>;
  audit: AuditLog;
  clock: Clock;
}

/** Stationing (驻村): assignments of cadres to villages and the weekly presence rule (SPEC §4). */
export function createStationingService({ stationing: repo, org, audit, clock }: StationingDeps) {
  /** The assignment, if the actor plans field work over its village. */
  async function managed(actor: Actor, id: string) {
    const row = await repo.find(id);
    if (!row) throw notFound();
    assertCan(actor, 'field.manage', { areaCode: row.villageCode });
    return row;
  }

  /** One assignment as the API shows it. */
  async function reload(id: string, villageCode: string) {
    const [found] = await repo.assignments({ ranges: [[villageCode, `${villageCode}~`]], id });
    return presentAssignment(found!, await repo.minDaysDefault());
  }

  return {
    /** Assigns a cadre to a village for a period (planners over the village only). */
    async assign(actor: Actor, input: StationingCreate) {
      assertCan(actor, 'field.manage', { areaCode: input.villageCode });
      const village = await org.findArea(input.villageCode);
      if (!village || village.level !== 'village') throw unknownReference('villageCode', 'area');
      const cadre = await repo.findUser(input.cadreUserId);
      if (!cadre || !cadre.isActive) throw unknownReference('cadreUserId', 'user');
      await repo.refuseIfAway(input.cadreUserId, input.startsOn, 'cadreUserId'); // — duty, leave —
      if (await repo.overlapping(input.cadreUserId, input.villageCode, input.startsOn, input.endsOn ?? null)) throw new AppError(409, 'error.stationing_overlap', {}, 'startsOn');
      const now = clock.now().toISOString();
      const row = {
        id: randomUUID(),
        cadreUserId: input.cadreUserId,
        villageCode: input.villageCode,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        minDaysPerWeek: input.minDaysPerWeek ?? null,
        note: input.note ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await repo.transaction(async (trx) => {
        await repo.insert(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'stationing_assignment', subjectId: row.id, detail: { cadreUserId: row.cadreUserId, villageCode: row.villageCode, startsOn: row.startsOn, endsOn: row.endsOn } }, trx);
      });
      return reload(row.id, row.villageCode);
    },

    async update(actor: Actor, id: string, input: StationingUpdate) {
      const before = await managed(actor, id);
      const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
      if (endsOn && endsOn < before.startsOn) throw new AppError(400, 'error.validation', {}, 'endsOn');
      if (endsOn !== before.endsOn && (await repo.overlapping(before.cadreUserId, before.villageCode, before.startsOn, endsOn, id))) throw new AppError(409, 'error.stationing_overlap', {}, 'endsOn');
      const patch = {
        endsOn,
        minDaysPerWeek: input.minDaysPerWeek === undefined ? before.minDaysPerWeek : input.minDaysPerWeek,
        note: input.note ?? before.note,
        updatedAt: clock.now().toISOString(),
      };
      await repo.transaction(async (trx) => {
        await repo.update(trx, id, patch);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'stationing_assignment', subjectId: id, detail: { changed: Object.keys(input) } }, trx);
      });
      return reload(id, before.villageCode);
    },

    async list(actor: Actor, query: StationingListQuery): Promise<Contract<typeof AssignmentPageSchema>> {
      const ranges = narrowRanges(rangesFor(actor, 'field.read'), query.areaCode);
      const rows = await repo.assignments({ ranges, from: query.activeOn, to: query.activeOn }, { limit: query.limit + 1, offset: query.offset });
      const fallback = await repo.minDaysDefault();
      return { items: rows.slice(0, query.limit).map((r) => presentAssignment(r, fallback)), nextOffset: rows.length > query.limit ? query.offset + query.limit : null };
    },

    /**
     * The compliance report over [from, to]: per assignment (cadre × village) the days present in
     * each ISO week against its rule, flagged when a judged week falls short; per township a summary.
     */
    async report(actor: Actor, query: StationingReportQuery): Promise<Contract<typeof StationingReportSchema>> {
      const ranges = narrowRanges(rangesFor(actor, 'field.read'), query.areaCode);
      const [assignments, presence, fallback] = await Promise.all([
        repo.assignments({ ranges, cadreUserId: query.cadre, from: query.from, to: query.to }),
        repo.presence(ranges, query.from, query.to, query.cadre),
        repo.minDaysDefault(),
      ]);
      // — duty, leave —: days on approved leave, per cadre, as day numbers
      const leave = await repo.leaveDays([...new Set(assignments.map((a) => a.cadreUserId))], query.from, query.to);
      const awayOf = (cadre: string) => new Set([...(leave.get(cadre) ?? [])].map(dayNumber));
      const days = new Map<string, Set<number>>();
      for (const p of presence) {
        const key = `${p.cadreUserId}|${p.villageCode}`;
        let set = days.get(key);
        if (!set) days.set(key, (set = new Set()));
        set.add(dayNumber(p.localDate));
      }
      const today = localDate(clock.now());
      const empty = new Set<number>();
      const cadres: CadreCompliance[] = assignments.map((a) =>
        judgeAssignment(
          { ...a, townshipCode: a.townshipCode ?? '', townshipName: a.townshipName ?? '', minDaysPerWeek: a.minDaysPerWeek ?? fallback },
          days.get(`${a.cadreUserId}|${a.villageCode}`) ?? empty,
          query.from,
          query.to,
          today,
          awayOf(a.cadreUserId),
        ),
      );
      // The unit each cadre is stationed from (a county bureau's first secretary, a village committee …).
      const grants = await repo.activeGrantsOf([...new Set(cadres.map((c) => c.cadre.id))]);
      const unitOf = new Map<string, { id: string; name: string }>();
      for (const g of [...grants].sort((a, b) => Number(b.role === 'stationed_cadre') - Number(a.role === 'stationed_cadre'))) {
        if (!unitOf.has(g.userId)) unitOf.set(g.userId, { id: g.unitId, name: g.unitName });
      }
      for (const c of cadres) c.cadre.unit = unitOf.get(c.cadre.id) ?? null;
      const townships = summariseTownships(cadres);
      return {
        from: query.from,
        to: query.to,
        minDaysPerWeekDefault: fallback,
        totals: {
          assignments: cadres.length,
          flagged: cadres.filter((c) => c.flagged).length,
          weeksEvaluated: townships.reduce((n, t) => n + t.weeksEvaluated, 0),
          weeksCompliant: townships.reduce((n, t) => n + t.weeksCompliant, 0),
        },
        townships,
        cadres,
      };
    },

    async settings(actor: Actor): Promise<Contract<typeof StationingSettingsViewSchema>> {
      assertCan(actor, 'field.read');
      return { minDaysPerWeek: await repo.minDaysDefault() };
    },

    /** Sets the global rule (a platform setting: admins). */
    async setSettings(actor: Actor, minDaysPerWeek: number): Promise<Contract<typeof StationingSettingsViewSchema>> {
      assertCan(actor, 'config.manage');
      await repo.transaction(async (trx) => {
        await repo.setMinDaysDefault(trx, minDaysPerWeek);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'setting', subjectId: 'stationing', detail: { minDaysPerWeek } }, trx);
      });
      return { minDaysPerWeek };
    },
  };
}
export type StationingService = ReturnType<typeof createStationingService>;
export type StationingReport = Awaited<ReturnType<StationingService['report']>>;

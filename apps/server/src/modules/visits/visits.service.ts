import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CheckInCreate,
  type CheckInSchema,
  type Contract,
  type DiaryQuery,
  type DiarySchema,
  type HouseholdVisitsQuerySchema,
  isInRanges,
  isInSubtree,
  isoWeekOf,
  localDate,
  monthRange,
  type ProblemToCase,
  type VisitCreate,
  type VisitListQuery,
  type VisitPageSchema,
  weekRange,
} from '@lianxin/core';
import type { z } from 'zod';
import { assertCan, assertInRanges, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { OrgRepository } from '../org/org.repository.js';
import { convertProblemToCase } from './visit-problems.js';
import { decodeVisitCursor, encodeVisitCursor, presentVisits, type VisitDto } from './visits.presenter.js';
import type { VisitFilter, VisitRow, VisitsRepository } from './visits.repository.js';

/** Up to this many visits in one diary period (a month of very busy field work). */
const DIARY_MAX = 1000;
/** Phones' clocks run a little ahead; a visit further in the future than this is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface VisitsDeps {
  visits: VisitsRepository;
  org: Pick<OrgRepository, 'findArea'>;
  cases: Pick<CasesService, 'register' | 'visibleCase'>;
  audit: AuditLog;
  clock: Clock;
  /** Where the attachments module stores uploads (`<dataDir>/attachments/<storageKey>`). */
  dataDir: string;
}

type HouseholdVisitsQuery = z.output<typeof HouseholdVisitsQuerySchema>;

/** Visits and the diary (走访 · 民情日记), check-ins, and problems turned into cases (SPEC §4). */
export function createVisitsService({ visits: repo, org, cases, audit, clock, dataDir }: VisitsDeps) {
  async function present(visits: readonly VisitRow[]): Promise<VisitDto[]> {
    return presentVisits(visits, await repo.relations(visits));
  }

  /** A visit the actor may read: their own, or one in their area. */
  async function visibleVisit(actor: Actor, id: string): Promise<VisitRow> {
    const visit = await repo.findVisit(id);
    if (!visit) throw notFound();
    if (visit.cadreUserId !== actor.userId) assertInRanges(rangesFor(actor, 'field.read'), visit.areaCode);
    return visit;
  }

  async function page(filter: Omit<VisitFilter, 'after' | 'limit'>, limit: number, cursor?: string): Promise<Contract<typeof VisitPageSchema>> {
    const after = cursor ? decodeVisitCursor(cursor) : undefined;
    if (cursor && !after) throw new AppError(400, 'error.validation', {}, 'cursor');
    const rows = await repo.listVisits({ ...filter, after, limit: limit + 1 });
    const items = await present(rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? encodeVisitCursor(rows[limit - 1]!) : null };
  }

  /** Checks every reference of a new visit; each failure names its field. */
  async function checkReferences(actor: Actor, input: VisitCreate) {
    if (!(await org.findArea(input.areaCode))) throw unknownReference('areaCode', 'area');
    const ranges = rangesFor(actor, 'field.read');
    const households = await repo.households(input.householdIds);
    if (households.length !== input.householdIds.length || households.some((h) => h.archivedAt)) throw unknownReference('householdIds', 'household');
    if (households.some((h) => !isInRanges(ranges, h.areaCode))) throw new AppError(403, 'error.out_of_scope', {}, 'householdIds');
    const photos = await repo.freePhotos(input.photoIds, actor.userId);
    if (photos.length !== input.photoIds.length) throw unknownReference('photoIds', 'attachment');
    const codes = [...new Set(input.problems.flatMap((p) => (p.categoryCode ? [p.categoryCode] : [])))];
    const known = await repo.existingCategories(codes);
    const bad = input.problems.findIndex((p) => p.categoryCode && !known.has(p.categoryCode));
    if (bad >= 0) throw unknownReference(`problems.${bad}.categoryCode`, 'category');
    if (input.campaignId) {
      const campaign = await repo.findCampaign(input.campaignId);
      // The visit must lie inside the campaign's area (a township campaign reaches its villages).
      if (!campaign || !isInSubtree(input.areaCode, campaign.areaCode)) throw unknownReference('campaignId', 'campaign');
    }
    if (input.caseId) {
      try {
        await cases.visibleCase(actor, input.caseId);
      } catch {
        throw unknownReference('caseId', 'case');
      }
    }
  }

  return {
    /** Records a visit with its households, photos, problems and optional check-in, in one transaction. */
    async create(actor: Actor, input: VisitCreate): Promise<VisitDto> {
      assertCan(actor, 'field.write', input);
      const now = clock.now();
      const occurred = input.occurredAt ? new Date(input.occurredAt) : now;
      if (occurred.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new AppError(400, 'error.validation', {}, 'occurredAt');
      await checkReferences(actor, input);
      const visit: VisitRow = {
        id: randomUUID(),
        cadreUserId: actor.userId,
        kind: input.kind,
        occurredAt: occurred.toISOString(),
        localDate: localDate(occurred),
        areaCode: input.areaCode,
        place: input.place ?? null,
        lat: input.checkIn?.lat ?? null,
        lng: input.checkIn?.lng ?? null,
        checkedIn: input.checkIn ? 1 : 0,
        accuracyM: input.checkIn?.accuracy ?? null,
        notes: input.notes ?? null,
        delivered: JSON.stringify(input.delivered),
        campaignId: input.campaignId ?? null,
        caseId: input.caseId ?? null,
        createdAt: now.toISOString(),
      };
      // With one household, every problem concerns it.
      const only = input.householdIds.length === 1 ? input.householdIds[0]! : null;
      const problems = input.problems.map((p, i) => ({ id: randomUUID(), visitId: visit.id, seq: i + 1, text: p.text, categoryCode: p.categoryCode ?? null, householdId: p.householdId ?? only, caseId: null, convertedAt: null, convertedBy: null }));
      const checkIn = input.checkIn
        ? { id: randomUUID(), cadreUserId: actor.userId, at: visit.occurredAt, localDate: visit.localDate, areaCode: visit.areaCode, lat: input.checkIn.lat, lng: input.checkIn.lng, accuracyM: input.checkIn.accuracy ?? null, visitId: visit.id }
        : null;
      await repo.transaction(async (trx) => {
        await repo.insertVisit(trx, { visit, householdIds: input.householdIds, photoIds: input.photoIds, problems, checkIn });
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'visit', subjectId: visit.id, detail: { kind: visit.kind, areaCode: visit.areaCode, households: input.householdIds.length, problems: input.problems.length } }, trx);
      });
      return (await present([visit]))[0]!;
    },

    async get(actor: Actor, id: string): Promise<VisitDto> {
      return (await present([await visibleVisit(actor, id)]))[0]!;
    },

    /** Visits in the actor's area (or a subtree of it), newest first. */
    async list(actor: Actor, query: VisitListQuery) {
      const ranges = narrowRanges(rangesFor(actor, 'field.read'), query.areaCode);
      return page({ ranges, cadreUserId: query.cadre, campaignId: query.campaignId, fromDate: query.from, toDate: query.to }, query.limit, query.cursor);
    },

    /** A household's visit history (the household must be in the actor's area). */
    async forHousehold(actor: Actor, id: string, { limit, cursor }: HouseholdVisitsQuery) {
      const ranges = rangesFor(actor, 'field.read');
      const household = await repo.findHousehold(id);
      if (!household) throw notFound();
      assertInRanges(ranges, household.areaCode);
      return page({ householdId: id }, limit, cursor);
    },

    /**
     * The diary (民情日记): a cadre's visits in an ISO week or a month (default: this week), day by
     * day, with totals. Someone else's diary shows only the visits in the reader's area.
     */
    async diary(actor: Actor, query: DiaryQuery): Promise<Contract<typeof DiarySchema>> {
      const cadreUserId = query.cadre ?? actor.userId;
      // One's own diary needs no ability; someone else's only reaches the reader's field-work area.
      const ranges = cadreUserId === actor.userId ? undefined : rangesFor(actor, 'field.read');
      const cadre = await repo.findUser(cadreUserId);
      if (!cadre) throw unknownReference('cadre', 'user');
      // Someone else's diary: only of a colleague who works somewhere in the reader's area.
      if (ranges && !(await repo.unitAreasOf(cadreUserId)).some((code) => isInRanges(ranges, code))) throw outOfScope();
      const label = query.month ?? query.week ?? isoWeekOf(localDate(clock.now()));
      const [from, to] = query.month ? monthRange(label) : weekRange(label);
      const rows = await repo.listVisits({ cadreUserId, ranges, fromDate: from, toDate: to, limit: DIARY_MAX });
      const visits = (await present(rows)).reverse(); // a diary reads forward in time
      const days = new Map<string, VisitDto[]>();
      for (const v of visits) days.set(v.localDate, [...(days.get(v.localDate) ?? []), v]);
      const delivered = { policy: 0, warmth: 0, service: 0 };
      for (const v of visits) for (const d of v.delivered) delivered[d] += 1;
      const problems = visits.flatMap((v) => v.problems);
      return {
        cadre: { id: cadre.id, name: cadre.displayName },
        period: { kind: query.month ? 'month' : 'week', label, from, to },
        summary: {
          visits: visits.length,
          households: new Set(visits.flatMap((v) => v.households.map((h) => h.id))).size,
          daysInField: days.size,
          problems: problems.length,
          casesRaised: problems.filter((p) => p.caseId).length,
          delivered,
        },
        days: [...days].map(([date, items]) => ({ date, visits: items })),
      };
    },

    /** Turns one problem found on a visit into a case of channel 走访发现 (field). */
    async convertProblem(actor: Actor, visitId: string, problemId: string, body: ProblemToCase) {
      const visit = await visibleVisit(actor, visitId);
      return convertProblemToCase({ visits: repo, cases, clock, audit }, actor, visit, problemId, body);
    },

    /** A location check-in: counts as a day present in the village for the stationing rule. */
    async checkIn(actor: Actor, input: CheckInCreate): Promise<Contract<typeof CheckInSchema>> {
      assertCan(actor, 'field.write', input);
      if (!(await org.findArea(input.areaCode))) throw unknownReference('areaCode', 'area');
      const now = clock.now();
      const row = { id: randomUUID(), cadreUserId: actor.userId, at: now.toISOString(), localDate: localDate(now), areaCode: input.areaCode, lat: input.lat, lng: input.lng, accuracyM: input.accuracy ?? null, visitId: null };
      await repo.transaction(async (trx) => {
        await repo.insertCheckIn(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'check_in', subjectType: 'check_in', subjectId: row.id, detail: { areaCode: row.areaCode } }, trx);
      });
      return { id: row.id, at: row.at, localDate: row.localDate, areaCode: row.areaCode, lat: row.lat, lng: row.lng, accuracyM: row.accuracyM };
    },

    /** A photo of a visit the actor may read; each download is audited. */
    async photo(actor: Actor, visitId: string, attachmentId: string) {
      await visibleVisit(actor, visitId);
      const row = await repo.findPhoto(visitId, attachmentId);
      if (!row) throw notFound();
      await audit.append({ actorUserId: actor.userId, action: 'download_attachment', subjectType: 'attachment', subjectId: row.id, detail: { visitId } });
      // The attachments module's storage layout: <dataDir>/attachments/<storageKey>.
      return { row, data: await readFile(join(dataDir, 'attachments', row.storageKey)) };
    },
  };
}
export type VisitsService = ReturnType<typeof createVisitsService>;

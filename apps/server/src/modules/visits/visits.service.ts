import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckInCreate, type DiaryQuery, localDate, type VisitCreate, type VisitListQuery } from '@lianxin/core';
import { AppError, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Actor } from '../../access/actor.js';
import { isInSubtree } from '@lianxin/core';
import { orgQueries } from '../org/org.repository.js';
import { isoWeekOf, monthRange, weekRange } from '../field-work/weeks.js';
import { assertRoleOver, FIELD_WRITE_ROLES, fieldRanges, isInRanges, narrowRanges } from '../field-work/field-scope.js';
import { decodeVisitCursor, encodeVisitCursor, presentVisits, type VisitDto } from './visits.presenter.js';
import { type VisitFilter, type VisitRow, visitsRepository as repo } from './visits.repository.js';
import { convertProblemToCase } from './visit-problems.js';

/** Up to this many visits in one diary period (a month of very busy field work). */
const DIARY_MAX = 1000;
/** Phones' clocks run a little ahead; a visit further in the future than this is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Visits and the diary (走访 · 民情日记), check-ins, and problems turned into cases (SPEC §4). */
export function createVisitsService(services: Services) {
  const { db, clock, audit } = services;

  async function present(visits: VisitRow[]): Promise<VisitDto[]> {
    return presentVisits(visits, await repo.relations(db, visits));
  }

  /** A visit the actor may read: their own, or one in their area. */
  async function visibleVisit(actor: Actor, id: string): Promise<VisitRow> {
    const visit = await repo.findVisit(db, id);
    if (!visit) throw notFound();
    if (visit.cadreUserId !== actor.userId && !isInRanges(fieldRanges(actor), visit.areaCode)) throw outOfScope();
    return visit;
  }

  async function page(filter: Omit<VisitFilter, 'after' | 'limit'>, limit: number, cursor?: string) {
    const after = cursor ? decodeVisitCursor(cursor) : undefined;
    if (cursor && !after) throw new AppError(400, 'error.validation', {}, 'cursor');
    const rows = await repo.listVisits(db, { ...filter, after, limit: limit + 1 });
    const items = await present(rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? encodeVisitCursor(rows[limit - 1]!) : null };
  }

  /** Checks every reference of a new visit; each failure names its field. */
  async function checkReferences(actor: Actor, input: VisitCreate) {
    if (!(await orgQueries.findArea(db, input.areaCode))) throw unknownReference('areaCode', 'area');
    const ranges = fieldRanges(actor);
    const households = await repo.households(db, input.householdIds);
    if (households.length !== input.householdIds.length || households.some((h) => h.archivedAt)) throw unknownReference('householdIds', 'household');
    if (households.some((h) => !isInRanges(ranges, h.areaCode))) throw new AppError(403, 'error.out_of_scope', {}, 'householdIds');
    const photos = await repo.freePhotos(db, input.photoIds, actor.userId);
    if (photos.length !== input.photoIds.length) throw unknownReference('photoIds', 'attachment');
    const codes = [...new Set(input.problems.flatMap((p) => (p.categoryCode ? [p.categoryCode] : [])))];
    const known = await repo.existingCategories(db, codes);
    const bad = input.problems.findIndex((p) => p.categoryCode && !known.has(p.categoryCode));
    if (bad >= 0) throw unknownReference(`problems.${bad}.categoryCode`, 'category');
    if (input.campaignId) {
      const campaign = await db.selectFrom('campaigns').select(['id', 'areaCode']).where('id', '=', input.campaignId).executeTakeFirst();
      // The visit must lie inside the campaign's area (a township campaign reaches its villages).
      if (!campaign || !isInSubtree(input.areaCode, campaign.areaCode)) throw unknownReference('campaignId', 'campaign');
    }
    if (input.caseId) {
      try {
        await services.cases.visibleCase(actor, input.caseId);
      } catch {
        throw unknownReference('caseId', 'case');
      }
    }
  }

  return {
    /** Records a visit with its households, photos, problems and optional check-in, in one transaction. */
    async create(actor: Actor, input: VisitCreate): Promise<VisitDto> {
      assertRoleOver(actor, FIELD_WRITE_ROLES, input.areaCode);
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
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('visits').values(visit).execute();
        if (input.householdIds.length) await trx.insertInto('visitHouseholds').values(input.householdIds.map((householdId) => ({ visitId: visit.id, householdId }))).execute();
        if (input.photoIds.length) await trx.insertInto('visitPhotos').values(input.photoIds.map((attachmentId, sort) => ({ visitId: visit.id, attachmentId, sort }))).execute();
        if (input.problems.length) {
          const only = input.householdIds.length === 1 ? input.householdIds[0]! : null;
          await trx
            .insertInto('visitProblems')
            .values(input.problems.map((p, i) => ({ id: randomUUID(), visitId: visit.id, seq: i + 1, text: p.text, categoryCode: p.categoryCode ?? null, householdId: p.householdId ?? only, caseId: null, convertedAt: null, convertedBy: null })))
            .execute();
        }
        if (input.checkIn) {
          await trx
            .insertInto('checkIns')
            .values({ id: randomUUID(), cadreUserId: actor.userId, at: visit.occurredAt, localDate: visit.localDate, areaCode: visit.areaCode, lat: input.checkIn.lat, lng: input.checkIn.lng, accuracyM: input.checkIn.accuracy ?? null, visitId: visit.id })
            .execute();
        }
        if (input.campaignId && input.householdIds.length) {
          await trx
            .updateTable('campaignTargets')
            .set({ visitedAt: visit.occurredAt, visitId: visit.id })
            .where('campaignId', '=', input.campaignId)
            .where('householdId', 'in', input.householdIds)
            .where('visitedAt', 'is', null)
            .execute();
        }
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'visit', subjectId: visit.id, detail: { kind: visit.kind, areaCode: visit.areaCode, households: input.householdIds.length, problems: input.problems.length } }, trx);
      });
      return (await present([visit]))[0]!;
    },

    async get(actor: Actor, id: string): Promise<VisitDto> {
      return (await present([await visibleVisit(actor, id)]))[0]!;
    },

    /** Visits in the actor's area (or a subtree of it), newest first. */
    async list(actor: Actor, query: VisitListQuery) {
      const ranges = narrowRanges(fieldRanges(actor), query.areaCode);
      return page({ ranges, cadreUserId: query.cadre, campaignId: query.campaignId, fromDate: query.from, toDate: query.to }, query.limit, query.cursor);
    },

    /** A household's visit history (the household must be in the actor's area). */
    async forHousehold(actor: Actor, householdId: string, limit: number, cursor?: string) {
      const household = await repo.findHousehold(db, householdId);
      if (!household) throw notFound();
      if (!isInRanges(fieldRanges(actor), household.areaCode)) throw outOfScope();
      return page({ householdId }, limit, cursor);
    },

    /**
     * The diary (民情日记): a cadre's visits in an ISO week or a month (default: this week), day by
     * day, with totals. Someone else's diary shows only the visits in the reader's area.
     */
    async diary(actor: Actor, query: DiaryQuery) {
      const cadreUserId = query.cadre ?? actor.userId;
      const own = cadreUserId === actor.userId;
      const ranges = own ? undefined : fieldRanges(actor);
      const cadre = await db.selectFrom('users').select(['id', 'displayName']).where('id', '=', cadreUserId).executeTakeFirst();
      if (!cadre) throw unknownReference('cadre', 'user');
      if (ranges) {
        // Someone else's diary: only of a colleague who works somewhere in the reader's area.
        const units = await db.selectFrom('userRoles as r').innerJoin('units as u', 'u.id', 'r.unitId').select('u.areaCode').where('r.userId', '=', cadreUserId).execute();
        if (!units.some((u) => isInRanges(ranges, u.areaCode))) throw outOfScope();
      }
      const label = query.month ?? query.week ?? isoWeekOf(localDate(clock.now()));
      const [from, to] = query.month ? monthRange(label) : weekRange(label);
      const rows = await repo.listVisits(db, { cadreUserId, ranges, fromDate: from, toDate: to, limit: DIARY_MAX });
      const visits = (await present(rows)).reverse(); // a diary reads forward in time
      const days = new Map<string, VisitDto[]>();
      for (const v of visits) days.set(v.localDate, [...(days.get(v.localDate) ?? []), v]);
      const delivered = { policy: 0, warmth: 0, service: 0 } as Record<string, number>;
      for (const v of visits) for (const d of v.delivered) delivered[d] = (delivered[d] ?? 0) + 1;
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
    convertProblem: (actor: Actor, visitId: string, problemId: string, body: Parameters<typeof convertProblemToCase>[4]) =>
      visibleVisit(actor, visitId).then((visit) => convertProblemToCase(services, actor, visit, problemId, body)),

    /** A location check-in: counts as a day present in the village for the stationing rule. */
    async checkIn(actor: Actor, input: CheckInCreate) {
      assertRoleOver(actor, FIELD_WRITE_ROLES, input.areaCode);
      if (!(await orgQueries.findArea(db, input.areaCode))) throw unknownReference('areaCode', 'area');
      const now = clock.now();
      const row = { id: randomUUID(), cadreUserId: actor.userId, at: now.toISOString(), localDate: localDate(now), areaCode: input.areaCode, lat: input.lat, lng: input.lng, accuracyM: input.accuracy ?? null, visitId: null };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('checkIns').values(row).execute();
        await audit.append({ actorUserId: actor.userId, action: 'check_in', subjectType: 'check_in', subjectId: row.id, detail: { areaCode: row.areaCode } }, trx);
      });
      return { id: row.id, at: row.at, localDate: row.localDate, areaCode: row.areaCode, lat: row.lat, lng: row.lng, accuracyM: row.accuracyM };
    },

    /** A photo of a visit the actor may read; each download is audited. */
    async photo(actor: Actor, visitId: string, attachmentId: string) {
      await visibleVisit(actor, visitId);
      const row = await db
        .selectFrom('visitPhotos as p')
        .innerJoin('attachments as a', 'a.id', 'p.attachmentId')
        .select(['a.id', 'a.fileName', 'a.mimeType', 'a.storageKey'])
        .where('p.visitId', '=', visitId)
        .where('p.attachmentId', '=', attachmentId)
        .executeTakeFirst();
      if (!row) throw notFound();
      await audit.append({ actorUserId: actor.userId, action: 'download_attachment', subjectType: 'attachment', subjectId: row.id, detail: { visitId } });
      // The attachments module's storage layout: <dataDir>/attachments/<storageKey>.
      return { row, data: await readFile(join(services.config.dataDir, 'attachments', row.storageKey)) };
    },
  };
}
export type VisitsService = ReturnType<typeof createVisitsService>;

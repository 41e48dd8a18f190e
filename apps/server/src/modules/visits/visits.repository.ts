import { randomUUID } from 'node:crypto';
import type { AreaRange } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { CheckInTable, VisitProblemTable, VisitTable } from '../../db/field-work.tables.js';
import type { DB } from '../../db/schema.js';

// Kept for the campaigns module until it reads households through its own repository.
export { fdb } from '../field-work/households-view.js';

export type VisitRow = VisitTable;
export type VisitProblemRow = VisitProblemTable;

/** A new visit with everything recorded with it. */
export interface NewVisit {
  visit: VisitRow;
  householdIds: readonly string[];
  photoIds: readonly string[];
  problems: readonly VisitProblemRow[];
  checkIn: CheckInTable | null;
}

/** Which visits a list reads: by cadre, by area ranges, by household, by period, keyset-paged. */
export interface VisitFilter {
  cadreUserId?: string;
  ranges?: readonly AreaRange[];
  /** A cadre's own visits are always theirs to read, wherever they were. */
  orOwnedBy?: string;
  householdId?: string;
  campaignId?: string;
  fromDate?: string;
  toDate?: string;
  after?: { occurredAt: string; id: string };
  limit: number;
}

/** Visits, their households, photos and problems, and check-ins: the visits module's SQL. */
export function createVisitsRepository(db: Kysely<DB>) {
  return {
    /** Runs `work` in one transaction (a visit and its audit entry commit together). */
    transaction: <T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> => db.transaction().execute(work),

    findVisit: (id: string): Promise<VisitRow | undefined> => db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Visits newest first, filtered in SQL (scope included). */
    async listVisits(f: VisitFilter): Promise<VisitRow[]> {
      let q = db.selectFrom('visits').selectAll('visits');
      if (f.householdId) q = q.innerJoin('visitHouseholds as vh', 'vh.visitId', 'visits.id').where('vh.householdId', '=', f.householdId);
      if (f.cadreUserId) q = q.where('visits.cadreUserId', '=', f.cadreUserId);
      if (f.campaignId) q = q.where('visits.campaignId', '=', f.campaignId);
      if (f.fromDate) q = q.where('visits.localDate', '>=', f.fromDate);
      if (f.toDate) q = q.where('visits.localDate', '<=', f.toDate);
      const { ranges, orOwnedBy } = f;
      if (ranges) {
        q = q.where((eb) => (orOwnedBy ? eb.or([inRanges(eb, 'visits.areaCode', ranges), eb('visits.cadreUserId', '=', orOwnedBy)]) : inRanges(eb, 'visits.areaCode', ranges)));
      }
      const { after } = f;
      if (after) {
        q = q.where((eb) => eb.or([eb('visits.occurredAt', '<', after.occurredAt), eb.and([eb('visits.occurredAt', '=', after.occurredAt), eb('visits.id', '<', after.id)])]));
      }
      return q.orderBy('visits.occurredAt', 'desc').orderBy('visits.id', 'desc').limit(f.limit).execute();
    },

    /** Households, photos, problems (with case codes) and cadre names of a page of visits. */
    async relations(visits: readonly VisitRow[]) {
      const ids = visits.map((v) => v.id);
      if (ids.length === 0) return { households: [], photos: [], problems: [], cadres: [], areas: [] };
      const cadreIds = [...new Set(visits.map((v) => v.cadreUserId))];
      const areaCodes = [...new Set(visits.map((v) => v.areaCode))];
      const [households, photos, problems, cadres, areas] = await Promise.all([
        db
          .selectFrom('visitHouseholds as vh')
          .innerJoin('households as h', 'h.id', 'vh.householdId')
          .select(['vh.visitId', 'h.id', 'h.address', 'h.headNameMasked', 'h.areaCode'])
          .where('vh.visitId', 'in', ids)
          .execute(),
        db
          .selectFrom('visitPhotos as p')
          .innerJoin('attachments as a', 'a.id', 'p.attachmentId')
          .select(['p.visitId', 'p.attachmentId', 'p.sort', 'a.fileName', 'a.mimeType', 'a.size'])
          .where('p.visitId', 'in', ids)
          .orderBy('p.sort')
          .execute(),
        db
          .selectFrom('visitProblems as vp')
          .leftJoin('cases as c', 'c.id', 'vp.caseId')
          .select(['vp.id', 'vp.visitId', 'vp.seq', 'vp.text', 'vp.categoryCode', 'vp.householdId', 'vp.caseId', 'vp.convertedAt', 'c.code as caseCode', 'c.status as caseStatus'])
          .where('vp.visitId', 'in', ids)
          .orderBy('vp.seq')
          .execute(),
        db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', cadreIds).execute(),
        db.selectFrom('areas').select(['code', 'name']).where('code', 'in', areaCodes).execute(),
      ]);
      return { households, photos, problems, cadres, areas };
    },

    async households(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db.selectFrom('households').select(['id', 'areaCode', 'address', 'archivedAt']).where('id', 'in', ids).execute();
    },

    findHousehold: (id: string) => db.selectFrom('households').select(['id', 'areaCode', 'address', 'archivedAt']).where('id', '=', id).executeTakeFirst(),

    /** Uploads of this actor not yet linked to a case or a visit. */
    async freePhotos(ids: readonly string[], userId: string): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('attachments as a')
        .leftJoin('visitPhotos as p', 'p.attachmentId', 'a.id')
        .select('a.id')
        .where('a.id', 'in', ids)
        .where('a.caseId', 'is', null)
        .where('a.uploadedBy', '=', userId)
        .where('p.visitId', 'is', null)
        .execute();
      return rows.map((r) => r.id);
    },

    async existingCategories(codes: readonly string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const rows = await db.selectFrom('categories').select('code').where('code', 'in', codes).where('isActive', '=', 1).execute();
      return new Set(rows.map((r) => r.code));
    },

    findCampaign: (id: string) => db.selectFrom('campaigns').select(['id', 'areaCode']).where('id', '=', id).executeTakeFirst(),

    findUser: (id: string) => db.selectFrom('users').select(['id', 'displayName']).where('id', '=', id).executeTakeFirst(),

    /** The areas of the units where the user holds any role. */
    async unitAreasOf(userId: string): Promise<string[]> {
      const rows = await db.selectFrom('userRoles as r').innerJoin('units as u', 'u.id', 'r.unitId').select('u.areaCode').where('r.userId', '=', userId).execute();
      return rows.map((r) => r.areaCode);
    },

    /** Writes a visit and everything recorded with it; campaign targets it reaches count as visited. */
    async insertVisit(trx: Transaction<DB>, v: NewVisit): Promise<void> {
      const { visit } = v;
      await trx.insertInto('visits').values(visit).execute();
      if (v.householdIds.length) await trx.insertInto('visitHouseholds').values(v.householdIds.map((householdId) => ({ visitId: visit.id, householdId }))).execute();
      if (v.photoIds.length) await trx.insertInto('visitPhotos').values(v.photoIds.map((attachmentId, sort) => ({ visitId: visit.id, attachmentId, sort }))).execute();
      if (v.problems.length) await trx.insertInto('visitProblems').values([...v.problems]).execute();
      if (v.checkIn) await trx.insertInto('checkIns').values(v.checkIn).execute();
      if (visit.campaignId && v.householdIds.length) {
        await trx
          .updateTable('campaignTargets')
          .set({ visitedAt: visit.occurredAt, visitId: visit.id })
          .where('campaignId', '=', visit.campaignId)
          .where('householdId', 'in', v.householdIds)
          .where('visitedAt', 'is', null)
          .execute();
      }
    },

    insertCheckIn: async (trx: Transaction<DB>, row: CheckInTable) => {
      await trx.insertInto('checkIns').values(row).execute();
    },

    /** The photo `attachmentId` of the visit, with where it is stored. */
    findPhoto: (visitId: string, attachmentId: string) =>
      db
        .selectFrom('visitPhotos as p')
        .innerJoin('attachments as a', 'a.id', 'p.attachmentId')
        .select(['a.id', 'a.fileName', 'a.mimeType', 'a.storageKey'])
        .where('p.visitId', '=', visitId)
        .where('p.attachmentId', '=', attachmentId)
        .executeTakeFirst(),

    // — screens —
    /**
     * The visit's photos become the case's attachments too: new attachment rows over the same
     * stored files (files are never deleted), so the visit keeps its own. Returns how many.
     */
    async copyPhotosToCase(visitId: string, caseId: string, uploadedBy: string, at: string): Promise<number> {
      const photos = await db
        .selectFrom('visitPhotos as p')
        .innerJoin('attachments as a', 'a.id', 'p.attachmentId')
        .select(['a.fileName', 'a.mimeType', 'a.size', 'a.sha256', 'a.storageKey'])
        .where('p.visitId', '=', visitId)
        .orderBy('p.sort')
        .execute();
      if (photos.length === 0) return 0;
      await db
        .insertInto('attachments')
        .values(photos.map((p) => ({ ...p, id: randomUUID(), caseId, uploadedBy, createdAt: at })))
        .execute();
      return photos.length;
    },

    findProblem: (visitId: string, problemId: string) => db.selectFrom('visitProblems').selectAll().where('id', '=', problemId).where('visitId', '=', visitId).executeTakeFirst(),

    /** Claims a problem for conversion; false when someone converted it first. */
    async claimProblem(problemId: string, at: string, userId: string): Promise<boolean> {
      const claimed = await db.updateTable('visitProblems').set({ convertedAt: at, convertedBy: userId }).where('id', '=', problemId).where('convertedAt', 'is', null).executeTakeFirst();
      return Number(claimed.numUpdatedRows) > 0;
    },

    releaseProblem: async (problemId: string) => {
      await db.updateTable('visitProblems').set({ convertedAt: null, convertedBy: null }).where('id', '=', problemId).execute();
    },

    linkProblemCase: async (problemId: string, caseId: string) => {
      await db.updateTable('visitProblems').set({ caseId }).where('id', '=', problemId).execute();
    },
  };
}
export type VisitsRepository = ReturnType<typeof createVisitsRepository>;

import type { Kysely, Transaction } from 'kysely';
import type { VisitProblemTable, VisitTable } from '../../db/field-work.tables.js';
import type { DB } from '../../db/schema.js';
import { inRanges } from '../field-work/field-scope.js';

/** The columns of the households registry (2026112108_households) that field work reads. */
export interface HouseholdView {
  households: {
    id: string;
    areaCode: string;
    address: string;
    headNameMasked: string;
    contactUserId: string | null;
    tagCodes: string;
    archivedAt: string | null;
  };
  householdTags: { householdId: string; tagCode: string };
}
export type FDB = DB & HouseholdView;
type Q = Kysely<DB> | Transaction<DB>;
/** The database typed with the households columns field work reads. */
export const fdb = (db: Q) => db as unknown as Kysely<FDB>;

export type VisitRow = VisitTable;
export type VisitProblemRow = VisitProblemTable;

/** Which visits a list reads: by cadre, by area ranges, by household, by period, keyset-paged. */
export interface VisitFilter {
  cadreUserId?: string;
  ranges?: [string, string][];
  /** A cadre's own visits are always theirs to read, wherever they were. */
  orOwnedBy?: string;
  householdId?: string;
  campaignId?: string;
  fromDate?: string;
  toDate?: string;
  after?: { occurredAt: string; id: string };
  limit: number;
}

export const visitsRepository = {
  async findVisit(db: Q, id: string): Promise<VisitRow | undefined> {
    return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Visits newest first, filtered in SQL (scope included). */
  async listVisits(db: Q, f: VisitFilter): Promise<VisitRow[]> {
    let q = fdb(db).selectFrom('visits').selectAll('visits');
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
  async relations(db: Q, visits: VisitRow[]) {
    const ids = visits.map((v) => v.id);
    if (ids.length === 0) return { households: [], photos: [], problems: [], cadres: [], areas: [] };
    const cadreIds = [...new Set(visits.map((v) => v.cadreUserId))];
    const areaCodes = [...new Set(visits.map((v) => v.areaCode))];
    const [households, photos, problems, cadres, areas] = await Promise.all([
      fdb(db)
        .selectFrom('visitHouseholds as vh')
        .innerJoin('households as h', 'h.id', 'vh.householdId')
        .select(['vh.visitId', 'h.id', 'h.address', 'h.headNameMasked', 'h.areaCode'])
        .where('vh.visitId', 'in', ids)
        .execute(),
      db.selectFrom('visitPhotos as p').innerJoin('attachments as a', 'a.id', 'p.attachmentId').select(['p.visitId', 'p.attachmentId', 'p.sort', 'a.fileName', 'a.mimeType', 'a.size']).where('p.visitId', 'in', ids).orderBy('p.sort').execute(),
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

  async households(db: Q, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return fdb(db).selectFrom('households').select(['id', 'areaCode', 'address', 'archivedAt']).where('id', 'in', ids).execute();
  },

  async findHousehold(db: Q, id: string) {
    return fdb(db).selectFrom('households').select(['id', 'areaCode', 'address', 'archivedAt']).where('id', '=', id).executeTakeFirst();
  },

  /** Uploads of this actor not yet linked to a case or a visit. */
  async freePhotos(db: Q, ids: readonly string[], userId: string): Promise<string[]> {
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

  async existingCategories(db: Q, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await db.selectFrom('categories').select('code').where('code', 'in', codes).where('isActive', '=', 1).execute();
    return new Set(rows.map((r) => r.code));
  },
};

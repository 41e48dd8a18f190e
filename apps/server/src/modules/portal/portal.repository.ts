import { type CaseKind, isInSubtree, subtreeRange } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The system account that registers the residents' own submissions (never signs in). */
export const PORTAL_USER_ID = 'system-portal';

/** Filters of the public board and map; every list shows consenting cases only. */
export interface BoardFilter {
  from?: string;
  to?: string;
  areaCode?: string;
  kind?: CaseKind;
  /** A category and its subcategories (codes nest by a dot: land → land.homestead). */
  categoryCode?: string;
}

/** States not shown publicly: not yet looked at by staff (spam stays unseen), or merged into another case. */
const HIDDEN_STATES = ['registered', 'merged'];

function boardQuery(db: Q, filter: BoardFilter) {
  let query = db.selectFrom('cases').where('publicConsent', '=', 1).where('status', 'not in', HIDDEN_STATES);
  if (filter.from) query = query.where('registeredAt', '>=', filter.from);
  if (filter.to) query = query.where('registeredAt', '<', filter.to);
  if (filter.areaCode) {
    const [lo, hi] = subtreeRange(filter.areaCode);
    query = query.where('areaCode', '>=', lo).where('areaCode', '<', hi);
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.categoryCode) {
    const code = filter.categoryCode;
    // '/' sorts right after '.', so [code., code/) is every descendant without LIKE's wildcards.
    query = query.where((eb) => eb.or([eb('categoryCode', '=', code), eb.and([eb('categoryCode', '>=', `${code}.`), eb('categoryCode', '<', `${code}/`)])]));
  }
  return query;
}

/** Typed queries of the residents' portal: the only place with the portal module's SQL. */
export function createPortalRepository(db: Kysely<DB>) {
  return {
    /** Creates the portal's system account once (inactive: it holds no password and never signs in). */
    async ensurePortalUser(now: string): Promise<void> {
      await db
        .insertInto('users')
        .values({ id: PORTAL_USER_ID, username: '_portal', displayName: '网上群众工作平台', phoneEnc: null, passwordHash: '!', isActive: 0, createdAt: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /**
     * The unit that receives online submissions for an area: the `portal.intake_unit` setting when
     * set, else the active unit at the highest level above the area, a 群众工作中心 (kind center) first.
     */
    async intakeUnit(areaCode: string) {
      const setting = await db.selectFrom('settings').select('value').where('key', '=', 'portal.intake_unit').executeTakeFirst();
      const units = await db.selectFrom('units').select(['id', 'name', 'kind', 'areaCode']).where('isActive', '=', 1).execute();
      const covering = units.filter((u) => isInSubtree(areaCode, u.areaCode));
      const configured = setting && covering.find((u) => u.id === setting.value);
      if (configured) return configured;
      covering.sort((a, b) => Number(b.kind === 'center') - Number(a.kind === 'center') || a.areaCode.localeCompare(b.areaCode));
      return covering[0];
    },

    /** The village nearest a map pin, within about 30 km. */
    async nearestVillage(lat: number, lng: number) {
      const box = 0.3;
      const rows = await db
        .selectFrom('areas')
        .select(['code', 'name', 'lat', 'lng'])
        .where('level', '=', 'village')
        .where('lat', '>=', lat - box)
        .where('lat', '<=', lat + box)
        .where('lng', '>=', lng - box)
        .where('lng', '<=', lng + box)
        .execute();
      const distance = (r: { lat: number | null; lng: number | null }) => (r.lat! - lat) ** 2 + ((r.lng! - lng) * Math.cos((lat * Math.PI) / 180)) ** 2;
      return rows.sort((a, b) => distance(a) - distance(b))[0];
    },

    /** Centroids and outlines of counties, townships and villages: public geography, no people. */
    mapAreas() {
      return db
        .selectFrom('areas')
        .select(['code', 'parentCode', 'name', 'level', 'lat', 'lng', 'boundary'])
        .where('level', 'in', ['county', 'township', 'village'])
        .orderBy('code')
        .execute();
    },
    children(parentCode: string | null) {
      let query = db.selectFrom('areas').select(['code', 'name', 'level', 'lat', 'lng']);
      query = parentCode ? query.where('parentCode', '=', parentCode) : query.where('level', '=', 'county');
      return query.orderBy('sort').orderBy('code').execute();
    },
    rootAreas() {
      return db.selectFrom('areas').select('code').where('parentCode', 'is', null).execute();
    },
    activeCategories() {
      return db.selectFrom('categories').select(['code', 'parentCode', 'name', 'nameEn']).where('isActive', '=', 1).orderBy('sort').orderBy('code').execute();
    },
    areaNames(codes: string[]) {
      return codes.length ? db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute() : Promise.resolve([]);
    },
    unitNames(ids: string[]) {
      return ids.length ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([]);
    },
    categoryNames(codes: string[]) {
      return codes.length ? db.selectFrom('categories').select(['code', 'name', 'nameEn']).where('code', 'in', codes).execute() : Promise.resolve([]);
    },
    /** Display names of the staff who acted on these cases: the anonymiser removes them from texts. */
    async staffNames(caseIds: string[]): Promise<Map<string, string[]>> {
      const names = new Map<string, string[]>();
      if (caseIds.length === 0) return names;
      const rows = await db
        .selectFrom('caseEvents')
        .innerJoin('users', 'users.id', 'caseEvents.actorUserId')
        .select(['caseEvents.caseId', 'users.displayName'])
        .distinct()
        .where('caseEvents.caseId', 'in', caseIds)
        .execute();
      for (const r of rows) names.set(r.caseId, [...(names.get(r.caseId) ?? []), r.displayName]);
      return names;
    },

    /** One page of the public board, newest first, after the keyset (registeredAt, id). */
    board(filter: BoardFilter, after: { at: string; id: string } | null, limit: number) {
      let query = boardQuery(db, filter).select([
        'id', 'kind', 'categoryCode', 'title', 'content', 'status', 'areaCode', 'registeredAt', 'replyText', 'repliedAt',
        'requesterNameEnc', 'currentUnitId', 'registeredUnitId',
      ]);
      if (after) query = query.where((eb) => eb.or([eb('registeredAt', '<', after.at), eb.and([eb('registeredAt', '=', after.at), eb('id', '<', after.id)])]));
      return query.orderBy('registeredAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },

    /** Map points of the public board (coarsened by the caller). */
    mapPoints(filter: BoardFilter, limit: number) {
      return boardQuery(db, filter)
        .select(['id', 'kind', 'categoryCode', 'status', 'lat', 'lng'])
        .where('lat', 'is not', null)
        .orderBy('registeredAt', 'desc')
        .limit(limit)
        .execute();
    },

    /** The whole case row (the tracking page presents it, anonymised). */
    caseById(id: string) {
      return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** The case of a tracking code, with what proves a resident's claim to it. */
    /** The keyed hash of a case's 查询码 (none for cases registered before 查询码 existed). */
    async trackingSecretHash(caseId: string): Promise<string | undefined> {
      return (await db.selectFrom('trackingSecrets').select('secretHash').where('caseId', '=', caseId).executeTakeFirst())?.secretHash;
    },
    caseByCode(code: string) {
      return db.selectFrom('cases').select(['id', 'anonymous', 'requesterPhoneEnc']).where('code', '=', code).executeTakeFirst();
    },
    async caseExists(id: string): Promise<boolean> {
      return !!(await db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst());
    },

    /** The resident-visible history of a case, with the names of the units involved. */
    events(caseId: string) {
      return db
        .selectFrom('caseEvents')
        .leftJoin('units', 'units.id', 'caseEvents.actorUnitId')
        .select(['caseEvents.action', 'caseEvents.at', 'caseEvents.data', 'caseEvents.note', 'units.name as unitName'])
        .where('caseEvents.caseId', '=', caseId)
        .orderBy('caseEvents.seq')
        .execute();
    },
    approvedExtension(caseId: string) {
      return db
        .selectFrom('caseExtensions')
        .select(['days', 'reason', 'decidedAt'])
        .where('caseId', '=', caseId)
        .where('status', '=', 'approved')
        .orderBy('decidedAt', 'desc')
        .executeTakeFirst();
    },

    /**
     * Stores a one-time code and, in the same transaction, runs `send` (the SMS goes to the outbox
     * with it): a code is never kept without its message, nor sent without being kept.
     */
    saveOtp(row: { id: string; caseId: string; otpHash: string; createdAt: string; expiresAt: string }, send: (trx: Transaction<DB>) => Promise<void>) {
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('portalOtps').values({ ...row, usedAt: null }).execute();
        await send(trx);
      });
    },
    /** The case's codes that can still be used: not used, not expired. */
    liveOtps(caseId: string, now: string) {
      return db
        .selectFrom('portalOtps')
        .selectAll()
        .where('caseId', '=', caseId)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .orderBy('createdAt', 'desc')
        .execute();
    },
    useOtp(id: string, at: string) {
      return db.updateTable('portalOtps').set({ usedAt: at }).where('id', '=', id).where('usedAt', 'is', null).executeTakeFirst();
    },
  };
}
export type PortalRepository = ReturnType<typeof createPortalRepository>;

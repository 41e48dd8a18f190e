import { type AreaRange, type CaseState, subtreeRange } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { type CaseScope, inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import { inScope } from '../cases/cases.repository.js';
import { HOUSEHOLD_CHANGE_COUNTER } from '../households/households.repository.js';

/** A household as the map's index loads it. */
export interface MapHouseholdRow {
  id: string;
  areaCode: string;
  lat: number | null;
  lng: number | null;
  tagCodes: string;
  headNameMasked: string;
  address: string;
  archivedAt: string | null;
  changeSeq: number;
}

/** The map's queries: the only place with the map module's SQL. */
export const mapRepository = {
  /** The number of the latest household change (0 before any). */
  async householdChangeHead(db: Kysely<DB>): Promise<number> {
    const head = await db.selectFrom('counters').select('value').where('name', '=', HOUSEHOLD_CHANGE_COUNTER).executeTakeFirst();
    return Number(head?.value ?? 0);
  },

  /** Households changed after change number `after`, in change order, at most `limit`. */
  householdsChangedSince(db: Kysely<DB>, after: number, limit: number): Promise<MapHouseholdRow[]> {
    return db
      .selectFrom('households')
      .select(['id', 'areaCode', 'lat', 'lng', 'tagCodes', 'headNameMasked', 'address', 'archivedAt', 'changeSeq'])
      .where('changeSeq', '>', after)
      .orderBy('changeSeq')
      .limit(limit)
      .execute();
  },

  /** Cases with coordinates in the box registered since `since`, within the case scope, newest first. */
  casesInBox(
    db: Kysely<DB>,
    scope: CaseScope,
    f: { bbox: [number, number, number, number]; since: string; area?: string; states?: readonly CaseState[]; limit: number },
  ) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox;
    let query = db
      .selectFrom('cases')
      .select(['id', 'code', 'title', 'status', 'dueLevel', 'lat', 'lng'])
      .where((eb) => inScope(eb, scope))
      .where('registeredAt', '>=', f.since)
      .where('lat', '>=', minLat)
      .where('lat', '<=', maxLat)
      .where('lng', '>=', minLng)
      .where('lng', '<=', maxLng);
    if (f.area) {
      const [lo, hi] = subtreeRange(f.area);
      query = query.where('areaCode', '>=', lo).where('areaCode', '<', hi);
    }
    if (f.states?.length) query = query.where('status', 'in', f.states);
    return query.orderBy('registeredAt', 'desc').limit(f.limit).execute();
  },

  /** The areas of the subtrees of `roots`, by code. */
  areasUnder(db: Kysely<DB>, roots: readonly string[]) {
    const ranges: AreaRange[] = roots.map(subtreeRange);
    return db
      .selectFrom('areas')
      .select(['code', 'parentCode', 'name', 'level', 'lat', 'lng', 'boundary'])
      .where((eb) => inRanges(eb, 'code', ranges))
      .orderBy('code')
      .execute();
  },
};

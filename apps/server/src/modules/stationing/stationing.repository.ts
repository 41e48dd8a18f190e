import type { AreaRange } from '@lianxin/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { StationingAssignmentTable } from '../../db/field-work.tables.js';
import type { DB } from '../../db/schema.js';
import { usersRepository } from '../users/users.repository.js';
import { leaveQueries } from '../leave/leave.repository.js'; // — duty, leave —
import { refuseIfAway } from '../leave/leave.guard.js';

/** The setting that holds the global stationing rule. */
export const STATIONING_SETTING = 'stationing';
/** "At least 3 days a week in the village" unless configured otherwise (SPEC §4). */
export const DEFAULT_MIN_DAYS_PER_WEEK = 3;

export type AssignmentRow = StationingAssignmentTable;

export interface AssignmentFilter {
  ranges: readonly AreaRange[];
  cadreUserId?: string;
  /** Only this assignment. */
  id?: string;
  /** Assignments running at some point of [from, to]. */
  from?: string;
  to?: string;
}

/** Stationing assignments, the global rule and the presence the report counts: the module's SQL. */
export function createStationingRepository(db: Kysely<DB>) {
  return {
    // — duty, leave —
    /** The days each cadre is on approved leave in [from, to] (the report does not count them against them). */
    leaveDays: (userIds: readonly string[], from: string, to: string) => leaveQueries.leaveDays(db, userIds, from, to),
    /** Refuses (422) a cadre on approved leave on `date`. */
    refuseIfAway: (userId: string, date: string, field: string) => refuseIfAway(db, userId, date, field),

    /** Runs `work` in one transaction (a change and its audit entry commit together). */
    transaction: <T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> => db.transaction().execute(work),

    async minDaysDefault(): Promise<number> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', STATIONING_SETTING).executeTakeFirst();
      try {
        const n = row ? (JSON.parse(row.value) as { minDaysPerWeek?: unknown }).minDaysPerWeek : undefined;
        return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 7 ? n : DEFAULT_MIN_DAYS_PER_WEEK;
      } catch {
        return DEFAULT_MIN_DAYS_PER_WEEK; // a broken setting must not stop the report
      }
    },

    async setMinDaysDefault(trx: Transaction<DB>, minDaysPerWeek: number): Promise<void> {
      const value = JSON.stringify({ minDaysPerWeek });
      await trx.insertInto('settings').values({ key: STATIONING_SETTING, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    },

    /** Assignments with the cadre's, village's and township's names, village order. */
    async assignments(f: AssignmentFilter, page = { limit: 100_000, offset: 0 }) {
      let q = db
        .selectFrom('stationingAssignments as a')
        .innerJoin('users as u', 'u.id', 'a.cadreUserId')
        .innerJoin('areas as v', 'v.code', 'a.villageCode')
        .leftJoin('areas as t', 't.code', 'v.parentCode')
        .select(['a.id', 'a.cadreUserId', 'u.displayName as cadreName', 'a.villageCode', 'v.name as villageName', 'v.parentCode as townshipCode', 't.name as townshipName'])
        .select(['a.startsOn', 'a.endsOn', 'a.minDaysPerWeek', 'a.note', 'a.createdAt', 'a.updatedAt'])
        .where((eb) => inRanges(eb, 'a.villageCode', f.ranges));
      if (f.id) q = q.where('a.id', '=', f.id);
      if (f.cadreUserId) q = q.where('a.cadreUserId', '=', f.cadreUserId);
      if (f.to) q = q.where('a.startsOn', '<=', f.to);
      const { from } = f;
      if (from) q = q.where((eb) => eb.or([eb('a.endsOn', 'is', null), eb('a.endsOn', '>=', from)]));
      return q.orderBy('a.villageCode').orderBy('a.startsOn').orderBy('a.id').limit(page.limit).offset(page.offset).execute();
    },

    find: (id: string): Promise<AssignmentRow | undefined> => db.selectFrom('stationingAssignments').selectAll().where('id', '=', id).executeTakeFirst(),

    insert: async (trx: Transaction<DB>, row: AssignmentRow) => {
      await trx.insertInto('stationingAssignments').values(row).execute();
    },

    update: async (trx: Transaction<DB>, id: string, patch: Partial<Pick<AssignmentRow, 'endsOn' | 'minDaysPerWeek' | 'note' | 'updatedAt'>>) => {
      await trx.updateTable('stationingAssignments').set(patch).where('id', '=', id).execute();
    },

    /**
     * The distinct (cadre, village, day) on which a cadre recorded a visit or a check-in in
     * [from, to] within the ranges; grid codes count for their village (its first 12 digits).
     */
    async presence(ranges: readonly AreaRange[], from: string, to: string, cadreUserId?: string) {
      const part = (table: 'visits' | 'checkIns') => {
        let q = db
          .selectFrom(table)
          .select(['cadreUserId', sql<string>`substr(area_code, 1, 12)`.as('villageCode'), 'localDate'])
          .where('localDate', '>=', from)
          .where('localDate', '<=', to)
          .where((eb) => inRanges(eb, 'areaCode', ranges));
        if (cadreUserId) q = q.where('cadreUserId', '=', cadreUserId);
        return q;
      };
      // UNION (not UNION ALL) drops the same day counted from a visit and a check-in.
      return part('visits').union(part('checkIns')).execute();
    },

    async overlapping(cadreUserId: string, villageCode: string, startsOn: string, endsOn: string | null, exceptId?: string) {
      let q = db
        .selectFrom('stationingAssignments')
        .select('id')
        .where('cadreUserId', '=', cadreUserId)
        .where('villageCode', '=', villageCode)
        .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', startsOn)]));
      if (endsOn) q = q.where('startsOn', '<=', endsOn);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.executeTakeFirst();
    },

    findUser: (id: string) => db.selectFrom('users').select(['id', 'isActive']).where('id', '=', id).executeTakeFirst(),

    /** The active units where these users hold a role (what the report shows they are stationed from). */
    activeGrantsOf: async (userIds: readonly string[]) => (await usersRepository.grantsOf(db, userIds)).filter((g) => g.unitIsActive),
  };
}
export type StationingRepository = ReturnType<typeof createStationingRepository>;

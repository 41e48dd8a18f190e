import type { AreaRange, OfficeDayListQuery } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import type { OfficeDayScheduleTable, OfficeDaySessionTable } from '../../db/field-work.tables.js';

/** A session with its village's name. */
export type OfficeDaySessionRow = { id: string; villageCode: string; villageName: string; date: string; place: string | null };

/** The office-days tables: the only place with the office-days module's SQL. */
export function createOfficeDaysRepository(db: Kysely<DB>) {
  return {
    /** Runs `work` in one transaction; the writes below that take `trx` belong inside it. */
    transaction: <T>(work: (trx: Transaction<DB>) => Promise<T>) => db.transaction().execute(work),

    // ——— Schedules ———

    findScheduleId: async (villageCode: string) => (await db.selectFrom('officeDaySchedules').select('id').where('villageCode', '=', villageCode).executeTakeFirst())?.id,

    async insertSchedule(trx: Transaction<DB>, row: OfficeDayScheduleTable) {
      await trx.insertInto('officeDaySchedules').values(row).execute();
    },

    async updateSchedule(trx: Transaction<DB>, id: string, fields: Pick<OfficeDayScheduleTable, 'weekday' | 'place' | 'isActive' | 'updatedAt'>) {
      await trx.updateTable('officeDaySchedules').set(fields).where('id', '=', id).execute();
    },

    /** Schedules of the villages in `ranges`, by village code. */
    listSchedules(ranges: readonly AreaRange[]) {
      return db
        .selectFrom('officeDaySchedules as s')
        .innerJoin('areas as v', 'v.code', 's.villageCode')
        .select(['s.id', 's.villageCode', 'v.name as villageName', 's.weekday', 's.place', 's.isActive'])
        .where((eb) => inRanges(eb, 's.villageCode', ranges))
        .orderBy('s.villageCode')
        .execute();
    },

    activeSchedules(ranges: readonly AreaRange[]) {
      return db
        .selectFrom('officeDaySchedules')
        .selectAll()
        .where('isActive', '=', 1)
        .where((eb) => inRanges(eb, 'villageCode', ranges))
        .execute();
    },

    /** The statutory holidays in [from, to] (China-time dates). */
    async holidaysIn(from: string, to: string): Promise<Set<string>> {
      const rows = await db.selectFrom('calendarDays').select('date').where('kind', '=', 'holiday').where('date', '>=', from).where('date', '<=', to).execute();
      return new Set(rows.map((d) => d.date));
    },

    // ——— Sessions ———

    /** Inserts sessions, skipping a village's day that already has one; returns how many were new. */
    async insertSessions(trx: Transaction<DB>, rows: OfficeDaySessionTable[]): Promise<number> {
      let created = 0;
      for (let i = 0; i < rows.length; i += 200) {
        const result = await trx
          .insertInto('officeDaySessions')
          .values(rows.slice(i, i + 200))
          .onConflict((oc) => oc.columns(['villageCode', 'date']).doNothing())
          .executeTakeFirst();
        created += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return created;
    },

    findSession(id: string): Promise<OfficeDaySessionRow | undefined> {
      return db
        .selectFrom('officeDaySessions as s')
        .innerJoin('areas as v', 'v.code', 's.villageCode')
        .select(['s.id', 's.villageCode', 'v.name as villageName', 's.date', 's.place'])
        .where('s.id', '=', id)
        .executeTakeFirst();
    },

    /** One page of sessions in `ranges`, latest first, with attendance counts; one row more tells of a next page. */
    listSessions(ranges: readonly AreaRange[], query: OfficeDayListQuery) {
      let q = db
        .selectFrom('officeDaySessions as s')
        .innerJoin('areas as v', 'v.code', 's.villageCode')
        .select(['s.id', 's.villageCode', 'v.name as villageName', 's.date', 's.place'])
        .select((eb) => eb.selectFrom('officeDayAttendance as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.sessionId', '=', 's.id').as('attendees'))
        .where((eb) => inRanges(eb, 's.villageCode', ranges));
      if (query.from) q = q.where('s.date', '>=', query.from);
      if (query.to) q = q.where('s.date', '<=', query.to);
      return q
        .orderBy('s.date', 'desc')
        .orderBy('s.villageCode')
        .limit(query.limit + 1)
        .offset(query.offset)
        .execute();
    },

    /** Cases of channel joint_office registered in [from, to] (UTC instants) in `ranges`, oldest first. */
    jointOfficeCases(from: string, to: string, ranges: readonly AreaRange[]) {
      return db
        .selectFrom('cases')
        .select(['id', 'code', 'title', 'status', 'categoryCode', 'registeredAt', 'areaCode'])
        .where('channel', '=', 'joint_office')
        .where('registeredAt', '>=', from)
        .where('registeredAt', '<=', to)
        .where((eb) => inRanges(eb, 'areaCode', ranges))
        .orderBy('registeredAt')
        .execute();
    },

    // ——— Attendance ———

    attendance(sessionId: string) {
      return db
        .selectFrom('officeDayAttendance as a')
        .innerJoin('users as u', 'u.id', 'a.userId')
        .select(['a.userId', 'u.displayName as name', 'a.recordedAt'])
        .where('a.sessionId', '=', sessionId)
        .orderBy('a.recordedAt')
        .execute();
    },

    /** How many of `ids` are active users. */
    async countActiveUsers(ids: readonly string[]): Promise<number> {
      if (ids.length === 0) return 0;
      return (await db.selectFrom('users').select('id').where('id', 'in', ids).where('isActive', '=', 1).execute()).length;
    },

    /** Records attendance; an attendee recorded before stays as they were. */
    async insertAttendance(trx: Transaction<DB>, sessionId: string, userIds: readonly string[], recordedBy: string, recordedAt: string) {
      await trx
        .insertInto('officeDayAttendance')
        .values(userIds.map((userId) => ({ sessionId, userId, recordedBy, recordedAt })))
        .onConflict((oc) => oc.columns(['sessionId', 'userId']).doNothing())
        .execute();
    },

    /** Takes an attendee off; false when they were not recorded. */
    async deleteAttendance(sessionId: string, userId: string): Promise<boolean> {
      const removed = await db.deleteFrom('officeDayAttendance').where('sessionId', '=', sessionId).where('userId', '=', userId).executeTakeFirst();
      return Number(removed.numDeletedRows) > 0;
    },
  };
}
export type OfficeDaysRepository = ReturnType<typeof createOfficeDaysRepository>;

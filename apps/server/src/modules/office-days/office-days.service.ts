import { randomUUID } from 'node:crypto';
import { addLocalDays, endOfLocalDay, localDate, type OfficeDayGenerate, type OfficeDayListQuery, type OfficeDaySchedule, startOfLocalDay } from '@lianxin/core';
import { AppError, notFound, unknownReference, unprocessable } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Actor } from '../../access/actor.js';
import { orgQueries } from '../org/org.repository.js';
import { subtreeRange } from '@lianxin/core';
import { isoWeekday } from '../field-work/weeks.js';
import { assertRoleOver, FIELD_MANAGE_ROLES, FIELD_READ_ROLES, FIELD_WRITE_ROLES, fieldRanges, inRanges, narrowRanges } from '../field-work/field-scope.js';

type SessionRow = { id: string; villageCode: string; villageName: string; date: string; place: string | null };

/**
 * Joint office days (联合办公日, SPEC §4): a recurring day per village (default every Monday),
 * sessions generated from the schedules, who attended, and the cases registered that day with
 * channel 联合办公日 (`joint_office`) in the village — found from the cases themselves, so a
 * case registered through the normal form counts without any extra link.
 */
export function createOfficeDaysService(services: Services) {
  const { db, clock, audit } = services;

  /** Cases of channel joint_office registered in these villages on these China-time days. */
  async function casesOf(sessions: SessionRow[]) {
    const byKey = new Map<string, Array<{ id: string; code: string; title: string; status: string; categoryCode: string; registeredAt: string }>>();
    if (sessions.length === 0) return byKey;
    const dates = sessions.map((s) => s.date).sort();
    const villages = [...new Set(sessions.map((s) => s.villageCode))];
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'code', 'title', 'status', 'categoryCode', 'registeredAt', 'areaCode'])
      .where('channel', '=', 'joint_office')
      .where('registeredAt', '>=', startOfLocalDay(dates[0]!).toISOString())
      .where('registeredAt', '<=', endOfLocalDay(dates[dates.length - 1]!).toISOString())
      .where((eb) => inRanges(eb, 'areaCode', villages.map(subtreeRange)))
      .orderBy('registeredAt')
      .execute();
    for (const { areaCode, ...c } of rows) {
      const key = `${areaCode.slice(0, 12)}|${localDate(new Date(c.registeredAt))}`;
      byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
    return byKey;
  }

  async function visibleSession(actor: Actor, id: string, roles = FIELD_READ_ROLES): Promise<SessionRow> {
    const row = await db
      .selectFrom('officeDaySessions as s')
      .innerJoin('areas as v', 'v.code', 's.villageCode')
      .select(['s.id', 's.villageCode', 'v.name as villageName', 's.date', 's.place'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    assertRoleOver(actor, roles, row.villageCode);
    return row;
  }

  async function detail(session: SessionRow) {
    const [attendance, cases] = await Promise.all([
      db
        .selectFrom('officeDayAttendance as a')
        .innerJoin('users as u', 'u.id', 'a.userId')
        .select(['a.userId', 'u.displayName as name', 'a.recordedAt'])
        .where('a.sessionId', '=', session.id)
        .orderBy('a.recordedAt')
        .execute(),
      casesOf([session]),
    ]);
    return { ...session, attendance, cases: cases.get(`${session.villageCode}|${session.date}`) ?? [] };
  }

  return {
    /** Sets (or changes) the recurring day of a village; one schedule per village. */
    async upsertSchedule(actor: Actor, input: OfficeDaySchedule) {
      assertRoleOver(actor, FIELD_MANAGE_ROLES, input.villageCode);
      const village = await orgQueries.findArea(db, input.villageCode);
      if (!village || village.level !== 'village') throw unknownReference('villageCode', 'area');
      const now = clock.now().toISOString();
      const existing = await db.selectFrom('officeDaySchedules').select('id').where('villageCode', '=', input.villageCode).executeTakeFirst();
      const fields = { weekday: input.weekday, place: input.place ?? null, isActive: input.isActive ? 1 : 0, updatedAt: now };
      const id = existing?.id ?? randomUUID();
      await db.transaction().execute(async (trx) => {
        if (existing) await trx.updateTable('officeDaySchedules').set(fields).where('id', '=', id).execute();
        else await trx.insertInto('officeDaySchedules').values({ id, villageCode: input.villageCode, createdAt: now, ...fields }).execute();
        await audit.append({ actorUserId: actor.userId, action: existing ? 'update' : 'create', subjectType: 'office_day_schedule', subjectId: id, detail: { villageCode: input.villageCode, weekday: input.weekday, isActive: input.isActive } }, trx);
      });
      return { id, villageCode: input.villageCode, villageName: village.name, weekday: input.weekday, place: fields.place, isActive: input.isActive };
    },

    async listSchedules(actor: Actor, areaCode?: string) {
      const ranges = narrowRanges(fieldRanges(actor), areaCode);
      const rows = await db
        .selectFrom('officeDaySchedules as s')
        .innerJoin('areas as v', 'v.code', 's.villageCode')
        .select(['s.id', 's.villageCode', 'v.name as villageName', 's.weekday', 's.place', 's.isActive'])
        .where((eb) => inRanges(eb, 's.villageCode', ranges))
        .orderBy('s.villageCode')
        .execute();
      return { items: rows.map((r) => ({ ...r, isActive: !!r.isActive })) };
    },

    /**
     * Creates the sessions of the active schedules in [from, to] (idempotent: a village has at
     * most one session a day). Statutory holidays are skipped.
     */
    async generate(actor: Actor, input: OfficeDayGenerate) {
      const ranges = narrowRanges(fieldRanges(actor, FIELD_MANAGE_ROLES), input.areaCode);
      const schedules = await db.selectFrom('officeDaySchedules').selectAll().where('isActive', '=', 1).where((eb) => inRanges(eb, 'villageCode', ranges)).execute();
      const holidays = new Set((await db.selectFrom('calendarDays').select('date').where('kind', '=', 'holiday').where('date', '>=', input.from).where('date', '<=', input.to).execute()).map((d) => d.date));
      const now = clock.now().toISOString();
      const rows: Array<{ id: string; villageCode: string; date: string; scheduleId: string; place: string | null; createdAt: string }> = [];
      for (let date = input.from; date <= input.to; date = addLocalDays(date, 1)) {
        if (holidays.has(date)) continue;
        for (const s of schedules) if (isoWeekday(date) === s.weekday) rows.push({ id: randomUUID(), villageCode: s.villageCode, date, scheduleId: s.id, place: s.place, createdAt: now });
      }
      let created = 0;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 200) {
          const result = await trx.insertInto('officeDaySessions').values(rows.slice(i, i + 200)).onConflict((oc) => oc.columns(['villageCode', 'date']).doNothing()).executeTakeFirst();
          created += Number(result.numInsertedOrUpdatedRows ?? 0);
        }
        await audit.append({ actorUserId: actor.userId, action: 'generate', subjectType: 'office_day_session', subjectId: input.areaCode ?? 'scope', detail: { from: input.from, to: input.to, created } }, trx);
      });
      return { created, scheduled: rows.length };
    },

    /** Sessions in my area, latest first, with attendance and case counts. */
    async listSessions(actor: Actor, query: OfficeDayListQuery) {
      const ranges = narrowRanges(fieldRanges(actor), query.areaCode);
      let q = db
        .selectFrom('officeDaySessions as s')
        .innerJoin('areas as v', 'v.code', 's.villageCode')
        .select(['s.id', 's.villageCode', 'v.name as villageName', 's.date', 's.place'])
        .select((eb) => eb.selectFrom('officeDayAttendance as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.sessionId', '=', 's.id').as('attendees'))
        .where((eb) => inRanges(eb, 's.villageCode', ranges));
      if (query.from) q = q.where('s.date', '>=', query.from);
      if (query.to) q = q.where('s.date', '<=', query.to);
      const rows = await q.orderBy('s.date', 'desc').orderBy('s.villageCode').limit(query.limit + 1).offset(query.offset).execute();
      const page = rows.slice(0, query.limit);
      const cases = await casesOf(page);
      return {
        items: page.map(({ attendees, ...s }) => ({ ...s, attendees: Number(attendees), cases: (cases.get(`${s.villageCode}|${s.date}`) ?? []).length })),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },

    async session(actor: Actor, id: string) {
      return detail(await visibleSession(actor, id));
    },

    /**
     * Records who attended (default: me); recording twice changes nothing. Anyone in the field
     * records themselves; naming others is for planners of the village. A day that has not come
     * yet cannot have been attended.
     */
    async attend(actor: Actor, id: string, userIds: string[] | undefined) {
      const session = await visibleSession(actor, id, [...FIELD_WRITE_ROLES, 'admin']);
      const ids = [...new Set(userIds ?? [actor.userId])];
      if (ids.some((u) => u !== actor.userId)) assertRoleOver(actor, FIELD_MANAGE_ROLES, session.villageCode);
      if (session.date > localDate(clock.now())) throw unprocessable('error.session_not_yet', { date: session.date }, 'id');
      const users = await db.selectFrom('users').select('id').where('id', 'in', ids).where('isActive', '=', 1).execute();
      if (users.length !== ids.length) throw unknownReference('userIds', 'user');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('officeDayAttendance')
          .values(ids.map((userId) => ({ sessionId: id, userId, recordedBy: actor.userId, recordedAt: now })))
          .onConflict((oc) => oc.columns(['sessionId', 'userId']).doNothing())
          .execute();
        await audit.append({ actorUserId: actor.userId, action: 'attendance', subjectType: 'office_day_session', subjectId: id, detail: { userIds: ids } }, trx);
      });
      return detail(session);
    },

    /** Takes an attendee off (one's own entry, or anyone's for planners of the village). */
    async removeAttendee(actor: Actor, id: string, userId: string) {
      const session = await visibleSession(actor, id, [...FIELD_WRITE_ROLES, 'admin']);
      if (userId !== actor.userId) assertRoleOver(actor, FIELD_MANAGE_ROLES, session.villageCode);
      const removed = await db.deleteFrom('officeDayAttendance').where('sessionId', '=', id).where('userId', '=', userId).executeTakeFirst();
      if (!Number(removed.numDeletedRows)) throw new AppError(404, 'error.not_found', {}, 'userId');
      await audit.append({ actorUserId: actor.userId, action: 'attendance_removed', subjectType: 'office_day_session', subjectId: id, detail: { userId } });
      return detail(session);
    },
  };
}

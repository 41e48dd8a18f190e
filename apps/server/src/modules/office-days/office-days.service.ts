import { randomUUID } from 'node:crypto';
import {
  addLocalDays,
  endOfLocalDay,
  localDate,
  type OfficeDayCase,
  type OfficeDayGenerate,
  type OfficeDayListQuery,
  type OfficeDaySchedule,
  type OfficeDayScheduleListQuery,
  startOfLocalDay,
  subtreeRange,
} from '@lianxin/core';
import { type Ability, assertCan, assertInRanges, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound, unknownReference, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { isoWeekday } from '../field-work/weeks.js';
import type { OrgRepository } from '../org/org.repository.js';
import type { OfficeDaySessionRow, OfficeDaysRepository } from './office-days.repository.js';
import { presentSchedule, presentSessionDetail, presentSessionSummary } from './office-days.presenter.js';

export interface OfficeDaysDeps {
  officeDays: OfficeDaysRepository;
  org: OrgRepository;
  audit: AuditLog;
  clock: Clock;
}

/**
 * Joint office days (联合办公日, SPEC §4): a recurring day per village (default every Monday),
 * sessions generated from the schedules, who attended, and the cases registered that day with
 * channel 联合办公日 (`joint_office`) in the village — found from the cases themselves, so a
 * case registered through the normal form counts without any extra link.
 */
export function createOfficeDaysService({ officeDays: repo, org, audit, clock }: OfficeDaysDeps) {
  /** Cases of channel joint_office registered in these villages on these China-time days, by `village|date`. */
  async function casesOf(sessions: OfficeDaySessionRow[]) {
    const byKey = new Map<string, OfficeDayCase[]>();
    if (sessions.length === 0) return byKey;
    const dates = sessions.map((s) => s.date).sort();
    const villages = [...new Set(sessions.map((s) => s.villageCode))];
    const rows = await repo.jointOfficeCases(startOfLocalDay(dates[0]!).toISOString(), endOfLocalDay(dates[dates.length - 1]!).toISOString(), villages.map(subtreeRange));
    for (const { areaCode, ...c } of rows) {
      const key = `${areaCode.slice(0, 12)}|${localDate(new Date(c.registeredAt))}`;
      byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
    return byKey;
  }

  /** The session, if the actor has `ability` over its village. */
  async function visibleSession(actor: Actor, id: string, ability: Ability): Promise<OfficeDaySessionRow> {
    const ranges = rangesFor(actor, ability);
    const row = await repo.findSession(id);
    if (!row) throw notFound();
    assertInRanges(ranges, row.villageCode);
    return row;
  }

  async function detail(session: OfficeDaySessionRow) {
    const [attendance, cases] = await Promise.all([repo.attendance(session.id), casesOf([session])]);
    return presentSessionDetail(session, attendance, cases.get(`${session.villageCode}|${session.date}`) ?? []);
  }

  return {
    /** Sets (or changes) the recurring day of a village; one schedule per village. */
    async upsertSchedule(actor: Actor, input: OfficeDaySchedule) {
      assertCan(actor, 'field.manage', { areaCode: input.villageCode });
      const village = await org.findArea(input.villageCode);
      if (!village || village.level !== 'village') throw unknownReference('villageCode', 'area');
      const now = clock.now().toISOString();
      const existing = await repo.findScheduleId(input.villageCode);
      const fields = { weekday: input.weekday, place: input.place ?? null, isActive: input.isActive ? 1 : 0, updatedAt: now };
      const id = existing ?? randomUUID();
      await repo.transaction(async (trx) => {
        if (existing) await repo.updateSchedule(trx, id, fields);
        else await repo.insertSchedule(trx, { id, villageCode: input.villageCode, createdAt: now, ...fields });
        await audit.append({ actorUserId: actor.userId, action: existing ? 'update' : 'create', subjectType: 'office_day_schedule', subjectId: id, detail: { villageCode: input.villageCode, weekday: input.weekday, isActive: input.isActive } }, trx);
      });
      return presentSchedule({ id, villageCode: input.villageCode, villageName: village.name, ...fields });
    },

    async listSchedules(actor: Actor, query: OfficeDayScheduleListQuery) {
      const ranges = narrowRanges(rangesFor(actor, 'field.read'), query.areaCode);
      return { items: (await repo.listSchedules(ranges)).map(presentSchedule) };
    },

    /**
     * Creates the sessions of the active schedules in [from, to] (idempotent: a village has at
     * most one session a day). Statutory holidays are skipped.
     */
    async generate(actor: Actor, input: OfficeDayGenerate) {
      const ranges = narrowRanges(rangesFor(actor, 'field.manage'), input.areaCode);
      const schedules = await repo.activeSchedules(ranges);
      const holidays = await repo.holidaysIn(input.from, input.to);
      const now = clock.now().toISOString();
      const rows: Array<{ id: string; villageCode: string; date: string; scheduleId: string; place: string | null; createdAt: string }> = [];
      for (let date = input.from; date <= input.to; date = addLocalDays(date, 1)) {
        if (holidays.has(date)) continue;
        for (const s of schedules) if (isoWeekday(date) === s.weekday) rows.push({ id: randomUUID(), villageCode: s.villageCode, date, scheduleId: s.id, place: s.place, createdAt: now });
      }
      const created = await repo.transaction(async (trx) => {
        const n = await repo.insertSessions(trx, rows);
        await audit.append({ actorUserId: actor.userId, action: 'generate', subjectType: 'office_day_session', subjectId: input.areaCode ?? 'scope', detail: { from: input.from, to: input.to, created: n } }, trx);
        return n;
      });
      return { created, scheduled: rows.length };
    },

    /** Sessions in my area, latest first, with attendance and case counts. */
    async listSessions(actor: Actor, query: OfficeDayListQuery) {
      const ranges = narrowRanges(rangesFor(actor, 'field.read'), query.areaCode);
      const rows = await repo.listSessions(ranges, query);
      const page = rows.slice(0, query.limit);
      const cases = await casesOf(page);
      return {
        items: page.map((s) => presentSessionSummary(s, Number(s.attendees), (cases.get(`${s.villageCode}|${s.date}`) ?? []).length)),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },

    async session(actor: Actor, id: string) {
      return detail(await visibleSession(actor, id, 'field.read'));
    },

    /**
     * Records who attended (default: me); recording twice changes nothing. Anyone in the field
     * records themselves; naming others is for planners of the village. A day that has not come
     * yet cannot have been attended.
     */
    async attend(actor: Actor, id: string, userIds: string[] | undefined) {
      const session = await visibleSession(actor, id, 'field.read');
      const ids = [...new Set(userIds ?? [actor.userId])];
      if (ids.some((u) => u !== actor.userId)) assertCan(actor, 'field.manage', { areaCode: session.villageCode });
      if (session.date > localDate(clock.now())) throw unprocessable('error.session_not_yet', { date: session.date }, 'id');
      if ((await repo.countActiveUsers(ids)) !== ids.length) throw unknownReference('userIds', 'user');
      const now = clock.now().toISOString();
      await repo.transaction(async (trx) => {
        await repo.insertAttendance(trx, id, ids, actor.userId, now);
        await audit.append({ actorUserId: actor.userId, action: 'attendance', subjectType: 'office_day_session', subjectId: id, detail: { userIds: ids } }, trx);
      });
      return detail(session);
    },

    /** Takes an attendee off (one's own entry, or anyone's for planners of the village). */
    async removeAttendee(actor: Actor, id: string, userId: string) {
      const session = await visibleSession(actor, id, 'field.read');
      if (userId !== actor.userId) assertCan(actor, 'field.manage', { areaCode: session.villageCode });
      if (!(await repo.deleteAttendance(id, userId))) throw new AppError(404, 'error.not_found', {}, 'userId');
      await audit.append({ actorUserId: actor.userId, action: 'attendance_removed', subjectType: 'office_day_session', subjectId: id, detail: { userId } });
      return detail(session);
    },
  };
}
export type OfficeDaysService = ReturnType<typeof createOfficeDaysService>;

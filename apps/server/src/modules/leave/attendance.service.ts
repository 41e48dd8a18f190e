import { type AttendanceCorrect, type AttendanceMark, type AttendanceQuery, type AttendanceSheetSchema, type Contract, headsUnit, localDate, mayReadAttendance } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { attendanceDays, datesBetween, leaveQueries as repo } from './leave.repository.js';

export interface AttendanceDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  deadlines: Pick<Deadlines, 'calendar'>;
}

type Sheet = Contract<typeof AttendanceSheetSchema>;

/** The last day of a month YYYY-MM. */
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
};

/**
 * Attendance (考勤): the monthly sheet of a unit, one mark per person and day, from check-ins,
 * visits and joint office days attended, approved leave and the calendar; the unit head corrects
 * a day with a reason (audited), and the correction wins over what was recorded.
 */
export function createAttendanceService({ db, clock, audit, deadlines }: AttendanceDeps) {
  async function unitFor(actor: Actor, unitId: string) {
    const unit = await db.selectFrom('units').select(['id', 'name', 'areaCode']).where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw notFound();
    if (!mayReadAttendance(actor.grants, unit)) throw forbidden();
    return unit;
  }

  async function sheet(actor: Actor, query: AttendanceQuery): Promise<Sheet> {
    const unit = await unitFor(actor, query.unitId);
    const from = `${query.month}-01`;
    const to = monthEnd(query.month);
    const today = localDate(clock.now());
    const calendar = await deadlines.calendar();
    const members = await repo.members(db, unit.id);
    const ids = members.map((m) => m.id);
    const [present, leave, corrections] = await Promise.all([attendanceDays(db, ids, from, to), repo.leaveDays(db, ids, from, to), repo.corrections(db, ids, from, to)]);
    const corrected = new Map(corrections.map((c) => [`${c.userId}|${c.date}`, c.status as AttendanceMark]));
    const dates = datesBetween(from, to).map((date) => ({ date, working: calendar.isWorkingDay(date) }));
    const rows = members.map((m) => {
      const marks = dates.map(({ date, working }): AttendanceMark => {
        const fix = corrected.get(`${m.id}|${date}`);
        if (fix) return fix;
        if (present.get(m.id)?.has(date)) return 'present';
        if (leave.get(m.id)?.has(date)) return working ? 'leave' : 'rest';
        if (!working) return 'rest';
        return date > today ? 'future' : 'absent';
      });
      const count = (k: AttendanceMark) => marks.filter((x) => x === k).length;
      return {
        person: { id: m.id, name: m.name },
        marks,
        corrected: dates.filter(({ date }) => corrected.has(`${m.id}|${date}`)).map((d) => d.date),
        present: count('present'),
        leave: count('leave'),
        absent: count('absent'),
        trip: count('trip'),
      };
    });
    return { unit: { id: unit.id, name: unit.name }, month: query.month, dates, rows, may: { correct: headsUnit(actor.grants, unit.id) } };
  }

  return {
    sheet,

    /** The unit head corrects one day of a member, with a reason; audited with the old and new mark. */
    async correct(actor: Actor, input: AttendanceCorrect): Promise<Sheet> {
      const unit = await unitFor(actor, input.unitId);
      if (!headsUnit(actor.grants, unit.id)) throw forbidden();
      const members = await repo.members(db, unit.id);
      if (!members.some((m) => m.id === input.userId)) throw unprocessable('error.duty_not_member', {}, 'userId');
      if (input.date > localDate(clock.now())) throw unprocessable('error.validation', {}, 'date');
      const month = input.date.slice(0, 7);
      const before = (await sheet(actor, { unitId: unit.id, month })).rows.find((r) => r.person.id === input.userId)!.marks[Number(input.date.slice(8)) - 1];
      await db.transaction().execute(async (trx) => {
        await repo.correct(trx, { userId: input.userId, date: input.date, status: input.status, reason: input.reason, correctedBy: actor.userId, correctedAt: clock.now().toISOString() });
        await audit.append({ actorUserId: actor.userId, action: 'attendance_correct', subjectType: 'attendance', subjectId: `${input.userId}:${input.date}`, detail: { unitId: unit.id, from: before, to: input.status, reason: input.reason } }, trx);
      });
      return sheet(actor, { unitId: unit.id, month });
    },
  };
}
export type AttendanceService = ReturnType<typeof createAttendanceService>;

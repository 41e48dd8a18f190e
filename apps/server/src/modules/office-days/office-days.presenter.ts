import type { Contract, OfficeDayCaseSchema, OfficeDayScheduleViewSchema, OfficeDaySessionDetailSchema, OfficeDaySessionSummarySchema } from '@lianxin/core';
import type { OfficeDaySessionRow } from './office-days.repository.js';

type ScheduleRow = { id: string; villageCode: string; villageName: string; weekday: number; place: string | null; isActive: number | boolean };
type Attendee = { userId: string; name: string; recordedAt: string };
type DayCase = Contract<typeof OfficeDayCaseSchema>;

/** A schedule row → its response contract. */
export const presentSchedule = (s: ScheduleRow): Contract<typeof OfficeDayScheduleViewSchema> => ({
  id: s.id,
  villageCode: s.villageCode,
  villageName: s.villageName,
  weekday: s.weekday,
  place: s.place,
  isActive: !!s.isActive,
});

/** A session in the list: counts only. */
export const presentSessionSummary = (s: OfficeDaySessionRow, attendees: number, cases: number): Contract<typeof OfficeDaySessionSummarySchema> => ({
  id: s.id,
  villageCode: s.villageCode,
  villageName: s.villageName,
  date: s.date,
  place: s.place,
  attendees,
  cases,
});

/** A session with who attended and the cases of its day. */
export const presentSessionDetail = (s: OfficeDaySessionRow, attendance: Attendee[], cases: DayCase[]): Contract<typeof OfficeDaySessionDetailSchema> => ({
  id: s.id,
  villageCode: s.villageCode,
  villageName: s.villageName,
  date: s.date,
  place: s.place,
  attendance: attendance.map((a) => ({ userId: a.userId, name: a.name, recordedAt: a.recordedAt })),
  cases,
});

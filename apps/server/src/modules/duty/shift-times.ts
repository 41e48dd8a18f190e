import { addLocalDays, type DutyShift, localDate, startOfLocalDay, type WorkCalendar } from '@lianxin/core';

const HOUR = 3_600_000;
/** 白班 begins at 08:00 and 夜班 at 18:00, China time; 夜班 runs to 08:00 the next day. */
export const DAY_SHIFT_START_HOUR = 8;
export const NIGHT_SHIFT_START_HOUR = 18;
/** Office hours on a working day: 08:30–17:30 China time. */
const OFFICE_FROM_MIN = 8 * 60 + 30;
const OFFICE_TO_MIN = 17 * 60 + 30;

/** Minutes since local midnight of an instant (China time). */
const localMinutes = (at: Date) => Math.floor((at.getTime() - startOfLocalDay(localDate(at)).getTime()) / 60_000);

/** The shift covering an instant: 白班 of its day, 夜班 of its day, or (before 08:00) 夜班 of the day before. */
export function shiftAt(at: Date): { date: string; shift: DutyShift } {
  const date = localDate(at);
  const hour = localMinutes(at) / 60;
  if (hour < DAY_SHIFT_START_HOUR) return { date: addLocalDays(date, -1), shift: 'night' };
  return { date, shift: hour < NIGHT_SHIFT_START_HOUR ? 'day' : 'night' };
}

/** When a shift begins. */
export const shiftStart = (date: string, shift: DutyShift) => new Date(startOfLocalDay(date).getTime() + (shift === 'day' ? DAY_SHIFT_START_HOUR : NIGHT_SHIFT_START_HOUR) * HOUR);

/** Whether an instant falls in office hours: a working day of the calendar, 08:30–17:30. */
export function inOfficeHours(at: Date, calendar: WorkCalendar): boolean {
  if (!calendar.isWorkingDay(localDate(at))) return false;
  const m = localMinutes(at);
  return m >= OFFICE_FROM_MIN && m < OFFICE_TO_MIN;
}

/** ISO weekday of a local date, Monday = 1 … Sunday = 7. */
export const isoWeekdayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

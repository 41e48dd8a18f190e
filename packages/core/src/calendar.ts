import { addLocalDays, localWeekday, startOfLocalDay } from './time.js';

/**
 * How a listed date departs from the Monday–Friday week.
 * - 'holiday': a statutory day off, including the days bridged to it (调休放假).
 * - 'workday': a swapped working day (调休上班), usually a Saturday or Sunday.
 */
export type CalendarDayKind = 'holiday' | 'workday';

/** One exception to the ordinary week, as published by the State Council or entered by an admin. */
export interface CalendarDay {
  /** Local date, 'YYYY-MM-DD' (Asia/Shanghai). */
  date: string;
  kind: CalendarDayKind;
  /** Chinese name of the festival the day belongs to, e.g. '春节'. */
  name: string;
  /** True while the dates are guessed ahead of the official notice. */
  provisional?: boolean;
}

/** Answers working-day questions for time-limit calculation. */
export interface WorkCalendar {
  /** Whether government offices work on this local date. */
  isWorkingDay(date: string): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
}

// Even the Spring Festival break plus weekends is under two weeks; a longer run of
// days off means the calendar data is broken, and looping forever would hide that.
const MAX_DAYS_OFF_IN_A_ROW = 366;

/**
 * Builds a calendar from the listed exceptions: a 'holiday' is off, a 'workday' is on,
 * any other date is on Monday–Friday and off on Saturday and Sunday. If a date is listed
 * twice the later entry wins, so an admin's override can simply be appended.
 */
export function createWorkCalendar(days: readonly CalendarDay[]): WorkCalendar {
  const kinds = new Map<string, CalendarDayKind>();
  for (const day of days) {
    startOfLocalDay(day.date); // a typo like '2026-2-14' would otherwise silently never match
    kinds.set(day.date, day.kind);
  }

  const isWorkingDay = (date: string): boolean => {
    const kind = kinds.get(date);
    if (kind !== undefined) return kind === 'workday';
    const weekday = localWeekday(date);
    return weekday !== 0 && weekday !== 6;
  };

  const nextWorkingDay = (date: string): string => {
    let day = date;
    for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i++) {
      day = addLocalDays(day, 1);
      if (isWorkingDay(day)) return day;
    }
    throw new RangeError(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}`);
  };

  return { isWorkingDay, nextWorkingDay };
}

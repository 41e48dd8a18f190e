import { addLocalDays, localDate, mondayOf } from '@lianxin/core';

/**
 * China-time date arithmetic for the stationing and office-day screens. Weeks are ISO weeks
 * (Monday to Sunday), as the server counts them; dates are 'YYYY-MM-DD' strings, so the answer
 * never depends on the browser's time zone.
 */

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China (where the cadres are, whatever the browser's zone). */
export const chinaToday = (now: Date = new Date()): string => localDate(now);

// ISO weekday (Monday = 1 … Sunday = 7, the office-day schedules' numbers) and the week's Monday.
export { isoWeekday, mondayOf } from '@lianxin/core';

/** The period of the last `n` whole ISO weeks before the running one. */
export function lastWholeWeeks(today: string, n: number): { from: string; to: string } {
  const monday = mondayOf(today);
  return { from: addLocalDays(monday, -7 * n), to: addLocalDays(monday, -1) };
}

/** A well-formed, real China-time date, or undefined (for values read from the address bar). */
export function validDate(value: string | null | undefined): string | undefined {
  if (!value || !LOCAL_DATE.test(value)) return undefined;
  try {
    return addLocalDays(value, 0) === value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The number of the week in its ISO year: '2026-W07' → 7. */
export const weekNumber = (label: string): number => Number(label.split('-W')[1]);

/** 'MM/DD' of a date, for compact column headers. */
export const monthDay = (date: string): string => `${date.slice(5, 7)}/${date.slice(8, 10)}`;

import { addLocalDays, localWeekday } from '@lianxin/core';

/** ISO weekday of a local date: Monday = 1 … Sunday = 7. */
export const isoWeekday = (date: string) => localWeekday(date) || 7;

/** The Monday of the ISO week holding `date`. */
export const mondayOf = (date: string) => addLocalDays(date, 1 - isoWeekday(date));

/** The ISO week label of a local date, e.g. 2026-W10 (the year is that of the week's Thursday). */
export function isoWeekOf(date: string): string {
  const thursday = addLocalDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addLocalDays(mondayOf(`${year}-01-04`), 3);
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** First and last date (Monday, Sunday) of an ISO week label such as 2026-W10. */
export function weekRange(label: string): [string, string] {
  const [year, week] = label.split('-W').map(Number) as [number, number];
  const monday = addLocalDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
  return [monday, addLocalDays(monday, 6)];
}

/** First and last date of a month label such as 2026-03. */
export function monthRange(label: string): [string, string] {
  const first = `${label}-01`;
  const next = addLocalDays(first, 32).slice(0, 7);
  return [first, addLocalDays(`${next}-01`, -1)];
}

// Day numbers (days since 1970-01-01) for the report's inner loops: a year of 200 cadres is
// ~70,000 days to look at, too many for string date arithmetic.
const DAY_MS = 86_400_000;

/** The day number of a local date (YYYY-MM-DD). */
export const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
/** The local date of a day number. */
export const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The day number of the Monday of the ISO week holding day `day` (1970-01-01 was a Thursday). */
export const mondayOfDay = (day: number) => day - ((day + 3) % 7);

/** The ISO week label of the week starting on Monday `monday` (a day number). */
export function isoWeekOfDay(monday: number): string {
  const year = new Date((monday + 3) * DAY_MS).getUTCFullYear();
  const firstMonday = mondayOfDay(Math.round(Date.UTC(year, 0, 4) / DAY_MS));
  return `${year}-W${String(Math.floor((monday - firstMonday) / 7) + 1).padStart(2, '0')}`;
}

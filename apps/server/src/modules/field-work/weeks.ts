
// The string-date ISO-week arithmetic lives in @lianxin/core (weeks.ts), shared with the web pages.
export { isoWeekday, isoWeekOf, mondayOf, monthRange, weekRange } from '@lianxin/core';

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

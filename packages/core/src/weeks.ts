import { addLocalDays, localWeekday } from './time.js';

/**
 * ISO weeks (Monday to Sunday) and months of China-time dates ('YYYY-MM-DD' strings), as the
 * stationing report, the diary and the joint office days count them — on the server and in the
 * browser alike, whatever the browser's time zone.
 */

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

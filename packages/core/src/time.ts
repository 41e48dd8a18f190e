/**
 * China time helpers.
 *
 * Instants are plain `Date`s (UTC inside). A local date is a 'YYYY-MM-DD' string in
 * Asia/Shanghai, which has been a fixed UTC+8 with no daylight saving since 1991, so
 * plain arithmetic is exact and we avoid shipping a time-zone database to the browser.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of 00:00 UTC on the same calendar date; throws on a malformed or impossible date. */
function utcMidnight(date: string): number {
  const m = LOCAL_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // Date.UTC silently rolls '2026-02-30' over to March; a round trip catches that.
  if (!m || Number.isNaN(ms) || formatUtcDate(ms) !== date) {
    throw new RangeError(`Invalid local date: ${JSON.stringify(date)}`);
  }
  return ms;
}

function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar date ('YYYY-MM-DD') of an instant. */
export function localDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return formatUtcDate(ms + OFFSET_MS);
}

/** The first instant (00:00:00.000 +08:00) of a local date. */
export function startOfLocalDay(date: string): Date {
  return new Date(utcMidnight(date) - OFFSET_MS);
}

/** The last millisecond (23:59:59.999 +08:00) of a local date — how deadlines "end of day N" are stored. */
export function endOfLocalDay(date: string): Date {
  return new Date(utcMidnight(date) - OFFSET_MS + DAY_MS - 1);
}

/** The local date `n` calendar days after `date` (negative `n` goes back). */
export function addLocalDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return formatUtcDate(utcMidnight(date) + n * DAY_MS);
}

/** Day of the week of a local date: 0 = Sunday … 6 = Saturday (like `Date#getDay`). */
export function localWeekday(date: string): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

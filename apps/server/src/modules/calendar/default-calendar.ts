import type { CalendarDay } from '@lianxin/core';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { PROVISIONAL_2027 } from './provisional-2027.js';

/** Years the package may not know yet, with our own provisional guess for each. */
const PROVISIONAL_YEARS: Readonly<Record<number, readonly CalendarDay[]>> = { 2027: PROVISIONAL_2027 };

// chinese-days maps 'YYYY-MM-DD' → 'English name,中文名,days'. `inLieuDays` are the
// bridged days, already inside `holidays`, so they need no entry of their own.
type DayTable = Record<string, string>;
const HOLIDAYS = chineseDays.holidays as DayTable;
const WORKDAYS = chineseDays.workdays as DayTable;

const yearOf = (date: string): number => Number(date.slice(0, 4));
const chineseName = (value: string): string => value.split(',')[1] ?? value;

function fromPackage(table: DayTable, kind: CalendarDay['kind'], fromYear: number): CalendarDay[] {
  return Object.entries(table)
    .filter(([date]) => yearOf(date) >= fromYear)
    .map(([date, value]) => ({ date, kind, name: chineseName(value) }));
}

/**
 * The calendar a new installation starts with: statutory holidays ('holiday', with the
 * Chinese festival name) and swapped working days ('workday') for every year from
 * `fromYear` that the `chinese-days` package knows, plus a provisional supplement
 * (`provisional: true`) for each later year up to 2027 the package lacks. Sorted by date.
 */
export function defaultCalendarDays(fromYear = 2024): CalendarDay[] {
  const holidays = fromPackage(HOLIDAYS, 'holiday', fromYear);
  const days = [...holidays, ...fromPackage(WORKDAYS, 'workday', fromYear)];
  // Judge by holidays: every year has 元旦, while a stray swapped workday proves little.
  const knownYears = new Set(holidays.map((d) => yearOf(d.date)));
  for (const [year, supplement] of Object.entries(PROVISIONAL_YEARS)) {
    if (Number(year) >= fromYear && !knownYears.has(Number(year))) days.push(...supplement);
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

import type { CalendarDay } from '@lianxin/core';

/**
 * A provisional 2027 holiday calendar, guessed from the 2027 festival dates and the
 * State Council's usual pattern, because time limits that run into 2027 must be
 * computed before the official notice appears (normally in November or December).
 *
 * ADMINS: replace these days with the State Council notice (国务院办公厅关于2027年
 * 部分节假日安排的通知) as soon as it is published. Once the `chinese-days` package
 * ships 2027 data, `defaultCalendarDays` uses that instead and ignores this file.
 */

const range = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
};

const off = (name: string, from: string, to = from): CalendarDay[] =>
  range(from, to).map((date) => ({ date, kind: 'holiday', name, provisional: true }));

const on = (name: string, ...dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'workday', name, provisional: true }));

/** Provisional 2027 holidays and swapped working days, all marked `provisional: true`. */
export const PROVISIONAL_2027: readonly CalendarDay[] = [
  ...off('元旦', '2027-01-01', '2027-01-03'), // Fri 1 Jan + weekend
  ...off('春节', '2027-02-05', '2027-02-12'), // 除夕 Fri 5 Feb
  ...on('春节', '2027-02-20'),
  ...off('清明', '2027-04-03', '2027-04-05'), // Mon 5 Apr + weekend before
  ...off('劳动节', '2027-05-01', '2027-05-05'),
  ...on('劳动节', '2027-04-25', '2027-05-08'),
  ...off('端午', '2027-06-09'), // Wednesday, no bridge
  ...off('中秋', '2027-09-15'), // Wednesday, no bridge
  ...off('国庆节', '2027-10-01', '2027-10-07'),
  ...on('国庆节', '2027-09-26', '2027-10-09'),
];

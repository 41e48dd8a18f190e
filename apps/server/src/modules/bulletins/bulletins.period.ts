import { type BulletinKind, isoWeekOf, localDate, monthRange, startOfLocalDay, weekRange, addLocalDays } from '@lianxin/core';
import type { Text } from './bulletins.model.js';

const DAY_MS = 86_400_000;

/** The period a label stands for: [from, to) in China time, and how the title names it. */
export function periodOf(kind: BulletinKind, key: string): { from: Date; to: Date; year: number; name: Text } | null {
  const weekly = key.includes('-W');
  if (weekly !== (kind === 'weekly')) return null;
  const [first, last] = weekly ? weekRange(key) : monthRange(key);
  const from = startOfLocalDay(first);
  const to = new Date(startOfLocalDay(last).getTime() + DAY_MS);
  const year = Number(key.slice(0, 4));
  const name: Text = weekly
    ? { key: 'bulletin.period.week', params: { year, week: Number(key.slice(6)), from: first, to: last } }
    : { key: 'bulletin.period.month', params: { year, month: Number(key.slice(5, 7)) } };
  return { from, to, year, name };
}

/** The last whole month and ISO week before `now` (China time): what the schedule generates. */
export function lastWholePeriods(now: Date): { monthly: string; weekly: string } {
  const today = localDate(now);
  const lastMonthDay = addLocalDays(`${today.slice(0, 7)}-01`, -1);
  return { monthly: lastMonthDay.slice(0, 7), weekly: isoWeekOf(addLocalDays(today, -7)) };
}

import { addLocalDays, localDate, localWeekday, startOfLocalDay, type WorkCalendar } from '@lianxin/core';
import type { Rng } from './random.js';

/**
 * China-time arithmetic for the demo timeline: offices work 8:30–12:00 and 14:30–17:30 on
 * working days (holidays and 调休 from the platform's own calendar), residents are awake
 * 7:00–22:30, hotlines and emergency crews work round the clock.
 */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const CHINA_OFFSET = 8 * HOUR;

const WORK_WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [8 * 60 + 30, 12 * 60],
  [14 * 60 + 30, 17 * 60 + 30],
];

/** Minutes since local midnight. */
export function localMinutes(ms: number): number {
  return Math.floor((((ms + CHINA_OFFSET) % DAY) + DAY) % DAY / MINUTE);
}

const dayStart = (date: string) => startOfLocalDay(date).getTime();
const dateOf = (ms: number) => localDate(new Date(ms));

export interface Timing {
  /** The first office moment at or after `ms` (jittered when it has to move). */
  work(ms: number): number;
  /** The first moment at or after `ms` when residents are awake. */
  awake(ms: number): number;
  /** A field-visit moment: daytime, mostly on working days. */
  field(ms: number): number;
  /** The weekly office day (1 = Monday … 5 = Friday) of the week of `ms`, 9:00–11:30, not before `notBefore`. */
  weekly(ms: number, weekday: number, notBefore: number): number;
}

export function createTiming(calendar: WorkCalendar, rng: Rng): Timing {
  function work(ms: number): number {
    for (let guard = 0; guard < 40; guard++) {
      const date = dateOf(ms);
      if (calendar.isWorkingDay(date)) {
        const m = localMinutes(ms);
        for (const [open, close] of WORK_WINDOWS) {
          if (m < open) return dayStart(date) + (open + rng.int(0, 45)) * MINUTE;
          if (m < close) return ms;
        }
      }
      ms = dayStart(addLocalDays(date, 1));
    }
    throw new Error('no working time within 40 days');
  }

  function awake(ms: number): number {
    const m = localMinutes(ms);
    const date = dateOf(ms);
    if (m < 7 * 60) return dayStart(date) + (7 * 60 + rng.int(0, 120)) * MINUTE;
    if (m > 22 * 60 + 30) return dayStart(addLocalDays(date, 1)) + (7 * 60 + rng.int(0, 120)) * MINUTE;
    return ms;
  }

  function field(ms: number): number {
    let date = dateOf(ms);
    if (!calendar.isWorkingDay(date) && rng.chance(0.7)) {
      date = calendar.nextWorkingDay(date);
      ms = dayStart(date);
    }
    const m = localMinutes(ms);
    if (m < 8 * 60) return dayStart(date) + (8 * 60 + rng.int(0, 90)) * MINUTE;
    if (m > 18 * 60) return dayStart(addLocalDays(date, 1)) + (8 * 60 + rng.int(0, 120)) * MINUTE;
    return ms;
  }

  function weekly(ms: number, weekday: number, notBefore: number): number {
    let date = dateOf(ms);
    date = addLocalDays(date, weekday - localWeekday(date));
    for (let guard = 0; guard < 10; guard++) {
      let day = date;
      if (!calendar.isWorkingDay(day)) day = calendar.nextWorkingDay(day);
      const at = dayStart(day) + (9 * 60 + rng.int(0, 150)) * MINUTE;
      if (at >= notBefore) return at;
      date = addLocalDays(date, 7);
    }
    throw new Error('no office day found');
  }

  return { work, awake, field, weekly };
}

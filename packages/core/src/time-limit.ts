import type { WorkCalendar } from './calendar.js';
import { addLocalDays, endOfLocalDay, localDate } from './time.js';

/** How a time limit is counted. */
export type LimitUnit = 'hours' | 'natural_days' | 'working_days';

/** A time limit such as "15 natural days" or "2 hours". */
export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * When a limit that starts at `start` runs out.
 *
 * - `hours`: `start` + `amount` natural hours; holidays do not stop the clock, because
 *   hour limits are for emergencies. Fractions are allowed (0.5 = 30 minutes).
 * - `natural_days`: the end (23:59:59.999 +08:00) of local day `localDate(start) + amount`.
 *   The day of receipt is not counted (期间开始的日不计算在内). If that last day is not a
 *   working day, the deadline moves to the end of the next working day (期间届满的最后一日
 *   是法定休假日的，以休假日后的第一日为期间届满的日期).
 * - `working_days`: the end of the `amount`-th working day strictly after the start's
 *   local date (the start day is not counted, even if it is a working day).
 *
 * Day counts must be positive integers; hours must be positive.
 */
export function computeDeadline(start: Date, limit: TimeLimit, calendar: WorkCalendar): Date {
  const { amount, unit } = limit;
  if (!(amount > 0) || !Number.isFinite(amount) || (unit !== 'hours' && !Number.isInteger(amount))) {
    throw new RangeError(`Invalid time limit: ${amount} ${unit}`);
  }

  switch (unit) {
    case 'hours':
      return new Date(start.getTime() + amount * HOUR_MS);
    case 'natural_days': {
      const lastDay = addLocalDays(localDate(start), amount);
      return endOfLocalDay(calendar.isWorkingDay(lastDay) ? lastDay : calendar.nextWorkingDay(lastDay));
    }
    case 'working_days': {
      let day = localDate(start);
      for (let i = 0; i < amount; i++) day = calendar.nextWorkingDay(day);
      return endOfLocalDay(day);
    }
    default:
      throw new RangeError(`Unknown time-limit unit: ${String(unit satisfies never)}`);
  }
}

/** Colour of a case's clock: yellow when 75 % of the time is used, red when overdue. */
export type ClockLevel = 'normal' | 'yellow' | 'red';

/** What a case's clock shows at a given moment. */
export interface ClockStatus {
  level: ClockLevel;
  /** Milliseconds until the deadline; negative once overdue. */
  remainingMs: number;
  /** Share of the allowed time used so far; above 1 once overdue, not clamped. */
  usedRatio: number;
}

/** Share of the allowed time at which the clock turns yellow (SPEC §2). */
export const CLOCK_YELLOW_RATIO = 0.75;

/**
 * The clock of a limit running from `start` to `deadline`, seen at `now`.
 * usedRatio = (now − start) / (deadline − start); level is 'red' when now > deadline,
 * 'yellow' when usedRatio ≥ 0.75, otherwise 'normal'. A zero-length (or inverted) limit
 * counts as fully used from its start, so it shows yellow rather than dividing by zero.
 */
export function clockStatus(start: Date, deadline: Date, now: Date): ClockStatus {
  const total = deadline.getTime() - start.getTime();
  const used = now.getTime() - start.getTime();
  const remainingMs = deadline.getTime() - now.getTime();
  const usedRatio = total > 0 ? used / total : used >= 0 ? 1 : 0;
  const level: ClockLevel = remainingMs < 0 ? 'red' : usedRatio >= CLOCK_YELLOW_RATIO ? 'yellow' : 'normal';
  return { level, remainingMs, usedRatio };
}

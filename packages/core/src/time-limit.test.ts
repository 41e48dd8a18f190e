import { describe, it, expect } from 'vitest';
import { createWorkCalendar, type CalendarDay } from './calendar.js';
import { clockStatus, computeDeadline } from './time-limit.js';

// 2026 Spring Festival as published: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
const calendar = createWorkCalendar([
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map(
    (d): CalendarDay => ({ date: `2026-02-${d}`, kind: 'holiday', name: '春节' }),
  ),
  { date: '2026-02-14', kind: 'workday', name: '春节' },
  { date: '2026-02-28', kind: 'workday', name: '春节' },
]);

const at = (iso: string) => new Date(iso);
const fridayBeforeFestival = at('2026-02-13T10:00:00+08:00');

describe('computeDeadline — working days', () => {
  it('counts the swapped Saturday as the first working day', () => {
    const deadline = computeDeadline(fridayBeforeFestival, { amount: 1, unit: 'working_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-02-14T23:59:59.999+08:00').getTime());
  });

  it('skips the whole Spring Festival break', () => {
    const deadline = computeDeadline(fridayBeforeFestival, { amount: 2, unit: 'working_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-02-24T23:59:59.999+08:00').getTime());
  });

  it('does not count the start day even when it is a working day', () => {
    const deadline = computeDeadline(at('2026-03-02T08:00:00+08:00'), { amount: 5, unit: 'working_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-03-09T23:59:59.999+08:00').getTime()); // Mon → next Mon
  });

  it('takes the start day in China time, not UTC', () => {
    // 23:30 on Friday in Beijing is still Friday there, although it is 15:30Z.
    const deadline = computeDeadline(at('2026-02-13T23:30:00+08:00'), { amount: 1, unit: 'working_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-02-14T23:59:59.999+08:00').getTime());
  });
});

describe('computeDeadline — natural days', () => {
  it('ends at the end of local day start + N when that day is a working day', () => {
    const deadline = computeDeadline(at('2026-03-02T15:00:00+08:00'), { amount: 15, unit: 'natural_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-03-17T23:59:59.999+08:00').getTime());
  });

  it('moves a last day inside the holiday to the first working day after it', () => {
    // 02-10 + 7 = 02-17, 初一 → 02-24.
    const deadline = computeDeadline(at('2026-02-10T09:00:00+08:00'), { amount: 7, unit: 'natural_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-02-24T23:59:59.999+08:00').getTime());
  });

  it('moves a last day on an ordinary Sunday to Monday', () => {
    const deadline = computeDeadline(at('2026-03-01T09:00:00+08:00'), { amount: 7, unit: 'natural_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-03-09T23:59:59.999+08:00').getTime());
  });

  it('keeps a last day that is a swapped working Saturday', () => {
    const deadline = computeDeadline(at('2026-02-07T09:00:00+08:00'), { amount: 7, unit: 'natural_days' }, calendar);
    expect(deadline.getTime()).toBe(at('2026-02-14T23:59:59.999+08:00').getTime());
  });
});

describe('computeDeadline — hours', () => {
  it('ignores the calendar', () => {
    const start = at('2026-02-16T22:30:00+08:00'); // 初一 night
    expect(computeDeadline(start, { amount: 2, unit: 'hours' }, calendar).getTime()).toBe(
      at('2026-02-17T00:30:00+08:00').getTime(),
    );
    expect(computeDeadline(start, { amount: 24, unit: 'hours' }, calendar).getTime()).toBe(
      at('2026-02-17T22:30:00+08:00').getTime(),
    );
  });

  it('accepts fractions of an hour', () => {
    const start = at('2026-03-02T08:00:00+08:00');
    expect(computeDeadline(start, { amount: 0.5, unit: 'hours' }, calendar).getTime()).toBe(start.getTime() + 30 * 60_000);
  });
});

describe('computeDeadline — invalid limits', () => {
  it.each([
    { amount: 0, unit: 'hours' },
    { amount: -1, unit: 'natural_days' },
    { amount: 1.5, unit: 'working_days' },
    { amount: Number.NaN, unit: 'hours' },
    { amount: Number.POSITIVE_INFINITY, unit: 'hours' },
  ] as const)('rejects $amount $unit', (limit) => {
    expect(() => computeDeadline(fridayBeforeFestival, limit, calendar)).toThrow(RangeError);
  });
});

describe('clockStatus', () => {
  const start = at('2026-03-02T00:00:00Z');
  const deadline = at('2026-03-02T10:00:00Z');
  const hour = 3_600_000;

  it('is normal before 75 % is used', () => {
    expect(clockStatus(start, deadline, at('2026-03-02T07:00:00Z'))).toEqual({
      level: 'normal',
      remainingMs: 3 * hour,
      usedRatio: 0.7,
    });
  });

  it('turns yellow at exactly 75 %', () => {
    expect(clockStatus(start, deadline, at('2026-03-02T07:30:00Z'))).toEqual({
      level: 'yellow',
      remainingMs: 2.5 * hour,
      usedRatio: 0.75,
    });
  });

  it('stays yellow at the deadline itself and turns red just after', () => {
    expect(clockStatus(start, deadline, deadline).level).toBe('yellow');
    const late = clockStatus(start, deadline, at('2026-03-02T12:00:00Z'));
    expect(late).toEqual({ level: 'red', remainingMs: -2 * hour, usedRatio: 1.2 });
  });

  it('guards a zero-length limit', () => {
    expect(clockStatus(start, start, start)).toEqual({ level: 'yellow', remainingMs: 0, usedRatio: 1 });
    expect(clockStatus(start, start, at('2026-03-02T00:00:01Z')).level).toBe('red');
    expect(clockStatus(start, start, at('2026-03-01T23:00:00Z')).usedRatio).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { advanceClock, clockAt, levelColor, levelOf, serverNowOf, timeLeftParts, timeLeftText } from './time-left';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('clockAt', () => {
  const start = '2026-03-02T00:00:00.000Z';
  const due = '2026-03-02T10:00:00.000Z';
  it('is green before 75% of the limit is used', () => {
    const c = clockAt(due, start, new Date('2026-03-02T07:00:00Z'));
    expect(c.level).toBe('normal');
    expect(c.remainingMs).toBe(3 * HOUR);
    expect(c.usedRatio).toBeCloseTo(0.7);
  });
  it('turns yellow at exactly 75% used and stays yellow up to the deadline', () => {
    expect(clockAt(due, start, new Date('2026-03-02T07:30:00Z')).level).toBe('yellow');
    expect(clockAt(due, start, new Date(due)).level).toBe('yellow');
  });
  it('turns red one moment after the deadline', () => {
    const c = clockAt(due, start, new Date('2026-03-02T10:00:01Z'));
    expect(c.level).toBe('red');
    expect(c.remainingMs).toBe(-1000);
  });
  it('without a start it can only tell normal from red', () => {
    expect(clockAt(due, null, new Date('2026-03-02T09:59:00Z')).level).toBe('normal');
    expect(clockAt(due, null, new Date('2026-03-02T11:00:00Z')).level).toBe('red');
  });
  it('a zero-length limit counts as fully used (yellow), not a division by zero', () => {
    expect(clockAt(start, start, new Date(start)).level).toBe('yellow');
  });
});

describe('levelOf', () => {
  it('applies red before yellow', () => {
    expect(levelOf(-1, 0.1)).toBe('red');
    expect(levelOf(1, 0.75)).toBe('yellow');
    expect(levelOf(1, 0.7499)).toBe('normal');
    expect(levelOf(1, undefined)).toBe('normal');
  });
});

describe('advanceClock', () => {
  const clock = { dueAt: '2026-03-02T10:00:00.000Z', startedAt: '2026-03-02T00:00:00.000Z', level: 'normal' as const, remainingMs: 3 * HOUR, usedRatio: 0.7 };
  it('counts down from the server figures, not the browser clock', () => {
    const later = advanceClock(clock, 30 * 60_000);
    expect(later.remainingMs).toBe(2.5 * HOUR);
    expect(later.usedRatio).toBeCloseTo(0.75);
    expect(later.level).toBe('yellow');
  });
  it('goes red once the remaining time runs out', () => {
    expect(advanceClock(clock, 3 * HOUR + 1).level).toBe('red');
  });
  it('never softens the server verdict', () => {
    const red = { ...clock, level: 'red' as const, remainingMs: -5 };
    expect(advanceClock(red, 1000).level).toBe('red');
    expect(advanceClock(red, 0)).toBe(red);
  });
});

describe('serverNowOf', () => {
  it('recovers the server time from dueAt − remainingMs (even when the server clock was moved)', () => {
    const now = serverNowOf({ dueAt: '2030-01-01T00:00:00.000Z', level: 'red', remainingMs: -2 * DAY });
    expect(now?.toISOString()).toBe('2030-01-03T00:00:00.000Z');
    expect(serverNowOf(null)).toBeNull();
  });
});

describe('timeLeftParts / timeLeftText', () => {
  it('uses minutes under an hour, never 0', () => {
    expect(timeLeftParts(59 * 60_000)).toEqual({ overdue: false, amount: 59, unit: 'minute' });
    expect(timeLeftParts(10_000)).toEqual({ overdue: false, amount: 1, unit: 'minute' });
  });
  it('uses hours under two days and days beyond, rounded down', () => {
    expect(timeLeftParts(3.9 * HOUR)).toEqual({ overdue: false, amount: 3, unit: 'hour' });
    expect(timeLeftParts(47 * HOUR)).toEqual({ overdue: false, amount: 47, unit: 'hour' });
    expect(timeLeftParts(2.5 * DAY)).toEqual({ overdue: false, amount: 2, unit: 'day' });
  });
  it('marks negative time as overdue', () => {
    expect(timeLeftParts(-2 * DAY - HOUR)).toEqual({ overdue: true, amount: 2, unit: 'day' });
  });
  it('speaks Chinese and English', () => {
    expect(timeLeftText(3 * HOUR, 'zh-CN')).toBe('剩余 3 小时');
    expect(timeLeftText(-2 * DAY, 'zh-CN')).toBe('已超期 2 天');
    expect(timeLeftText(-5 * 60_000, 'zh-CN')).toBe('已超期 5 分钟');
    expect(timeLeftText(3 * HOUR, 'en-US')).toBe('3 hours left');
    expect(timeLeftText(-2 * DAY, 'en-US')).toBe('2 days overdue');
    expect(timeLeftText(1 * HOUR, 'en-US')).toBe('1 hour left');
  });
  it('colours red, yellow and green', () => {
    expect(levelColor('red')).toBe('error');
    expect(levelColor('yellow')).toBe('warning');
    expect(levelColor('normal')).toBe('success');
  });
});

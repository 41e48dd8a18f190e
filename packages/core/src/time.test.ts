import { describe, it, expect } from 'vitest';
import { addLocalDays, endOfLocalDay, localDate, localWeekday, startOfLocalDay } from './time.js';

describe('localDate', () => {
  it('uses UTC+8, so 16:00Z is already the next local day', () => {
    expect(localDate(new Date('2026-02-13T15:59:59.999Z'))).toBe('2026-02-13');
    expect(localDate(new Date('2026-02-13T16:00:00.000Z'))).toBe('2026-02-14');
  });

  it('rejects an invalid Date', () => {
    expect(() => localDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('startOfLocalDay / endOfLocalDay', () => {
  it('bounds the local day in +08:00', () => {
    expect(startOfLocalDay('2026-02-14').toISOString()).toBe('2026-02-13T16:00:00.000Z');
    expect(endOfLocalDay('2026-02-14').toISOString()).toBe('2026-02-14T15:59:59.999Z');
    expect(endOfLocalDay('2026-02-14').getTime()).toBe(new Date('2026-02-14T23:59:59.999+08:00').getTime());
  });

  it('round-trips with localDate at both ends', () => {
    expect(localDate(startOfLocalDay('2025-12-31'))).toBe('2025-12-31');
    expect(localDate(endOfLocalDay('2025-12-31'))).toBe('2025-12-31');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => startOfLocalDay('2026-2-1')).toThrow(RangeError);
    expect(() => startOfLocalDay('2026-02-30')).toThrow(RangeError);
    expect(() => endOfLocalDay('')).toThrow(RangeError);
  });
});

describe('addLocalDays', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addLocalDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addLocalDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addLocalDays('2026-02-13', 0)).toBe('2026-02-13');
  });

  it('rejects fractional counts', () => {
    expect(() => addLocalDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('localWeekday', () => {
  it('numbers days from Sunday = 0', () => {
    expect(localWeekday('2026-02-13')).toBe(5); // Friday
    expect(localWeekday('2026-02-14')).toBe(6); // Saturday
    expect(localWeekday('2026-02-15')).toBe(0); // Sunday
    expect(localWeekday('2027-01-01')).toBe(5);
  });
});

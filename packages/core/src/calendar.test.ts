import { describe, it, expect } from 'vitest';
import { createWorkCalendar, type CalendarDay } from './calendar.js';

// 2026 Spring Festival as published: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
const SPRING_2026: CalendarDay[] = [
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map(
    (d): CalendarDay => ({ date: `2026-02-${d}`, kind: 'holiday', name: '春节' }),
  ),
  { date: '2026-02-14', kind: 'workday', name: '春节' },
  { date: '2026-02-28', kind: 'workday', name: '春节' },
];

describe('createWorkCalendar', () => {
  const calendar = createWorkCalendar(SPRING_2026);

  it('treats unlisted weekdays as working and weekends as off', () => {
    expect(calendar.isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
  });

  it('lets listed holidays and swapped working days override the week', () => {
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, holiday
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, bridged day
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('finds the next working day strictly after the date', () => {
    expect(calendar.nextWorkingDay('2026-02-12')).toBe('2026-02-13');
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(calendar.nextWorkingDay('2026-02-27')).toBe('2026-02-28');
    expect(calendar.nextWorkingDay('2026-03-06')).toBe('2026-03-09');
  });

  it('lets a later entry for the same date win', () => {
    const edited = createWorkCalendar([...SPRING_2026, { date: '2026-02-16', kind: 'workday', name: '调整' }]);
    expect(edited.isWorkingDay('2026-02-16')).toBe(true);
  });

  it('rejects malformed dates up front', () => {
    expect(() => createWorkCalendar([{ date: '2026-2-14', kind: 'workday', name: '春节' }])).toThrow(RangeError);
  });

  it('fails loudly instead of looping when no working day exists', () => {
    const allOff: CalendarDay[] = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
      kind: 'holiday',
      name: '错误数据',
    }));
    expect(() => createWorkCalendar(allOff).nextWorkingDay('2029-12-31')).toThrow(RangeError);
  });

  it('answers a year of lookups quickly', () => {
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) calendar.isWorkingDay('2026-02-16');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

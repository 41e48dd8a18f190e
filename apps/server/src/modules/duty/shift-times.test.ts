import { createWorkCalendar } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { inOfficeHours, isoWeekdayOf, shiftAt } from './shift-times.js';

const china = (local: string) => new Date(`${local}+08:00`);

describe('shift times', () => {
  it('finds the shift covering an instant: before 08:00 is the night shift of the day before', () => {
    expect(shiftAt(china('2026-03-06T07:59:00'))).toEqual({ date: '2026-03-05', shift: 'night' });
    expect(shiftAt(china('2026-03-06T08:00:00'))).toEqual({ date: '2026-03-06', shift: 'day' });
    expect(shiftAt(china('2026-03-06T17:59:00'))).toEqual({ date: '2026-03-06', shift: 'day' });
    expect(shiftAt(china('2026-03-06T19:30:00'))).toEqual({ date: '2026-03-06', shift: 'night' });
  });

  it('knows office hours from the calendar: 08:30–17:30 on working days only', () => {
    const calendar = createWorkCalendar([{ date: '2026-04-06', kind: 'holiday', name: '清明节' }]);
    expect(inOfficeHours(china('2026-03-06T10:00:00'), calendar)).toBe(true);
    expect(inOfficeHours(china('2026-03-06T08:29:00'), calendar)).toBe(false);
    expect(inOfficeHours(china('2026-03-06T17:30:00'), calendar)).toBe(false);
    expect(inOfficeHours(china('2026-03-07T10:00:00'), calendar)).toBe(false); // Saturday
    expect(inOfficeHours(china('2026-04-06T10:00:00'), calendar)).toBe(false); // a holiday Monday
    expect(isoWeekdayOf('2026-03-08')).toBe(7);
  });
});

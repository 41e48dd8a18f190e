import { describe, it, expect } from 'vitest';
import { createWorkCalendar, localWeekday } from '@lianxin/core';
import { defaultCalendarDays } from './default-calendar.js';
import { PROVISIONAL_2027 } from './provisional-2027.js';

const days = defaultCalendarDays();
const byDate = new Map(days.map((d) => [d.date, d]));

describe('defaultCalendarDays', () => {
  it('covers every year from 2024 to 2027 with holidays and swapped working days', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const ofYear = days.filter((d) => d.date.startsWith(`${year}-`));
      expect(ofYear.some((d) => d.kind === 'holiday' && d.name === '春节'), `${year} 春节`).toBe(true);
      expect(ofYear.some((d) => d.kind === 'holiday' && d.name === '国庆节'), `${year} 国庆节`).toBe(true);
      expect(ofYear.some((d) => d.kind === 'workday'), `${year} 调休`).toBe(true);
    }
  });

  it('starts at fromYear', () => {
    expect(days.every((d) => d.date >= '2024-01-01')).toBe(true);
    expect(defaultCalendarDays(2026).every((d) => d.date >= '2026-01-01')).toBe(true);
    expect(defaultCalendarDays(2023).some((d) => d.date.startsWith('2023-'))).toBe(true);
  });

  it('knows the published days', () => {
    expect(byDate.get('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect(byDate.get('2026-02-16')).toEqual({ date: '2026-02-16', kind: 'holiday', name: '春节' });
    expect(byDate.get('2026-02-23')?.kind).toBe('holiday'); // bridged day
    expect(byDate.get('2025-01-26')).toEqual({ date: '2025-01-26', kind: 'workday', name: '春节' });
    expect(byDate.get('2024-10-01')?.kind).toBe('holiday');
  });

  it('lists each date once, sorted', () => {
    const dates = days.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('marks only the 2027 supplement as provisional', () => {
    const provisional = days.filter((d) => d.provisional);
    expect(provisional.length).toBeGreaterThan(0);
    expect(provisional.every((d) => d.date.startsWith('2027-'))).toBe(true);
  });

  it('drives a working calendar across a Spring Festival', () => {
    const calendar = createWorkCalendar(days);
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
  });
});

describe('PROVISIONAL_2027', () => {
  const calendar = createWorkCalendar(PROVISIONAL_2027);
  const kindOf = (date: string) => PROVISIONAL_2027.find((d) => d.date === date)?.kind;

  it('marks every day provisional and swaps only weekend days to working days', () => {
    expect(PROVISIONAL_2027.every((d) => d.provisional === true && d.date.startsWith('2027-'))).toBe(true);
    for (const d of PROVISIONAL_2027.filter((x) => x.kind === 'workday')) {
      expect([0, 6], d.date).toContain(localWeekday(d.date));
    }
  });

  it('follows the 2027 festival dates', () => {
    expect(PROVISIONAL_2027.filter((d) => d.name === '春节' && d.kind === 'holiday')).toHaveLength(8);
    expect(kindOf('2027-02-05')).toBe('holiday'); // 除夕
    expect(kindOf('2027-02-20')).toBe('workday');
    expect(kindOf('2027-04-03')).toBe('holiday');
    expect(kindOf('2027-06-09')).toBe('holiday');
    expect(kindOf('2027-09-15')).toBe('holiday');
    expect(kindOf('2027-10-07')).toBe('holiday');
    expect(calendar.nextWorkingDay('2027-09-30')).toBe('2027-10-08');
    expect(calendar.nextWorkingDay('2027-10-08')).toBe('2027-10-09'); // Saturday worked
    expect(calendar.nextWorkingDay('2027-04-30')).toBe('2027-05-06');
  });
});

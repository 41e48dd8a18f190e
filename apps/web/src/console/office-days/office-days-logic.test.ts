import { describe, expect, it } from 'vitest';
import { canRecordAttendance, defaultGeneratePeriod, defaultSessionPeriod, groupByWeek, isPresent, officeDaysSearch, parseOfficeDays, periodFieldErrors, registerHref, chinaTime } from './office-days-logic';
import type { OfficeDaySessionSummary as SessionSummary } from '@lianxin/core';

// Friday 2026-12-04; its week runs Monday 11-30 to Sunday 12-06.
const TODAY = '2026-12-04';
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const session = (date: string, villageName = '凤岭村'): SessionSummary => ({ id: `${date}-${villageName}`, villageCode: '369901100202', villageName, date, place: null, attendees: 0, cases: 0 });

describe('the office-day address', () => {
  it('defaults to two weeks back, this week and next', () => {
    expect(defaultSessionPeriod(TODAY)).toEqual({ from: '2026-11-16', to: '2026-12-13' });
    const f = parseOfficeDays(new URLSearchParams(), TODAY);
    expect(f).toEqual({ tab: 'sessions', from: '2026-11-16', to: '2026-12-13', areaCode: undefined, session: undefined });
    expect(officeDaysSearch(f, TODAY).toString()).toBe('');
  });

  it('keeps the tab, the filters and the open session through a round trip', () => {
    const f = parseOfficeDays(new URLSearchParams(`tab=schedules&from=2026-11-02&to=2026-11-29&areaCode=369901100000&session=${ID}`), TODAY);
    expect(f).toEqual({ tab: 'schedules', from: '2026-11-02', to: '2026-11-29', areaCode: '369901100000', session: ID });
    expect(parseOfficeDays(officeDaysSearch(f, TODAY), TODAY)).toEqual(f);
  });

  it('drops malformed values', () => {
    expect(parseOfficeDays(new URLSearchParams('tab=x&from=2026-12-01&to=2026-11-01&session=../../etc&areaCode=12'), TODAY)).toEqual(parseOfficeDays(new URLSearchParams(), TODAY));
  });
});

describe('sessions', () => {
  it('groups sessions by ISO week, latest first, naming last, this and next week', () => {
    const weeks = groupByWeek([session('2026-12-07'), session('2026-12-02', '河口村'), session('2026-11-30'), session('2026-11-23'), session('2026-11-16')], TODAY);
    expect(weeks.map((w) => [w.monday, w.tag, w.sessions.length])).toEqual([
      ['2026-12-07', 'next', 1],
      ['2026-11-30', 'this', 2],
      ['2026-11-23', 'last', 1],
      ['2026-11-16', null, 1],
    ]);
    expect(weeks[1]!.sunday).toBe('2026-12-06');
  });

  it('records attendance on the day or after, and knows who is there', () => {
    expect(canRecordAttendance('2026-12-04', TODAY)).toBe(true);
    expect(canRecordAttendance('2026-11-30', TODAY)).toBe(true);
    expect(canRecordAttendance('2026-12-07', TODAY)).toBe(false);
    expect(isPresent({ attendance: [{ userId: 'user-zhulin', name: '彭红军', recordedAt: '' }] }, 'user-zhulin')).toBe(true);
    expect(isPresent({ attendance: [] }, 'user-zhulin')).toBe(false);
  });

  it('links to the register page preset for the session and plans four weeks ahead', () => {
    expect(registerHref('369901101203')).toBe('/register?channel=joint_office&areaCode=369901101203');
    expect(defaultGeneratePeriod(TODAY)).toEqual({ from: '2026-12-04', to: '2026-12-31' });
  });

  it('puts the period’s errors under the one period field', () => {
    expect(periodFieldErrors([{ field: 'to', message: '结束不能早于开始' }, { field: 'areaCode', message: 'x' }])).toEqual([
      { field: 'period', message: '结束不能早于开始' },
      { field: 'areaCode', message: 'x' },
    ]);
  });

  it('shows instants in China time', () => {
    expect(chinaTime('2026-12-04T17:05:00.000Z')).toBe('2026-12-05 01:05');
    expect(chinaTime('nonsense')).toBe('nonsense');
  });
});

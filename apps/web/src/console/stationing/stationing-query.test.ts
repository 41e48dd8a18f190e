import { describe, expect, it } from 'vitest';
import { isoWeekday, localDate, mondayOf } from '@lianxin/core';
import { validDate } from '../field-work/dates';
import { lastWholeWeeks, parseStationing, periodPresets, reportQuery, stationingSearch } from './stationing-query';

// Friday 2026-12-04 (ISO week 2026-W49).
const TODAY = '2026-12-04';

describe('China-time weeks', () => {
  it('finds Mondays and ISO weekdays', () => {
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('takes the last whole weeks before the running one, also on a Monday', () => {
    expect(lastWholeWeeks(TODAY, 4)).toEqual({ from: '2026-11-02', to: '2026-11-29' });
    expect(lastWholeWeeks('2026-11-30', 1)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });

  it('reads today in China whatever the browser zone says', () => {
    // 17:00 UTC on 4 December is already 5 December in China.
    expect(localDate(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
  });

  it('accepts only real dates', () => {
    expect(validDate('2026-02-28')).toBe('2026-02-28');
    expect(validDate('2026-02-30')).toBeUndefined();
    expect(validDate('20261204')).toBeUndefined();
    expect(validDate(null)).toBeUndefined();
  });
});

describe('the stationing address', () => {
  it('defaults to the report of the last four whole weeks', () => {
    const f = parseStationing(new URLSearchParams(), TODAY);
    expect(f).toMatchObject({ tab: 'report', from: '2026-11-02', to: '2026-11-29', flaggedOnly: false });
    expect(stationingSearch(f, TODAY).toString()).toBe('');
  });

  it('keeps the tab and the filters through a round trip', () => {
    const search = new URLSearchParams('tab=assignments&from=2026-10-05&to=2026-11-29&areaCode=369901101000&cadre=user-shimen&flagged=1&activeOn=2026-12-01');
    const f = parseStationing(search, TODAY);
    expect(f).toEqual({ tab: 'assignments', from: '2026-10-05', to: '2026-11-29', areaCode: '369901101000', cadre: 'user-shimen', flaggedOnly: true, activeOn: '2026-12-01' });
    expect(parseStationing(stationingSearch(f, TODAY), TODAY)).toEqual(f);
    expect(reportQuery(f)).toEqual({ from: '2026-10-05', to: '2026-11-29', areaCode: '369901101000', cadre: 'user-shimen' });
  });

  it('drops what the API would refuse', () => {
    const f = parseStationing(new URLSearchParams('tab=nope&from=2026-12-01&to=2026-11-01&areaCode=3699&activeOn=2026-13-01'), TODAY);
    expect(f).toMatchObject({ tab: 'report', from: '2026-11-02', to: '2026-11-29', areaCode: undefined, activeOn: undefined });
  });

  it('offers whole-week presets', () => {
    const presets = Object.fromEntries(periodPresets(TODAY).map((p) => [p.key, [p.from, p.to]]));
    expect(presets.lastWeek).toEqual(['2026-11-23', '2026-11-29']);
    expect(presets.last8).toEqual(['2026-10-05', '2026-11-29']);
    expect(presets.thisWeek).toEqual(['2026-11-30', '2026-12-06']);
  });
});

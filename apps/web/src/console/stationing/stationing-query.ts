import { AREA_CODE_PATTERN, addLocalDays, mondayOf } from '@lianxin/core';
import { validDate } from '../field-work/dates';

/**
 * The stationing page's state as it lives in the address (?tab=report&from=…&to=…&areaCode=…), so
 * a link, a reload or the back button keep the tab and the filters. Defaults stay out of the URL.
 */

export const STATIONING_TABS = ['report', 'assignments', 'rule'] as const;
export type StationingTab = (typeof STATIONING_TABS)[number];

/** The default report period: the last four whole ISO weeks. */
export const DEFAULT_WEEKS = 4;

export interface StationingFilters {
  tab: StationingTab;
  from: string;
  to: string;
  areaCode?: string;
  cadre?: string;
  flaggedOnly: boolean;
  /** Assignments running on this date (assignments tab). */
  activeOn?: string;
}

/** The period of the last `n` whole ISO weeks before the running one. */
export function lastWholeWeeks(today: string, n: number): { from: string; to: string } {
  const monday = mondayOf(today);
  return { from: addLocalDays(monday, -7 * n), to: addLocalDays(monday, -1) };
}

/** Filters from the URL; malformed values fall back to the defaults rather than reach the API. */
export function parseStationing(search: URLSearchParams, today: string): StationingFilters {
  const tab = search.get('tab');
  const period = lastWholeWeeks(today, DEFAULT_WEEKS);
  let from = validDate(search.get('from')) ?? period.from;
  let to = validDate(search.get('to')) ?? period.to;
  if (to < from) [from, to] = [period.from, period.to];
  const area = search.get('areaCode');
  const cadre = search.get('cadre');
  return {
    tab: (STATIONING_TABS as readonly string[]).includes(tab ?? '') ? (tab as StationingTab) : 'report',
    from,
    to,
    areaCode: area && AREA_CODE_PATTERN.test(area) ? area : undefined,
    cadre: cadre && cadre.length <= 64 ? cadre : undefined,
    flaggedOnly: search.get('flagged') === '1',
    activeOn: validDate(search.get('activeOn')),
  };
}

/** The URL query of the filters, leaving defaults out (a plain /stationing stays plain). */
export function stationingSearch(f: StationingFilters, today: string): URLSearchParams {
  const search = new URLSearchParams();
  const period = lastWholeWeeks(today, DEFAULT_WEEKS);
  if (f.tab !== 'report') search.set('tab', f.tab);
  if (f.from !== period.from || f.to !== period.to) {
    search.set('from', f.from);
    search.set('to', f.to);
  }
  if (f.areaCode) search.set('areaCode', f.areaCode);
  if (f.cadre) search.set('cadre', f.cadre);
  if (f.flaggedOnly) search.set('flagged', '1');
  if (f.activeOn) search.set('activeOn', f.activeOn);
  return search;
}

/** The report's API query (JSON and Excel share it). */
export const reportQuery = (f: StationingFilters) => ({ from: f.from, to: f.to, areaCode: f.areaCode, cadre: f.cadre });

/** Quick periods for the range picker, all in whole weeks but the running one. */
export type PeriodPreset = 'lastWeek' | 'last4' | 'last8' | 'last13' | 'thisWeek';
export function periodPresets(today: string): Array<{ key: PeriodPreset; from: string; to: string }> {
  return [
    { key: 'lastWeek', ...lastWholeWeeks(today, 1) },
    { key: 'last4', ...lastWholeWeeks(today, 4) },
    { key: 'last8', ...lastWholeWeeks(today, 8) },
    { key: 'last13', ...lastWholeWeeks(today, 13) },
    { key: 'thisWeek', from: mondayOf(today), to: addLocalDays(mondayOf(today), 6) },
  ];
}

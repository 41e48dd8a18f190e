/**
 * The ledger's filters as they live in the URL (?status=registered,assigned&sort=due_asc …), and
 * as the API wants them. Pure functions, unit-tested: the URL is the single source of the filters,
 * so links, reload and the back button all keep them.
 */
import { addLocalDays, CASE_FLAGS, CASE_KINDS, CASE_LIST_SORTS, CASE_STATES, type CaseFlag, type CaseKind, type CaseListSort, type CaseState, type Channel, CHANNELS, type CaseListQuery, startOfLocalDay } from '@lianxin/core';

export interface ListFilters {
  status: CaseState[];
  flag?: CaseFlag;
  categoryCode?: string;
  areaCode?: string;
  unitId?: string;
  channel?: Channel;
  kind?: CaseKind;
  /** First local day (YYYY-MM-DD, China time) of registration, inclusive. */
  from?: string;
  /** Last local day, inclusive. */
  to?: string;
  overdue?: 'true' | 'false';
  q?: string;
  sort: CaseListSort;
}

export const DEFAULT_SORT: CaseListSort = 'registered_desc';
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const AREA_CODE = /^\d{12}(\d{3})?$/;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined => (value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined);
const validDate = (value: string | null) => {
  if (!value || !LOCAL_DATE.test(value)) return undefined;
  try {
    startOfLocalDay(value);
    return value;
  } catch {
    return undefined;
  }
};

/** Filters from the URL; unknown or malformed values are dropped rather than sent to the API. */
export function parseFilters(search: URLSearchParams): ListFilters {
  const status = (search.get('status') ?? '')
    .split(',')
    .filter((s): s is CaseState => (CASE_STATES as readonly string[]).includes(s));
  const text = search.get('q')?.trim().slice(0, 100);
  const area = search.get('areaCode');
  const category = search.get('categoryCode');
  const unit = search.get('unitId');
  return {
    status: [...new Set(status)],
    flag: oneOf(CASE_FLAGS, search.get('flag')),
    categoryCode: category && category.length <= 64 ? category : undefined,
    areaCode: area && AREA_CODE.test(area) ? area : undefined,
    unitId: unit && unit.length <= 64 ? unit : undefined,
    channel: oneOf(CHANNELS, search.get('channel')),
    kind: oneOf(CASE_KINDS, search.get('kind')),
    from: validDate(search.get('from')),
    to: validDate(search.get('to')),
    overdue: oneOf(['true', 'false'] as const, search.get('overdue')),
    q: text || undefined,
    sort: oneOf(CASE_LIST_SORTS, search.get('sort')) ?? DEFAULT_SORT,
  };
}

/** The URL query of some filters (defaults left out, so a plain /cases stays plain). */
export function filtersToSearch(filters: ListFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status.length) search.set('status', filters.status.join(','));
  for (const key of ['flag', 'categoryCode', 'areaCode', 'unitId', 'channel', 'kind', 'from', 'to', 'overdue', 'q'] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  return search;
}

/** The ledger's query as the API client takes it (typed by the contract of GET /api/cases). */
export type LedgerQuery = Partial<CaseListQuery>;

/**
 * The API's query parameters (GET /api/cases and its export): local days become instants of
 * China time — `from` at 00:00 of its day, `to` before 00:00 of the next day.
 */
export function filtersToApi(filters: ListFilters): LedgerQuery {
  return {
    status: filters.status.length ? filters.status : undefined,
    flag: filters.flag,
    categoryCode: filters.categoryCode,
    areaCode: filters.areaCode,
    unitId: filters.unitId,
    channel: filters.channel,
    kind: filters.kind,
    from: filters.from ? startOfLocalDay(filters.from).toISOString() : undefined,
    to: filters.to ? startOfLocalDay(addLocalDays(filters.to, 1)).toISOString() : undefined,
    overdue: filters.overdue === undefined ? undefined : filters.overdue === 'true',
    q: filters.q,
    sort: filters.sort,
  };
}

/** How many filters are set (sort is not a filter). */
export function activeFilterCount(filters: ListFilters): number {
  const { sort: _sort, status, ...rest } = filters;
  return (status.length ? 1 : 0) + Object.values(rest).filter(Boolean).length;
}

/** The table's sort state of a column, and the sort a click on it asks for. */
export type SortColumn = 'registered' | 'due';
export function columnOrder(sort: CaseListSort, column: SortColumn): 'ascend' | 'descend' | null {
  if (!sort.startsWith(column === 'registered' ? 'registered_' : 'due_')) return null;
  return sort.endsWith('_asc') ? 'ascend' : 'descend';
}
export function sortFor(column: SortColumn, order: 'ascend' | 'descend' | null | undefined): CaseListSort {
  if (!order) return DEFAULT_SORT;
  return `${column === 'registered' ? 'registered' : 'due'}_${order === 'ascend' ? 'asc' : 'desc'}` as CaseListSort;
}

import { describe, expect, it } from 'vitest';
import { activeFilterCount, columnOrder, filtersToApi, filtersToSearch, parseFilters, sortFor } from './list-query';

describe('the ledger filters in the URL', () => {
  it('round-trips every filter through the URL', () => {
    const search = new URLSearchParams('status=registered,assigned&flag=collective&categoryCode=social.dibao&areaCode=369901100201&unitId=u-1&channel=phone&kind=help&from=2026-03-01&to=2026-03-31&overdue=true&q=低保&sort=due_asc');
    const filters = parseFilters(search);
    expect(filters).toEqual({
      status: ['registered', 'assigned'],
      flag: 'collective',
      categoryCode: 'social.dibao',
      areaCode: '369901100201',
      unitId: 'u-1',
      channel: 'phone',
      kind: 'help',
      from: '2026-03-01',
      to: '2026-03-31',
      overdue: 'true',
      q: '低保',
      sort: 'due_asc',
    });
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(11);
  });

  it('drops unknown or malformed values and leaves defaults out of the URL', () => {
    const filters = parseFilters(new URLSearchParams('status=registered,nonsense&flag=x&channel=fax&areaCode=12&from=2026-02-30&sort=sideways&overdue=maybe&q=%20%20'));
    expect(filters).toEqual({ status: ['registered'], sort: 'registered_desc' });
    expect(filtersToSearch(filters).toString()).toBe('status=registered');
    expect(filtersToSearch(parseFilters(new URLSearchParams(''))).toString()).toBe('');
  });

  it('turns local days into China-time instants for the API (to is inclusive)', () => {
    const api = filtersToApi(parseFilters(new URLSearchParams('from=2026-03-01&to=2026-03-31&status=closed')));
    expect(api.from).toBe('2026-02-28T16:00:00.000Z');
    expect(api.to).toBe('2026-03-31T16:00:00.000Z');
    expect(api.status).toEqual(['closed']);
    expect(api.sort).toBe('registered_desc');
  });

  it('maps table sorting to the API sort and back', () => {
    expect(sortFor('due', 'ascend')).toBe('due_asc');
    expect(sortFor('registered', 'descend')).toBe('registered_desc');
    expect(sortFor('due', null)).toBe('registered_desc');
    expect(columnOrder('due_desc', 'due')).toBe('descend');
    expect(columnOrder('due_desc', 'registered')).toBeNull();
    expect(columnOrder('registered_asc', 'registered')).toBe('ascend');
  });
});

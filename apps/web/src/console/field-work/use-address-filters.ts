import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A field-work page's filters, kept in the address: `parse` reads them (defaults from `today`),
 * `toSearch` writes them back. `change(patch)` applies a patch to the filters as they are now —
 * Ant Design pickers can call back with an earlier render's handler.
 */
export function useAddressFilters<F>(parse: (search: URLSearchParams, today: string) => F, toSearch: (filters: F, today: string) => URLSearchParams, today: string) {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => parse(search, today), [parse, search, today]);
  const latest = useRef(filters);
  latest.current = filters;
  const change = useCallback((patch: Partial<F>) => setSearch(toSearch({ ...latest.current, ...patch }, today)), [setSearch, toSearch, today]);
  return { filters, change };
}

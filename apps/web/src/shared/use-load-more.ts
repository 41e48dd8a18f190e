import { useCallback, useEffect, useState } from 'react';
import { useLatest } from './use-api';

/** One page of a list whose next page is asked for with `next` (a sequence number, an instant …). */
export interface LoadedPage<T, C> {
  items: T[];
  next: C | null;
}

/**
 * A list read page by page with "load more", for operations whose cursor is not the opaque
 * `cursor` of useCursorPages. `fetchPage` (memoised by the caller: a new one starts again from the
 * first page) answers the page after `next`, or the first for null; stale answers are dropped.
 */
export function useLoadMore<T, C>(fetchPage: (next: C | null) => Promise<LoadedPage<T, C>>) {
  const latest = useLatest();
  const [state, setState] = useState<{ items: T[]; next: C | null; loading: boolean; error?: unknown }>({ items: [], next: null, loading: true });

  const load = useCallback(
    (next: C | null) => {
      setState((s) => ({ ...s, loading: true }));
      latest(fetchPage(next)).then(
        ({ value, current }) => current && setState((s) => ({ items: next === null ? value.items : [...s.items, ...value.items], next: value.next, loading: false })),
        (error: unknown) => setState((s) => ({ ...s, loading: false, error })),
      );
    },
    [fetchPage, latest],
  );
  useEffect(() => load(null), [load]);

  return { ...state, hasMore: state.next !== null, loadMore: () => state.next !== null && load(state.next), reload: () => load(null) };
}

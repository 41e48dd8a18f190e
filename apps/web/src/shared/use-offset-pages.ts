import { useCallback, useState } from 'react';
import { useLatest } from './use-api';

/** An offset page as the offset-paged list operations answer it. */
export interface OffsetPage<T> {
  items: T[];
  nextOffset: number | null;
}

/**
 * An offset-paged list with "load more": `load(0)` starts afresh, `load(next)` appends the next page.
 * Only the latest request may fill the list (a page asked for under older filters never lands on the
 * newer list). `fetchPage` should be memoised on the filters it reads: a new one makes a new `load`.
 */
export function useOffsetPages<T>(fetchPage: (offset: number) => Promise<OffsetPage<T>>) {
  const [rows, setRows] = useState<T[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const latest = useLatest();
  const load = useCallback(
    async (offset: number) => {
      setLoading(true);
      setError(undefined);
      try {
        const { value: page, current } = await latest(fetchPage(offset));
        if (!current) return;
        setRows((prev) => (offset ? [...prev, ...page.items] : page.items));
        setNext(page.nextOffset);
        setLoading(false);
      } catch (e) {
        setError(e);
        setLoading(false);
      }
    },
    [fetchPage, latest],
  );
  return { rows, setRows, next, loading, error, load };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiArgs, type ApiResponse, apiUrl, call, type GetKey } from '../api/client';
import { useLocale } from '../i18n/i18n';

/**
 * Loads operation `key` (typed by its contract) and reloads when its input or the language
 * changes; `null` input = not yet. An answer that arrives after a newer request started is dropped.
 */
export function useApi<K extends GetKey>(key: K, ...[input]: ApiArgs<K> | [null]) {
  const url = input === null ? null : apiUrl(key, ...([input] as ApiArgs<K>));
  const { locale } = useLocale();
  const [state, setState] = useState<{ data?: ApiResponse<K>; error?: unknown; loading: boolean }>({ loading: url !== null });
  const [tick, setTick] = useState(0);
  const latest = useLatest();
  useEffect(() => {
    if (url === null) return;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    latest(call(key, ...([input] as ApiArgs<K>))).then(
      (data) => data.current && setState({ data: data.value, loading: false }),
      (error) => setState({ error, loading: false }),
    );
    // The URL stands for the whole input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, locale, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/**
 * The stale-response guard: wrap each request of a search box, picker or filter in the function
 * this returns; its answer comes back with `current: false` once a newer request (or unmount) has
 * superseded it, so an old answer never overwrites a newer one.
 */
export function useLatest() {
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );
  return useCallback(<T>(promise: Promise<T>): Promise<{ value: T; current: boolean }> => {
    const mine = ++generation.current;
    return promise.then(
      (value) => ({ value, current: mine === generation.current }),
      (error) => {
        if (mine === generation.current) throw error;
        return { value: undefined as T, current: false };
      },
    );
  }, []);
}

/** A cursor page as the list operations answer it. */
interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The operations answering cursor pages. */
type CursorKey = { [K in GetKey]: ApiResponse<K> extends CursorPage<unknown> ? K : never }[GetKey];

/**
 * Cursor paging with "load more": the first page of `key` for `input` (reloaded when it or the
 * language changes), then `loadMore()` appends the next page. `null` input = not yet.
 */
export function useCursorPages<K extends CursorKey>(key: K, ...[input]: ApiArgs<K> | [null]) {
  type Item = ApiResponse<K> extends CursorPage<infer T> ? T : never;
  const url = input === null ? null : apiUrl(key, ...([input] as ApiArgs<K>));
  const { locale } = useLocale();
  const [state, setState] = useState<{ items: Item[]; nextCursor: string | null; loading: boolean; error?: unknown }>({ items: [], nextCursor: null, loading: url !== null });
  const [tick, setTick] = useState(0);
  const latest = useLatest();

  const fetchPage = useCallback(
    (cursor: string | null) => {
      if (input === null) return;
      const base = (input ?? {}) as { query?: Record<string, unknown> };
      const withCursor = { ...base, query: { ...base.query, ...(cursor ? { cursor } : {}) } } as never;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      latest(call(key, withCursor) as unknown as Promise<CursorPage<Item>>).then(
        ({ value, current }) => current && setState((s) => ({ items: cursor ? [...s.items, ...value.items] : value.items, nextCursor: value.nextCursor, loading: false })),
        (error) => setState((s) => ({ ...s, error, loading: false })),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [url, latest],
  );

  useEffect(() => {
    if (url !== null) fetchPage(null);
  }, [url, locale, tick, fetchPage]);

  const loadMore = useCallback(() => state.nextCursor && fetchPage(state.nextCursor), [state.nextCursor, fetchPage]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, hasMore: state.nextCursor !== null, loadMore, reload };
}

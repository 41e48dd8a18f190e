import { useEffect, useState } from 'react';
import { type ApiArgs, type ApiResponse, call } from '../../api/client';
import { useLatest } from '../../shared/use-api';

/** The lookups that need a POST body. */
type LookupKey = 'POST /api/cases/suggest' | 'POST /api/cases/similar';

/**
 * A lookup that needs a POST body (suggestions, similar cases): sent when `input` changes (already
 * debounced by the caller), null = nothing to ask. Answers to older inputs are dropped.
 */
export function usePostLookup<K extends LookupKey>(key: K, input: ApiArgs<K>[0] | null) {
  const sent = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ data?: ApiResponse<K>; error?: unknown; loading: boolean }>({ loading: false });
  const latest = useLatest();
  useEffect(() => {
    if (sent === null) {
      void latest(Promise.resolve()); // supersedes a lookup still on its way
      setState({ loading: false });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    latest(call(key, ...([JSON.parse(sent)] as ApiArgs<K>))).then(
      ({ value, current }) => current && setState({ data: value, loading: false }),
      (error) => setState({ error, loading: false }),
    );
  }, [key, sent, latest]);
  return state;
}

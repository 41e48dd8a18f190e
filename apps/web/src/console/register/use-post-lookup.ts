import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/**
 * A lookup that needs a POST body (suggestions, similar cases): sent when `body` changes (already
 * debounced by the caller), null = nothing to ask. Answers to older bodies are dropped.
 */
export function usePostLookup<T>(path: string, body: unknown | null) {
  const key = body === null ? null : JSON.stringify(body);
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: false });
  useEffect(() => {
    if (key === null) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.post<T>(path, JSON.parse(key)).then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, key]);
  return state;
}

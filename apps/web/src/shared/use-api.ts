import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useLocale } from '../i18n/i18n';

/** Loads `path` (null = not yet) and reloads when it or the language changes. */
export function useApi<T>(path: string | null) {
  const { locale } = useLocale();
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api.get<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, locale, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

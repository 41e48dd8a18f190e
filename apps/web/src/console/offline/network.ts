import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';

/** A request that never reached the server (no signal): fetch rejects with a TypeError. */
export const isNetworkError = (error: unknown): boolean => !(error instanceof ApiError) && error instanceof TypeError;

/** Whether the phone believes it has a network (the browser's online/offline events). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

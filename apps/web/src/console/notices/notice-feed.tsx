import type { NoticeView } from '@lianxin/core';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { apiUrl, call } from '../../api/client';
import { useLocale } from '../../i18n/i18n';

interface NoticeFeed {
  /** Unread notices of the signed-in user, kept live by the server's event stream. */
  unread: number | null;
  /** The newest notice received live (pages reload their lists when it changes). */
  latest: NoticeView | null;
  /** Whether the live stream is connected. */
  live: boolean;
}

const FeedContext = createContext<NoticeFeed>({ unread: null, latest: null, live: false });

/** The longest wait before connecting again after the stream failed. */
const MAX_RETRY_MS = 30_000;

/**
 * Follows GET /api/notifications/stream for the whole console: the unread count and each new
 * notice, in the chosen language. The browser reconnects a dropped stream by itself; when it gives
 * up (the server refused or went away), this connects again with a growing wait.
 */
export function NoticeFeedProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const [unread, setUnread] = useState<number | null>(null);
  const [latest, setLatest] = useState<NoticeView | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let wait = 1000;
    let stopped = false;
    const connect = () => {
      source = new EventSource(apiUrl('GET /api/notifications/stream', { query: { locale } }));
      source.addEventListener('open', () => {
        wait = 1000;
        setLive(true);
      });
      source.addEventListener('count', (e) => setUnread((JSON.parse((e as MessageEvent<string>).data) as { unread: number }).unread));
      source.addEventListener('notice', (e) => setLatest(JSON.parse((e as MessageEvent<string>).data) as NoticeView));
      source.addEventListener('error', () => {
        setLive(false);
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        source.close();
        // Refused or gone: an ordinary request says which (a 401 takes the console to sign-in) and
        // keeps the count right meanwhile.
        call('GET /api/notifications/unread-count').then(({ unread }) => !stopped && setUnread(unread), () => {});
        retry = setTimeout(connect, wait);
        wait = Math.min(MAX_RETRY_MS, wait * 2);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [locale]);

  const value = useMemo(() => ({ unread, latest, live }), [unread, latest, live]);
  return <FeedContext.Provider value={value}>{children}</FeedContext.Provider>;
}

/** The live unread count and newest notice (see NoticeFeedProvider). */
export const useNoticeFeed = () => useContext(FeedContext);

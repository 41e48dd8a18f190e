import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Database } from '../../db/database.js';

/** One server-sent event as a test reads it (comments such as heartbeats count as `comment`). */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** A test's EventSource: the answer's status and headers, every event so far, and waiting for one. */
export interface SseClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: SseEvent[];
  /** The first event (already received or to come) matching `match`, or a failure after `timeoutMs`. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

/** A session cookie for `userId`, written directly (as the route tests' clients are). */
export async function sessionCookie(database: Database, userId: string, now: Date): Promise<string> {
  const token = randomUUID();
  await database.db
    .insertInto('sessions')
    .values({ id: createHash('sha256').update(token).digest('base64url'), userId, csrfToken: randomUUID(), createdAt: now.toISOString(), expiresAt: '9999-12-31T00:00:00.000Z' })
    .execute();
  return `lx_session=${token}`;
}

/** Opens `url` (on 127.0.0.1) as an event stream. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const events: SseEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let endResolve!: () => void;
      const ended = new Promise<void>((r) => (endResolve = r));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const lines = block.split('\n');
          if (lines.every((l) => l.startsWith(':'))) events.push({ event: 'comment', data: lines.join('\n') });
          const name = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (name) events.push({ event: name, data: data ? JSON.parse(data) : null });
        }
        for (const wake of [...waiters]) wake();
      });
      response.on('end', () => endResolve());
      response.on('close', () => endResolve());
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        ended,
        next(match, timeoutMs = 5000) {
          return new Promise((done, fail) => {
            const check = () => {
              const found = events.find(match);
              if (!found) return false;
              waiters.delete(check);
              clearTimeout(timer);
              done(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
            }, timeoutMs);
            if (!check()) waiters.add(check);
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

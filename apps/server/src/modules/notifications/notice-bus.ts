import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createPgListener, type PgListener } from './pg-listener.js';

/**
 * A signal that something changed for a user: a new notice (`noticeId`), or their unread count
 * (notices marked read). It carries ids only; the listener reads the notice from the database, so
 * nothing of a notice travels outside it and a notice of a rolled-back transaction is never shown.
 */
export interface NoticeSignal {
  userId: string;
  noticeId: string | null;
}

type Listener = (signal: NoticeSignal) => void;

/**
 * Tells the server processes that notices were written, so open streams (GET
 * /api/notifications/stream) show them at once. SQLite: one process, an in-memory bus. PostgreSQL:
 * NOTIFY in the writer's transaction (delivered only when it commits) and a LISTEN connection of
 * each process, so a notice written by one process reaches a user connected to another.
 */
export interface NoticeBus {
  /** Announces signals; inside a transaction they take effect when it commits. */
  announce(db: Kysely<DB> | Transaction<DB>, signals: readonly NoticeSignal[]): Promise<void>;
  /** Listens for one user's signals; resolves once listening, to the function that stops it. */
  subscribe(userId: string, listener: Listener): Promise<() => void>;
  /** How many streams of this process listen now. */
  listenerCount(): number;
  /** Stops listening (closes the PostgreSQL connection). */
  close(): Promise<void>;
}

/** What the bus needs of the database. */
export interface NoticeBusOptions {
  dialect: 'sqlite' | 'postgres';
  /** PostgreSQL: the server's URL, for the LISTEN connection. */
  url?: string;
  /** PostgreSQL: the schema (test files each have one), so buses of different schemas do not meet. */
  schema?: string;
  /** Where a lost LISTEN connection is reported. */
  onError?: (error: unknown) => void;
}

/** NOTIFY payloads stay well under PostgreSQL's 8000 bytes. */
const PAYLOAD_BYTES = 7000;

export function createNoticeBus(options: NoticeBusOptions): NoticeBus {
  const listeners = new Map<string, Set<Listener>>();
  const deliver = (signal: NoticeSignal) => {
    for (const listener of listeners.get(signal.userId) ?? []) listener(signal);
  };
  const everyone = () => {
    for (const userId of listeners.keys()) deliver({ userId, noticeId: null });
  };
  const channel = `lianxin_notices${options.schema ? `_${options.schema}` : ''}`.slice(0, 63);
  let pg: PgListener | null = null;
  // Without its URL (a database opened by other means) PostgreSQL gets the in-memory bus: live within one process.
  if (options.dialect === 'postgres' && options.url) {
    pg = createPgListener({
      url: options.url,
      channel,
      onPayload: (payload) => {
        for (const [userId, noticeId] of JSON.parse(payload) as Array<[string, string | null]>) deliver({ userId, noticeId });
      },
      // After a reconnection, notices may have been missed: every open stream reads its count again.
      onReconnect: everyone,
      onError: options.onError,
    });
  }

  return {
    async announce(db, signals) {
      if (signals.length === 0) return;
      if (!pg) {
        // SQLite runs one statement at a time on its one connection: a listener's read waits for
        // the writer's transaction to end, so it sees the notice once committed (or not at all).
        for (const signal of signals) deliver(signal);
        return;
      }
      for (const payload of payloads(signals)) await sql`select pg_notify(${channel}, ${payload})`.execute(db);
    },
    async subscribe(userId, listener) {
      if (pg) await pg.ready();
      let set = listeners.get(userId);
      if (!set) listeners.set(userId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
      };
    },
    listenerCount() {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
    async close() {
      listeners.clear();
      await pg?.close();
    },
  };
}

/** The signals as JSON arrays of `[userId, noticeId]`, split to fit a NOTIFY payload. */
function payloads(signals: readonly NoticeSignal[]): string[] {
  const out: string[] = [];
  let batch: Array<[string, string | null]> = [];
  let size = 2;
  for (const s of signals) {
    const entry: [string, string | null] = [s.userId, s.noticeId];
    const bytes = Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (batch.length && size + bytes > PAYLOAD_BYTES) {
      out.push(JSON.stringify(batch));
      batch = [];
      size = 2;
    }
    batch.push(entry);
    size += bytes;
  }
  if (batch.length) out.push(JSON.stringify(batch));
  return out;
}

import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { createPgListener, type PgListener } from '../modules/notifications/pg-listener.js';

/** What a process keeps in memory and must drop when another process changes it. */
export type CacheTopic = 'deadlines' | 'models';

/**
 * Tells every server process that a cache is stale (issue 19). The time-limit rules, the calendar
 * and the category tree (the deadline cache) and the suggestion models are held in memory; a
 * change in one process reaches the others through PostgreSQL's LISTEN/NOTIFY, not a restart.
 * SQLite: one process, so a change is only told to this process's own listeners.
 */
export interface CacheBus {
  /** Tells the other processes (and this one's listeners) that `topic` changed. */
  publish(topic: CacheTopic): Promise<void>;
  /** Calls `listener` when another process (or this one) publishes `topic`. */
  on(topic: CacheTopic, listener: (fromThisProcess: boolean) => void): void;
  /**
   * Starts listening to the other processes (PostgreSQL; main.ts at start, before serving) and
   * resolves once listening. A bus never started still tells the other processes of its changes.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface CacheBusOptions {
  dialect: 'sqlite' | 'postgres';
  url?: string;
  schema?: string;
  /** The app's database: NOTIFY goes through it. */
  db: Kysely<DB>;
  onError?: (error: unknown) => void;
}

export function createCacheBus(options: CacheBusOptions): CacheBus {
  const me = randomUUID();
  const listeners = new Map<CacheTopic, Set<(fromThisProcess: boolean) => void>>();
  const fire = (topic: CacheTopic, fromThisProcess: boolean) => {
    for (const listener of listeners.get(topic) ?? []) {
      try {
        listener(fromThisProcess);
      } catch (error) {
        options.onError?.(error);
      }
    }
  };
  const channel = `lianxin_caches${options.schema ? `_${options.schema}` : ''}`.slice(0, 63);
  let listener: PgListener | null = null;
  if (options.dialect === 'postgres' && options.url) {
    listener = createPgListener({
      url: options.url,
      channel,
      onPayload: (payload) => {
        const [topic, from] = payload.split(' ') as [CacheTopic, string];
        if (from !== me) fire(topic, false);
      },
      // Changes may have been missed while the connection was lost: the deadline cache is
      // dropped (the models are only older, not wrong; the schedule retrains them).
      onReconnect: () => fire('deadlines', false),
      onError: options.onError,
    });
  }
  return {
    async publish(topic) {
      fire(topic, true);
      if (options.dialect === 'postgres') await sql`select pg_notify(${channel}, ${`${topic} ${me}`})`.execute(options.db);
    },
    on(topic, fn) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(fn);
    },
    async ready() {
      await listener?.ready();
    },
    async close() {
      listeners.clear();
      await listener?.close();
    },
  };
}

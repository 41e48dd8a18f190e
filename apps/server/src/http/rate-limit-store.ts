import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { Cipher } from '../security/cipher.js';

/** Windows that ended are deleted at most this often (per process). */
const PRUNE_EVERY_MS = 60_000;

/** A counter after a hit: how many in the window so far, and when the window ends (ms). */
export interface RateCount {
  count: number;
  /** When the current window started (ms since the epoch). */
  windowStart: number;
  /** When the last counted request came (ms since the epoch). */
  lastAt: number;
  /** When the window ends and the count starts again (ms since the epoch). */
  resetAt: number;
  /** How long until then, from now (ms). */
  remainingMs: number;
}

/**
 * Counters of every rate limit, kept in the database (`rate_limits`) so that several server
 * processes over one database share them. A window starts with the first request of a key and
 * lasts `windowMs`; each request raises the count in one atomic upsert (SQLite and PostgreSQL
 * alike), so two processes counting at once never lose a request. Keys are stored as a keyed hash,
 * since they name addresses, phones and user names. Time is the app's clock.
 */
export function createRateLimiter({ db, cipher, clock }: { db: Kysely<DB>; cipher: Cipher; clock: Clock }) {
  let prunedAt = 0;
  const hashOf = (key: string) => cipher.blindIndex(`rate-limit:${key}`);
  const asCount = (row: { count: number | string; windowStart: string; lastAt: string; expiresAt: string }, now: Date): RateCount => ({
    count: Number(row.count),
    windowStart: Date.parse(row.windowStart),
    lastAt: Date.parse(row.lastAt),
    resetAt: Date.parse(row.expiresAt),
    remainingMs: Math.max(0, Date.parse(row.expiresAt) - now.getTime()),
  });

  async function prune(now: Date) {
    if (now.getTime() - prunedAt < PRUNE_EVERY_MS && now.getTime() >= prunedAt) return;
    prunedAt = now.getTime();
    await db.deleteFrom('rateLimits').where('expiresAt', '<=', now.toISOString()).execute();
  }

  return {
    /** Counts one request under `key`; a key whose window ended starts a new one. */
    async hit(key: string, windowMs: number): Promise<RateCount> {
      const now = clock.now();
      await prune(now);
      const at = now.toISOString();
      const ends = new Date(now.getTime() + windowMs).toISOString();
      const ended = sql<boolean>`rate_limits.expires_at <= ${at}`;
      const row = await db
        .insertInto('rateLimits')
        .values({ key: hashOf(key), count: 1, windowStart: at, lastAt: at, expiresAt: ends })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`CASE WHEN ${ended} THEN 1 ELSE rate_limits.count + 1 END`,
            windowStart: sql<string>`CASE WHEN ${ended} THEN ${at} ELSE rate_limits.window_start END`,
            expiresAt: sql<string>`CASE WHEN ${ended} THEN ${ends} ELSE rate_limits.expires_at END`,
            lastAt: at,
          }),
        )
        .returning(['count', 'windowStart', 'lastAt', 'expiresAt'])
        .executeTakeFirstOrThrow();
      return asCount(row, now);
    },

    /** The live count under `key` without counting (null: none in a current window). */
    async peek(key: string): Promise<RateCount | null> {
      const now = clock.now();
      const row = await db
        .selectFrom('rateLimits')
        .select(['count', 'windowStart', 'lastAt', 'expiresAt'])
        .where('key', '=', hashOf(key))
        .where('expiresAt', '>', now.toISOString())
        .executeTakeFirst();
      return row ? asCount(row, now) : null;
    },

    /** Forgets `key` (e.g. a limit lifted). */
    async clear(key: string): Promise<void> {
      await db.deleteFrom('rateLimits').where('key', '=', hashOf(key)).execute();
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * The store @fastify/rate-limit counts in, backed by `limiter`: every limit declared through the
 * plugin (route `config.rateLimit`, `app.createRateLimit`) is shared by every process. A route's
 * own limit counts under the route's method and path, as the plugin's stores do.
 */
export function databaseStore(limiter: RateLimiter): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: FastifyRateLimitOptions,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow = 60_000) {
      limiter.hit(`${this.prefix}${key}`, timeWindow).then(
        (count) => callback(null, { current: count.count, ttl: count.remainingMs }),
        (error: Error) => callback(error),
      );
    }

    /** The plugin passes the route's merged options, with `routeInfo` the route (empty for `createRateLimit`). */
    child(routeOptions: object): FastifyRateLimitStore {
      const info: unknown = Reflect.get(routeOptions, 'routeInfo');
      const url: unknown = info && typeof info === 'object' ? Reflect.get(info, 'url') : undefined;
      const method: unknown = info && typeof info === 'object' ? Reflect.get(info, 'method') : undefined;
      return new DatabaseRateLimitStore(undefined, typeof url === 'string' ? `${String(method)} ${url}:` : '');
    }
  }
  return DatabaseRateLimitStore;
}

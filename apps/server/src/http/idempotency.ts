import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The store of idempotency keys (set in modules/index.ts); routes whose contract says `idempotent` use it. */
    idempotency?: IdempotencyStore;
  }
}

/** The request header a queued write carries: a client-generated key (a UUID), the same on every retry. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** The answer header that says the answer is the first one, replayed. */
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** The first answer to a key: its status and its JSON body. */
export interface KeptAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as { message?: string })?.message ?? '')) || (e as { code?: string })?.code === '23505';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The key of a request's header, checked (400 naming the header when malformed), or undefined when absent. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const raw = headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || !KEY_PATTERN.test(key)) throw new AppError(400, 'error.validation', {}, 'Idempotency-Key');
  return key;
}

/** A fingerprint of what a request asks: its operation, path parameters and JSON body. */
export function requestHash(operation: string, params: unknown, body: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, params ?? null, body ?? null])).digest('hex');
}

/**
 * Idempotent writes for the offline queue (issue 17). The first request with a key reserves it by
 * inserting its row (the primary key (user, key) decides between concurrent requests on both
 * databases); it runs, and its answer is kept. A later request with that key gets the kept answer;
 * one that arrives while the first still runs waits for it. A write that fails releases its key,
 * so a corrected retry can run. The same key with another request is refused (422). A key whose
 * first request never finished (a server crash between the write and the keeping) stays pending and
 * answers 409 rather than risk a second write.
 */
export function createIdempotencyStore({ db, clock, waitMs = 15_000 }: { db: Kysely<DB>; clock: Clock; waitMs?: number }) {
  async function find(userId: string, key: string) {
    return db.selectFrom('idempotencyKeys').selectAll().where('userId', '=', userId).where('key', '=', key).executeTakeFirst();
  }

  return {
    async run(userId: string, key: string, operation: string, hash: string, write: () => Promise<{ status: number; body: unknown }>): Promise<KeptAnswer> {
      const deadline = Date.now() + waitMs;
      for (;;) {
        try {
          await db
            .insertInto('idempotencyKeys')
            .values({ userId, key, operation, requestHash: hash, state: 'pending', statusCode: null, response: null, createdAt: clock.now().toISOString(), completedAt: null })
            .execute();
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          const kept = await find(userId, key);
          if (!kept) continue; // released meanwhile: try to reserve again
          if (kept.operation !== operation || kept.requestHash !== hash) throw new AppError(422, 'error.idempotency_mismatch', {}, 'Idempotency-Key');
          if (kept.state === 'done') return { status: kept.statusCode ?? 200, body: kept.response === null ? undefined : JSON.parse(kept.response), replayed: true };
          if (Date.now() > deadline) throw new AppError(409, 'error.idempotency_pending', {}, 'Idempotency-Key');
          await sleep(25);
          continue;
        }
        let answer: { status: number; body: unknown };
        try {
          answer = await write();
        } catch (error) {
          await db.deleteFrom('idempotencyKeys').where('userId', '=', userId).where('key', '=', key).where('state', '=', 'pending').execute();
          throw error;
        }
        await db
          .updateTable('idempotencyKeys')
          .set({ state: 'done', statusCode: answer.status, response: answer.body === undefined ? null : JSON.stringify(answer.body), completedAt: clock.now().toISOString() })
          .where('userId', '=', userId)
          .where('key', '=', key)
          .execute();
        return { ...answer, replayed: false };
      }
    },

    /** Forgets keys older than `days` (a phone syncs within days, not months). */
    async prune(days = 30): Promise<number> {
      const before = new Date(clock.now().getTime() - days * 86_400_000).toISOString();
      const result = await db.deleteFrom('idempotencyKeys').where('createdAt', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows ?? 0);
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

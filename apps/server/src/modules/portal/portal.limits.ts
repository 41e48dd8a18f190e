import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../errors.js';
import type { RateLimiter } from '../../http/rate-limit-store.js';

/**
 * Rate limits of the public API (abuse resistance). Each route is limited per client IP, and
 * submission and one-time codes also per phone, so neither many addresses against one phone nor
 * one address against many phones gets far. Failed tracking attempts (a wrong 查询码 or SMS code)
 * are counted per address and per (tracking code, address) pair, never per code alone: the
 * guesser is stopped, and the resident who holds the right secret is never blocked by someone
 * else's guesses. Every count lives in the database (`rate_limits`), shared by every process.
 */
export const PORTAL_LIMITS = {
  submitPerIp: { max: 10, timeWindow: 3_600_000 },
  submitPerPhone: { max: 5, timeWindow: 86_400_000 },
  photoPerIp: { max: 60, timeWindow: 3_600_000 },
  trackPerIp: { max: 30, timeWindow: 600_000 },
  trackFailuresPerIp: { max: 10, timeWindow: 3_600_000 },
  trackFailuresPerPair: { max: 5, timeWindow: 3_600_000 },
  otpPerIp: { max: 10, timeWindow: 3_600_000 },
  otpPerPhone: { max: 3, timeWindow: 3_600_000 },
  readPerIp: { max: 120, timeWindow: 60_000 },
} as const;

/** The evaluation link's routes (@fastify/rate-limit route config, per IP). */
export const EVALUATION_LIMIT = { max: 30, timeWindow: '1 minute' };

type Limit = { max: number; timeWindow: number };

/**
 * A preHandler that counts the request under `keyOf(request)` (null: not counted) and answers 429
 * problem+json once `limit.max` is passed within the window.
 */
export function limitBy(app: FastifyInstance, name: string, limit: Limit, keyOf: (request: FastifyRequest) => string | null): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({ ...limit, keyGenerator: (request) => `${name}:${keyOf(request) ?? ''}` });
  return async (request, reply) => {
    if (keyOf(request) === null) return;
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) {
      reply.header('retry-after', result.ttlInSeconds);
      throw new AppError(429, 'error.rate_limited');
    }
  };
}

/** A count of failures under a key: a guard that refuses once `limit.max` have been counted, and the step that counts one. */
export interface FailureLimit {
  /** preHandler: 429 (with Retry-After) once the window holds `limit.max` failures; counts nothing. */
  guard: preHandlerAsyncHookHandler;
  /** Counts one failure of this request. */
  record(request: FastifyRequest): Promise<void>;
}

/** Failures (not requests) counted under `keyOf(request)` (null: not counted) in the shared limiter. */
export function failureLimit(limiter: Pick<RateLimiter, 'hit' | 'peek'>, name: string, limit: Limit, keyOf: (request: FastifyRequest) => string | null): FailureLimit {
  const keyFor = (request: FastifyRequest) => {
    const key = keyOf(request);
    return key === null ? null : `${name}:${key}`;
  };
  return {
    async guard(request, reply) {
      const key = keyFor(request);
      const counted = key === null ? null : await limiter.peek(key);
      if (counted && counted.count >= limit.max) {
        reply.header('retry-after', Math.max(1, Math.ceil(counted.remainingMs / 1000)));
        throw new AppError(429, 'error.rate_limited');
      }
    },
    async record(request) {
      const key = keyFor(request);
      if (key !== null) await limiter.hit(key, limit.timeWindow);
    },
  };
}

/** The client address (behind the proxy that sets X-Forwarded-For, as the app trusts it). */
export const byIp = (request: FastifyRequest) => request.ip;

/**
 * A key from a field of the parsed body (preHandlers run after validation), passed through `keyOf`;
 * null, so not counted, when the body has no such text field.
 */
export function bodyField(name: string, keyOf: (value: string) => string = (v) => v): (request: FastifyRequest) => string | null {
  return (request) => {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null) return null;
    const value: unknown = Reflect.get(body, name);
    return typeof value === 'string' ? keyOf(value) : null;
  };
}

/** Several limits as one preHandler, checked in order: the first exceeded one answers 429. */
export function inTurn(...limits: preHandlerAsyncHookHandler[]): preHandlerAsyncHookHandler {
  return async function (request, reply) {
    for (const limit of limits) await limit.call(this, request, reply);
  };
}

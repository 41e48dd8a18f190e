import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../errors.js';

/**
 * Rate limits of the public API (abuse resistance). Each route is limited per client IP, and
 * submission, tracking and one-time codes also per phone or per tracking code, so neither many
 * addresses against one phone nor one address against many phones gets far. Limits live in
 * memory (one process); a multi-process deployment puts a shared store behind @fastify/rate-limit.
 */
export const PORTAL_LIMITS = {
  submitPerIp: { max: 10, timeWindow: 3_600_000 },
  submitPerPhone: { max: 5, timeWindow: 86_400_000 },
  photoPerIp: { max: 60, timeWindow: 3_600_000 },
  trackPerIp: { max: 30, timeWindow: 600_000 },
  trackPerCode: { max: 10, timeWindow: 3_600_000 },
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

import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, unauthenticated } from '../errors.js';
import type { Actor } from '../access/actor.js';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'lx_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes open to residents (no session); everything else under /api needs a staff session. */
    public?: boolean;
  }
}

/** The signed-in actor of a staff route (the auth hook has already refused anonymous callers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/**
 * Resolves the session cookie into `request.actor`, refuses anonymous calls to staff routes, and
 * checks the CSRF header on every state-changing call made with the cookie.
 */
export const authPlugin = fp(async (app: FastifyInstance, { auth }: { auth: AuthService }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await auth.actorFromSession(token);
    const config = request.routeOptions.config;
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || config?.public) return;
    if (!request.actor) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new AppError(403, 'error.csrf');
    }
  });
});

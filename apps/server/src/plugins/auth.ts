import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from '../http/request.js';
import { AppError, unauthenticated } from '../errors.js';
import type { AuthService } from '../modules/auth/auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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

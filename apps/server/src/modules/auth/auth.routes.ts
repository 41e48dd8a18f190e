import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { route } from '../../http/route.js';
import { actorOf, SESSION_COOKIE } from '../../http/request.js';
import { presentMe } from './auth.presenter.js';
import { SESSION_HOURS, type AuthService } from './auth.service.js';

/** The user name a sign-in names (rate limits run after the body is parsed). */
const usernameOf = (body: unknown): string => (typeof body === 'object' && body !== null && 'username' in body ? String(body.username) : '');

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
export async function authRoutes(app: FastifyInstance, { auth, secureCookies, signInsPerMinute = 10 }: { auth: AuthService; secureCookies: boolean; signInsPerMinute?: number }) {
  route(
    app,
    'POST /api/auth/login',
    async (request, reply) => {
      const { token, actor } = await auth.login(request.body.username, request.body.password).catch((error: unknown) => {
        // The account's growing delay: tell the client when to try again.
        if (error instanceof AppError && error.status === 429 && typeof error.params.seconds === 'number') reply.header('retry-after', error.params.seconds);
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      return presentMe(actor);
    },
    {
      config: {
        // Per address and user name (counted in the database, shared by every server process): slows
        // password guessing without locking out a whole office.
        rateLimit: {
          max: signInsPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `${request.ip}:${usernameOf(request.body)}`,
        },
      },
    },
  );

  route(app, 'POST /api/auth/logout', async (request, reply) => {
    await auth.logout(actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  route(app, 'GET /api/auth/me', (request) => presentMe(actorOf(request)));
}

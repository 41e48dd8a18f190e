import { label, type Locale } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.js';
import type { Actor } from '../../access/actor.js';
import { SESSION_HOURS, type AuthService } from './auth.service.js';

const LoginSchema = z.object({
  username: z.string().trim().min(1).max(64).describe('User name'),
  password: z.string().min(1).max(200).describe('Password'),
});

function presentMe(actor: Actor) {
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    csrfToken: actor.csrfToken,
    roles: actor.grants.map((g) => ({ ...g, roleLabel: label('role', g.role, actor.locale as Locale) })),
  };
}

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
export async function authRoutes(app: FastifyInstance, { auth, secureCookies, signInsPerMinute = 10 }: { auth: AuthService; secureCookies: boolean; signInsPerMinute?: number }) {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录 Sign in', body: LoginSchema },
      config: {
        public: true,
        // Per address and user name: slows password guessing without locking out a whole office.
        rateLimit: {
          max: signInsPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request) => `${request.ip}:${(request.body as { username?: string } | undefined)?.username ?? ''}`,
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as z.infer<typeof LoginSchema>;
      const { token, actor } = await auth.login(username, password);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      return presentMe(actor);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out' } }, async (request, reply) => {
    await auth.logout(actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Who am I' } }, async (request) => presentMe(actorOf(request)));
}

import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { Locale, Role } from '@lianxin/core';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import { hashPassword } from '../../security/password.js';
import type { AuthRepository } from './auth.repository.js';

/** Sessions last a working day and a half; the console signs in again after that. */
export const SESSION_HOURS = 12;


const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface AuthServiceDeps {
  repo: AuthRepository;
  clock: Clock;
  audit: AuditLog;
}

/** Sign-in, sign-out and turning a session cookie into an Actor. */
export function createAuthService({ repo, clock, audit }: AuthServiceDeps) {
  // Verifying against a real hash when the user is unknown keeps the response time the same,
  // so timing does not reveal which user names exist.
  const decoyHash = hashPassword(randomBytes(16).toString('hex'));

  async function actorFromSession(token: string): Promise<Actor | null> {
    const now = clock.now().toISOString();
    const session = await repo.findActiveSession(tokenHash(token), now);
    if (!session) return null;
    const grants = await repo.findGrants(session.userId);
    return {
      userId: session.userId,
      username: session.username,
      displayName: session.displayName,
      locale: session.locale as Locale,
      grants: grants.map((g) => ({ ...g, role: g.role as Role })),
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    };
  }

  return {
    actorFromSession,

    /** Checks the password and opens a session; returns the cookie token and the actor. */
    async login(username: string, password: string) {
      const user = await repo.findUserByUsername(username);
      const ok = user?.isActive ? await verify(user.passwordHash, password) : await verify(await decoyHash, password);
      if (!user || !ok || !user.isActive) {
        await audit.append({ actorUserId: user?.id ?? null, action: 'login_failed', subjectType: 'user', subjectId: username });
        throw new AppError(401, 'error.invalid_credentials');
      }
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await repo.insertSession({
        id: tokenHash(token),
        userId: user.id,
        csrfToken: randomBytes(24).toString('base64url'),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
      });
      await audit.append({ actorUserId: user.id, action: 'login', subjectType: 'user', subjectId: user.id });
      const actor = await actorFromSession(token);
      return { token, actor: actor! };
    },

    async logout(actor: Actor) {
      await repo.deleteSession(actor.sessionId);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

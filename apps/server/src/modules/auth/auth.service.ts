import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { Locale, Role } from '@lianxin/core';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import type { RateLimiter } from '../../http/rate-limit-store.js';
import type { Actor } from '../../access/actor.js';
import { hashPassword } from '../../security/password.js';
import type { AuthRepository } from './auth.repository.js';

/** Sessions last a working day and a half; the console signs in again after that. */
export const SESSION_HOURS = 12;

/** From this many consecutive failed sign-ins of one account on, each attempt waits (see signInDelaySeconds). */
export const SIGN_IN_DELAY_FROM = 5;
/** This many consecutive failed sign-ins lock the account until an admin unlocks it. */
export const SIGN_IN_LOCK_AT = 10;
/** The longest wait between attempts, in seconds. */
export const SIGN_IN_MAX_DELAY_SECONDS = 15 * 60;

/**
 * How long an account with `failures` consecutive failed sign-ins must wait after the last one
 * before the next attempt is checked: none below SIGN_IN_DELAY_FROM, then 1 s, 2 s, 4 s … doubling
 * with each failure, at most SIGN_IN_MAX_DELAY_SECONDS.
 */
export const signInDelaySeconds = (failures: number): number =>
  failures < SIGN_IN_DELAY_FROM ? 0 : Math.min(SIGN_IN_MAX_DELAY_SECONDS, 2 ** (failures - SIGN_IN_DELAY_FROM));

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * How long failed sign-ins of a user name that names no active account are remembered: they run
 * through the same delay and lock as an account's, so the answers do not tell names apart.
 */
const UNKNOWN_NAME_MEMORY_MS = 90 * 86_400_000;
const unknownNameKey = (username: string) => `sign-in-name:${username}`;

export interface AuthServiceDeps {
  repo: AuthRepository;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  rateLimiter: Pick<RateLimiter, 'hit' | 'peek'>;
}

/** Sign-in, sign-out and turning a session cookie into an Actor. */
export function createAuthService({ repo, clock, audit, notifier, rateLimiter }: AuthServiceDeps) {
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

  /**
   * One more failed sign-in of an existing account; the SIGN_IN_LOCK_AT-th locks it and ends its
   * open sessions, with a notice to the user and an audit entry.
   */
  async function recordFailure(userId: string) {
    const at = clock.now().toISOString();
    await repo.transaction(async (trx) => {
      const failures = await repo.recordFailedSignIn(trx, userId, at);
      if (failures < SIGN_IN_LOCK_AT || !(await repo.lockAccount(trx, userId, at))) return;
      await repo.endSessionsOf(trx, userId);
      await notifier.notice(trx, [userId], 'notice.account_locked', { failures });
      await audit.append({ actorUserId: null, action: 'lock', subjectType: 'user', subjectId: userId, detail: { failedSignIns: failures } }, trx);
    });
  }

  /** The failures counted against a user name that names no active account (in the shared limiter). */
  async function unknownNameFailures(username: string) {
    const counted = await rateLimiter.peek(unknownNameKey(username));
    const count = counted?.count ?? 0;
    return { count, lastAt: counted?.lastAt ?? null, locked: count >= SIGN_IN_LOCK_AT };
  }

  return {
    actorFromSession,

    /**
     * Checks the password and opens a session; returns the cookie token and the actor.
     * Per account (counted in the database, shared by every server process): a locked account is
     * refused (423) whatever the password; from SIGN_IN_DELAY_FROM consecutive failures on, an
     * attempt before the growing delay has passed is refused (429) without checking the password;
     * the SIGN_IN_LOCK_AT-th failure locks the account, ends its open sessions, notifies its user and
     * is audited. An unknown or disabled user name gets the same answers: its failures are counted in
     * the shared limiter (under a keyed hash of the name) and run through the same delay and lock.
     */
    async login(username: string, password: string) {
      const found = await repo.findUserByUsername(username);
      const user = found?.isActive ? found : null;
      const now = clock.now();
      const failures = user ? { count: user.failedSignIns, lastAt: user.lastFailedSignInAt ? Date.parse(user.lastFailedSignInAt) : null, locked: !!user.lockedAt } : await unknownNameFailures(username);
      if (failures.locked) throw new AppError(423, 'error.account_locked');
      const delay = signInDelaySeconds(failures.count);
      if (delay > 0 && failures.lastAt !== null) {
        const waitMs = failures.lastAt + delay * 1000 - now.getTime();
        if (waitMs > 0) throw new AppError(429, 'error.sign_in_delayed', { seconds: Math.ceil(waitMs / 1000) });
      }
      const ok = user ? await verify(user.passwordHash, password) : await verify(await decoyHash, password);
      if (!user || !ok) {
        if (user) await recordFailure(user.id);
        else await rateLimiter.hit(unknownNameKey(username), UNKNOWN_NAME_MEMORY_MS);
        await audit.append({ actorUserId: user?.id ?? null, action: 'login_failed', subjectType: 'user', subjectId: username });
        throw new AppError(401, 'error.invalid_credentials');
      }
      if (user.failedSignIns > 0) await repo.resetFailedSignIns(user.id);
      const token = randomBytes(32).toString('base64url');
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

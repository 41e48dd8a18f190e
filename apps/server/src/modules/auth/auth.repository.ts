import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Queries behind sign-in and sessions. */
export function createAuthRepository(db: Kysely<DB>) {
  return {
    findUserByUsername(username: string) {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    },
    /** Runs `fn` in one transaction (a failure's count, the lock, its notice and audit entry commit together). */
    transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return db.transaction().execute(fn);
    },
    /**
     * Counts one more failed sign-in in the database itself (`failed_sign_ins + 1`), so that
     * several server processes share the count; returns the new count.
     */
    async recordFailedSignIn(trx: Transaction<DB>, userId: string, at: string): Promise<number> {
      const row = await trx
        .updateTable('users')
        .set((eb) => ({ failedSignIns: eb('failedSignIns', '+', 1), lastFailedSignInAt: at }))
        .where('id', '=', userId)
        .returning('failedSignIns')
        .executeTakeFirstOrThrow();
      return Number(row.failedSignIns);
    },
    /** Locks the account unless it is locked already; true when this call locked it. */
    async lockAccount(trx: Transaction<DB>, userId: string, at: string): Promise<boolean> {
      const result = await trx.updateTable('users').set({ lockedAt: at }).where('id', '=', userId).where('lockedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Ends every open session of a user (the account was locked). */
    endSessionsOf(trx: Transaction<DB>, userId: string) {
      return trx.deleteFrom('sessions').where('userId', '=', userId).execute();
    },
    /** A successful sign-in: the count of failures starts again. */
    resetFailedSignIns(userId: string) {
      return db.updateTable('users').set({ failedSignIns: 0, lastFailedSignInAt: null }).where('id', '=', userId).where('failedSignIns', '>', 0).execute();
    },
    insertSession(session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }) {
      return db.insertInto('sessions').values(session).execute();
    },
    deleteSession(id: string) {
      return db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    deleteExpiredSessions(now: string) {
      return db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
    },
    /** The session with its active user, or undefined when missing, expired, or the user is disabled or locked. */
    findActiveSession(id: string, now: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.userId')
        .select([
          'sessions.id as sessionId',
          'sessions.csrfToken',
          'sessions.expiresAt',
          'users.id as userId',
          'users.username',
          'users.displayName',
          'users.locale',
        ])
        .where('sessions.id', '=', id)
        .where('sessions.expiresAt', '>', now)
        .where('users.isActive', '=', 1)
        .where('users.lockedAt', 'is', null)
        .executeTakeFirst();
    },
    findGrants(userId: string) {
      return db
        .selectFrom('userRoles')
        .innerJoin('units', 'units.id', 'userRoles.unitId')
        .innerJoin('areas', 'areas.code', 'units.areaCode')
        .select(['userRoles.role', 'userRoles.unitId', 'units.name as unitName', 'units.areaCode', 'areas.name as areaName'])
        .where('userRoles.userId', '=', userId)
        .where('units.isActive', '=', 1)
        .orderBy('userRoles.unitId')
        .orderBy('userRoles.role')
        .execute();
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Queries behind sign-in and sessions. */
export function createAuthRepository(db: Kysely<DB>) {
  return {
    findUserByUsername(username: string) {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
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
    /** The session with its active user, or undefined when missing, expired or the user is disabled. */
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

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { unprocessable } from '../../errors.js';
import { leaveQueries } from './leave.repository.js';

/**
 * What other modules call so that nobody on approved leave is given work: dispatch to a named
 * handler, a stationing assignment, a roster slot (422 `error.on_leave`, naming the field).
 */
export async function refuseIfAway(db: Kysely<DB> | Transaction<DB>, userId: string, date: string, field: string): Promise<void> {
  if (!(await leaveQueries.awayOn(db, [userId], date)).has(userId)) return;
  const user = await db.selectFrom('users').select('displayName').where('id', '=', userId).executeTakeFirst();
  throw unprocessable('error.on_leave', { person: user?.displayName ?? userId, date }, field);
}

/** Those of `userIds` not on approved leave on `date` (campaign shares are given only to them). */
export async function presentOn(db: Kysely<DB> | Transaction<DB>, userIds: readonly string[], date: string): Promise<string[]> {
  const away = await leaveQueries.awayOn(db, userIds, date);
  return userIds.filter((u) => !away.has(u));
}

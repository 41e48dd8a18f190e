import type { Kysely, Transaction } from 'kysely';
import { unprocessable } from '../errors.js';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * Who is available for work: approved leave (请假) and cases claimed by the person on duty (值班).
 * Cases, campaigns and stationing ask this; it sits below the modules so that the cases module
 * need not import the duty and leave modules, which themselves work on cases.
 */

/** Those of `userIds` on approved leave on `date`. */
export async function awayOn(db: Q, userIds: readonly string[], date: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('leaves')
    .select('userId')
    .where('userId', 'in', [...userIds])
    .where('state', '=', 'approved')
    .where('startsOn', '<=', date)
    .where('endsOn', '>=', date)
    .execute();
  return new Set(rows.map((r) => r.userId));
}

/**
 * What other modules call so that nobody on approved leave is given work: dispatch to a named
 * handler, a stationing assignment, a roster slot (422 `error.on_leave`, naming the field).
 */
export async function refuseIfAway(db: Q, userId: string, date: string, field: string): Promise<void> {
  if (!(await awayOn(db, [userId], date)).has(userId)) return;
  const user = await db.selectFrom('users').select('displayName').where('id', '=', userId).executeTakeFirst();
  throw unprocessable('error.on_leave', { person: user?.displayName ?? userId, date }, field);
}

/** Those of `userIds` not on approved leave on `date` (campaign shares are given only to them). */
export async function presentOn(db: Q, userIds: readonly string[], date: string): Promise<string[]> {
  const away = await awayOn(db, userIds, date);
  return userIds.filter((u) => !away.has(u));
}

/** The person on duty who claimed each of `caseIds`, where one did (the dispatch queue tags them). */
export async function dutyClaimsOf(db: Q, caseIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('dutyCaseClaims')
    .innerJoin('users', 'users.id', 'dutyCaseClaims.userId')
    .select(['dutyCaseClaims.caseId', 'users.id', 'users.displayName as name'])
    .where('dutyCaseClaims.caseId', 'in', [...caseIds])
    .execute();
  return new Map(rows.map((r) => [r.caseId, { id: r.id, name: r.name }]));
}

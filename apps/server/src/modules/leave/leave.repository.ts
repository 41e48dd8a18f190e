import { addLocalDays } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { LeaveRow, LeaveTable } from '../../db/duty.tables.js';
import { awayOn } from '../../db/availability.js';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The case states in which a handler still owes work (what is handed over while they are away). */
export const OPEN_CASE_STATES: readonly string[] = ['assigned', 'handling', 'reopened'];

/** The dates from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addLocalDays(d, 1)) out.push(d);
  return out;
}

/**
 * Leave (请假) and attendance (考勤) queries. `awayOn` and `leaveDays` are what other modules ask
 * (dispatch, campaign shares, stationing, the roster): only approved leave counts.
 */
export const leaveQueries = {
  /** Those of `userIds` on approved leave on `date`. */
  awayOn,

  /** The dates in [from, to] on which each of `userIds` is on approved leave. */
  async leaveDays(db: Q, userIds: readonly string[], from: string, to: string): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (userIds.length === 0) return out;
    const rows = await db
      .selectFrom('leaves')
      .select(['userId', 'startsOn', 'endsOn'])
      .where('userId', 'in', [...userIds])
      .where('state', '=', 'approved')
      .where('startsOn', '<=', to)
      .where('endsOn', '>=', from)
      .execute();
    for (const r of rows) {
      let set = out.get(r.userId);
      if (!set) out.set(r.userId, (set = new Set()));
      for (const d of datesBetween(r.startsOn > from ? r.startsOn : from, r.endsOn < to ? r.endsOn : to)) set.add(d);
    }
    return out;
  },

  find: (db: Q, id: string) => db.selectFrom('leaves').selectAll().where('id', '=', id).executeTakeFirst(),

  insert: (db: Q, row: LeaveTable) => db.insertInto('leaves').values(row).execute(),

  async move(db: Q, id: string, from: string, changes: Partial<LeaveRow>): Promise<boolean> {
    const r = await db.updateTable('leaves').set(changes).where('id', '=', id).where('state', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** A pending or approved application of the user overlapping [from, to]. */
  overlapping: (db: Q, userId: string, from: string, to: string) =>
    db.selectFrom('leaves').select('id').where('userId', '=', userId).where('state', 'in', ['pending', 'approved']).where('startsOn', '<=', to).where('endsOn', '>=', from).executeTakeFirst(),

  /** Applications of a user, or of units, newest first (at most 200). */
  list: (db: Q, where: { userId?: string; unitIds?: readonly string[]; state?: string }) => {
    let q = db
      .selectFrom('leaves')
      .innerJoin('users', 'users.id', 'leaves.userId')
      .innerJoin('units', 'units.id', 'leaves.unitId')
      .leftJoin('users as decider', 'decider.id', 'leaves.decidedBy')
      .selectAll('leaves')
      .select(['users.displayName as personName', 'units.name as unitName', 'decider.displayName as deciderName']);
    if (where.userId) q = q.where('leaves.userId', '=', where.userId);
    if (where.unitIds) q = q.where('leaves.unitId', 'in', where.unitIds.length ? [...where.unitIds] : ['']);
    if (where.state) q = q.where('leaves.state', '=', where.state);
    return q.orderBy('leaves.appliedAt', 'desc').limit(200).execute();
  },

  /** The open cases a user handles in a unit. */
  openCases: (db: Q, userId: string, unitId: string) =>
    db
      .selectFrom('cases')
      .selectAll()
      .where('handlerUserId', '=', userId)
      .where('currentUnitId', '=', unitId)
      .where('status', 'in', [...OPEN_CASE_STATES])
      .orderBy('currentDueAt', 'asc')
      .limit(500)
      .execute(),

  /** Open-case counts per handler. */
  async openCaseCounts(db: Q, userIds: readonly string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('cases')
      .select(['handlerUserId', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('handlerUserId', 'in', [...userIds])
      .where('status', 'in', [...OPEN_CASE_STATES])
      .groupBy('handlerUserId')
      .execute();
    return new Map(rows.map((r) => [r.handlerUserId!, Number(r.n)]));
  },

  /** Active members of a unit (any role), by name. */
  members: (db: Q, unitId: string) =>
    db
      .selectFrom('userRoles')
      .innerJoin('users', 'users.id', 'userRoles.userId')
      .select(['users.id', 'users.displayName as name'])
      .distinct()
      .where('userRoles.unitId', '=', unitId)
      .where('users.isActive', '=', 1)
      .orderBy('users.displayName')
      .execute(),

  /** The distinct (user, date) with a check-in or a visit in [from, to]. */
  fieldDays: (db: Q, userIds: readonly string[], from: string, to: string) => {
    const part = (table: 'visits' | 'checkIns') =>
      db
        .selectFrom(table)
        .select(['cadreUserId as userId', 'localDate as date'])
        .where('cadreUserId', 'in', userIds.length ? [...userIds] : [''])
        .where('localDate', '>=', from)
        .where('localDate', '<=', to);
    return part('visits').union(part('checkIns')).execute();
  },

  /** The (user, date) of joint office days attended in [from, to]. */
  officeDays: (db: Q, userIds: readonly string[], from: string, to: string) =>
    db
      .selectFrom('officeDayAttendance')
      .innerJoin('officeDaySessions', 'officeDaySessions.id', 'officeDayAttendance.sessionId')
      .select(['officeDayAttendance.userId', 'officeDaySessions.date'])
      .distinct()
      .where('officeDayAttendance.userId', 'in', userIds.length ? [...userIds] : [''])
      .where('officeDaySessions.date', '>=', from)
      .where('officeDaySessions.date', '<=', to)
      .execute(),

  corrections: (db: Q, userIds: readonly string[], from: string, to: string) =>
    db
      .selectFrom('attendanceCorrections')
      .selectAll()
      .where('userId', 'in', userIds.length ? [...userIds] : [''])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),

  async correct(db: Q, row: { userId: string; date: string; status: string; reason: string; correctedBy: string; correctedAt: string }) {
    await db.deleteFrom('attendanceCorrections').where('userId', '=', row.userId).where('date', '=', row.date).execute();
    await db.insertInto('attendanceCorrections').values(row).execute();
  },
};

/**
 * Office days attended (出勤天数) per user in [from, to]: the distinct days with a check-in, a
 * visit or a joint office day attended, with the unit head's corrections applied (a day corrected
 * to present counts, one corrected to absent, leave or a trip does not). Days on approved leave
 * do not count. Users with none are 0. For the cadre evaluation (勤) and the attendance sheet.
 */
export async function attendedDays(db: Q, userIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
  const days = await attendanceDays(db, userIds, from, to);
  return new Map(userIds.map((u) => [u, days.get(u)?.size ?? 0]));
}

/** The attended dates per user (see `attendedDays`). */
export async function attendanceDays(db: Q, userIds: readonly string[], from: string, to: string): Promise<Map<string, Set<string>>> {
  const [field, office, corrections, leave] = await Promise.all([
    leaveQueries.fieldDays(db, userIds, from, to),
    leaveQueries.officeDays(db, userIds, from, to),
    leaveQueries.corrections(db, userIds, from, to),
    leaveQueries.leaveDays(db, userIds, from, to),
  ]);
  const out = new Map<string, Set<string>>(userIds.map((u) => [u, new Set<string>()]));
  for (const r of [...field, ...office]) if (!leave.get(r.userId)?.has(r.date)) out.get(r.userId)?.add(r.date);
  for (const c of corrections) {
    if (c.status === 'present') out.get(c.userId)?.add(c.date);
    else out.get(c.userId)?.delete(c.date);
  }
  return out;
}


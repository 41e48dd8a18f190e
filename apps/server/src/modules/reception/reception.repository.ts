import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { inRanges } from '../field-work/field-scope.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Appointment states that take a place in a session. */
export const BOOKED_STATUSES = ['requested', 'confirmed', 'done'] as const;

export const receptionRepository = {
  /** Sessions with the leader's name and the area's name; filters apply in SQL. */
  sessions(db: Q) {
    return db
      .selectFrom('receptionSessions as s')
      .innerJoin('users as u', 'u.id', 's.leaderUserId')
      .innerJoin('areas as ar', 'ar.code', 's.areaCode')
      .select(['s.id', 's.leaderUserId', 'u.displayName as leaderName', 's.areaCode', 'ar.name as areaName', 's.startsAt', 's.endsAt', 's.place', 's.topic', 's.capacity', 's.isPublished', 's.isCancelled', 's.createdAt', 's.updatedAt'])
      .select((eb) =>
        eb
          .selectFrom('receptionAppointments as ra')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('ra.sessionId', '=', 's.id')
          .where('ra.status', 'in', BOOKED_STATUSES)
          .as('booked'),
      );
  },

  async findSession(db: Q, id: string) {
    return this.sessions(db).where('s.id', '=', id).executeTakeFirst();
  },

  async listSessions(db: Q, f: { ranges?: [string, string][]; from?: string; to?: string; publishedOnly?: boolean; limit: number }) {
    let q = this.sessions(db);
    const { ranges } = f;
    if (ranges) q = q.where((eb) => inRanges(eb, 's.areaCode', ranges));
    if (f.from) q = q.where('s.endsAt', '>=', f.from);
    if (f.to) q = q.where('s.startsAt', '<', f.to);
    if (f.publishedOnly) q = q.where('s.isPublished', '=', 1).where('s.isCancelled', '=', 0);
    return q.orderBy('s.startsAt').orderBy('s.id').limit(f.limit).execute();
  },

  async appointments(db: Q, sessionId: string) {
    return db.selectFrom('receptionAppointments').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').execute();
  },

  async cases(db: Q, sessionId: string) {
    return db
      .selectFrom('receptionSessionCases as l')
      .innerJoin('cases as c', 'c.id', 'l.caseId')
      .select(['c.id', 'c.code', 'c.title', 'c.status', 'c.channel', 'c.categoryCode', 'l.linkedAt'])
      .where('l.sessionId', '=', sessionId)
      .orderBy('l.linkedAt')
      .execute();
  },

  /** Places taken; call inside the transaction that books. */
  async bookedCount(db: Q, sessionId: string): Promise<number> {
    const row = await db.selectFrom('receptionAppointments').select((eb) => eb.fn.countAll<number>().as('n')).where('sessionId', '=', sessionId).where('status', 'in', BOOKED_STATUSES).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async hasBooking(db: Q, sessionId: string, phoneKey: string): Promise<boolean> {
    return !!(await db.selectFrom('receptionAppointments').select('id').where('sessionId', '=', sessionId).where('phoneKey', '=', phoneKey).where('status', 'in', BOOKED_STATUSES).executeTakeFirst());
  },
};
export type SessionView = NonNullable<Awaited<ReturnType<typeof receptionRepository.findSession>>>;

import type { AreaRange } from '@lianxin/core';
import type { Kysely, Transaction, Updateable } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import type { ReceptionAppointmentTable, ReceptionSessionTable } from '../../db/field-work.tables.js';
import { usersRepository } from '../users/users.repository.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Appointment states that take a place in a session. */
export const BOOKED_STATUSES = ['requested', 'confirmed', 'done'] as const;

/** Sessions with the leader's name, the area's name and the places taken; filters apply in SQL. */
function sessions(db: Q) {
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
}

/** Which sessions a list reads. */
export interface SessionFilter {
  ranges?: readonly AreaRange[];
  from?: string;
  to?: string;
  publishedOnly?: boolean;
  limit: number;
}

/** The reception tables: the only place with the reception module's SQL. */
export function createReceptionRepository(db: Kysely<DB>) {
  return {
    /** Runs `work` in one transaction; the writes below that take `trx` belong inside it. */
    transaction: <T>(work: (trx: Transaction<DB>) => Promise<T>) => db.transaction().execute(work),

    findUser: (id: string) => usersRepository.find(db, id),

    // ——— Sessions ———

    findSession: (id: string) => sessions(db).where('s.id', '=', id).executeTakeFirst(),

    listSessions(f: SessionFilter) {
      let q = sessions(db);
      const { ranges } = f;
      if (ranges) q = q.where((eb) => inRanges(eb, 's.areaCode', ranges));
      if (f.from) q = q.where('s.endsAt', '>=', f.from);
      if (f.to) q = q.where('s.startsAt', '<', f.to);
      if (f.publishedOnly) q = q.where('s.isPublished', '=', 1).where('s.isCancelled', '=', 0);
      return q.orderBy('s.startsAt').orderBy('s.id').limit(f.limit).execute();
    },

    async insertSession(trx: Transaction<DB>, row: ReceptionSessionTable) {
      await trx.insertInto('receptionSessions').values(row).execute();
    },

    async updateSession(trx: Transaction<DB>, id: string, patch: Updateable<ReceptionSessionTable>) {
      await trx.updateTable('receptionSessions').set(patch).where('id', '=', id).execute();
    },

    /** Touching the session row first serialises bookings of one session on PostgreSQL too. */
    async lockSession(trx: Transaction<DB>, id: string, now: string) {
      await trx.updateTable('receptionSessions').set({ updatedAt: now }).where('id', '=', id).execute();
    },

    // ——— Appointments ———

    appointments: (sessionId: string) => db.selectFrom('receptionAppointments').selectAll().where('sessionId', '=', sessionId).orderBy('createdAt').execute(),

    findAppointment: (id: string) => db.selectFrom('receptionAppointments').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Places taken; call inside the transaction that books. */
    async bookedCount(trx: Transaction<DB>, sessionId: string): Promise<number> {
      const row = await trx
        .selectFrom('receptionAppointments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sessionId', '=', sessionId)
        .where('status', 'in', BOOKED_STATUSES)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Whether the phone (by its blind index) already holds a place in the session. */
    async hasBooking(trx: Transaction<DB>, sessionId: string, phoneKey: string): Promise<boolean> {
      const row = await trx.selectFrom('receptionAppointments').select('id').where('sessionId', '=', sessionId).where('phoneKey', '=', phoneKey).where('status', 'in', BOOKED_STATUSES).executeTakeFirst();
      return row !== undefined;
    },

    async insertAppointment(trx: Transaction<DB>, row: ReceptionAppointmentTable) {
      await trx.insertInto('receptionAppointments').values(row).execute();
    },

    async updateAppointment(trx: Transaction<DB>, id: string, changes: Pick<ReceptionAppointmentTable, 'status' | 'caseId' | 'updatedAt'>) {
      await trx.updateTable('receptionAppointments').set(changes).where('id', '=', id).execute();
    },

    // ——— Cases taken at a session ———

    cases: (sessionId: string) =>
      db
        .selectFrom('receptionSessionCases as l')
        .innerJoin('cases as c', 'c.id', 'l.caseId')
        .select(['c.id', 'c.code', 'c.title', 'c.status', 'c.channel', 'c.categoryCode', 'l.linkedAt'])
        .where('l.sessionId', '=', sessionId)
        .orderBy('l.linkedAt')
        .execute(),

    /** Links a case to the session; linking twice changes nothing. */
    async linkCase(trx: Transaction<DB>, sessionId: string, caseId: string, linkedBy: string, linkedAt: string) {
      await trx
        .insertInto('receptionSessionCases')
        .values({ sessionId, caseId, linkedBy, linkedAt })
        .onConflict((oc) => oc.columns(['sessionId', 'caseId']).doNothing())
        .execute();
    },
  };
}
export type ReceptionRepository = ReturnType<typeof createReceptionRepository>;
/** A session as the repository reads it. */
export type SessionView = NonNullable<Awaited<ReturnType<ReceptionRepository['findSession']>>>;

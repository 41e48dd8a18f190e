import { randomUUID } from 'node:crypto';
import {
  type AppointmentStatus,
  maskName,
  maskPhone,
  type ReceptionAppointmentCreate,
  type ReceptionAppointmentUpdate,
  type ReceptionListQuery,
  type ReceptionSessionCreate,
  type ReceptionSessionUpdate,
} from '@lianxin/core';
import { AppError, notFound, unknownReference } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Actor } from '../../access/actor.js';
import { orgQueries } from '../org/org.repository.js';
import { assertRoleOver, FIELD_MANAGE_ROLES, FIELD_WRITE_ROLES, fieldRanges, narrowRanges } from '../field-work/field-scope.js';
import { receptionRepository as repo, type SessionView } from './reception.repository.js';

/** Who may move an appointment where: requested → confirmed → done, and cancelled from either. */
const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  requested: ['confirmed', 'done', 'cancelled'],
  confirmed: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};
const STAFF_ROLES = [...new Set([...FIELD_WRITE_ROLES, ...FIELD_MANAGE_ROLES])];

const presentSession = (s: SessionView) => ({
  id: s.id,
  leader: { id: s.leaderUserId, name: s.leaderName },
  areaCode: s.areaCode,
  areaName: s.areaName,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  place: s.place,
  topic: s.topic,
  capacity: s.capacity,
  booked: Number(s.booked),
  isPublished: !!s.isPublished,
  isCancelled: !!s.isCancelled,
});

/**
 * The public schedule: when, where, who receives and how many places remain — no appointment,
 * requester or case data of any kind.
 */
const presentPublic = (s: SessionView) => ({
  id: s.id,
  leaderName: s.leaderName,
  areaName: s.areaName,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  place: s.place,
  topic: s.topic,
  capacity: s.capacity,
  available: Math.max(0, s.capacity - Number(s.booked)),
});

/** Leader reception days (领导接访日, SPEC §4): the schedule, appointments (约访) and cases taken. */
export function createReceptionService(services: Services) {
  const { db, clock, audit, cipher } = services;

  async function visibleSession(actor: Actor, id: string, roles: readonly string[] = STAFF_ROLES): Promise<SessionView> {
    const s = await repo.findSession(db, id);
    if (!s) throw notFound();
    assertRoleOver(actor, roles as never, s.areaCode);
    return s;
  }

  async function detail(s: SessionView) {
    const [appointments, cases] = await Promise.all([repo.appointments(db, s.id), repo.cases(db, s.id)]);
    return {
      ...presentSession(s),
      appointments: appointments.map((a) => ({
        id: a.id,
        name: maskName(cipher.decrypt(a.nameEnc)),
        phone: maskPhone(cipher.decrypt(a.phoneEnc)),
        matter: a.matter,
        status: a.status,
        channel: a.channel,
        caseId: a.caseId,
        createdAt: a.createdAt,
      })),
      cases,
    };
  }

  /** Books a place in one transaction: closed, full and twice-booked sessions are refused. */
  async function book(s: SessionView, body: ReceptionAppointmentCreate, channel: 'portal' | 'staff', actor: Actor | null) {
    if (s.isCancelled || s.endsAt <= clock.now().toISOString()) throw new AppError(422, 'error.reception_closed');
    const phoneKey = cipher.blindIndex(body.phone);
    const now = clock.now().toISOString();
    const row = {
      id: randomUUID(),
      sessionId: s.id,
      nameEnc: cipher.encrypt(body.name),
      phoneEnc: cipher.encrypt(body.phone),
      phoneKey,
      matter: body.matter,
      status: channel === 'staff' ? 'confirmed' : 'requested',
      channel,
      caseId: null,
      createdBy: actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await db.transaction().execute(async (trx) => {
      // Touching the session row first serialises bookings of one session on PostgreSQL too.
      await trx.updateTable('receptionSessions').set({ updatedAt: now }).where('id', '=', s.id).execute();
      if (await repo.hasBooking(trx, s.id, phoneKey)) throw new AppError(409, 'error.appointment_duplicate', {}, 'phone');
      if ((await repo.bookedCount(trx, s.id)) >= s.capacity) throw new AppError(422, 'error.reception_full');
      await trx.insertInto('receptionAppointments').values(row).execute();
      await audit.append({ actorUserId: actor?.userId ?? null, action: 'appointment', subjectType: 'reception_session', subjectId: s.id, detail: { appointmentId: row.id, channel } }, trx);
    });
    return { id: row.id, sessionId: s.id, status: row.status, channel, name: maskName(body.name), phone: maskPhone(body.phone), startsAt: s.startsAt, place: s.place };
  }

  return {
    async create(actor: Actor, input: ReceptionSessionCreate) {
      assertRoleOver(actor, FIELD_MANAGE_ROLES, input.areaCode);
      if (!(await orgQueries.findArea(db, input.areaCode))) throw unknownReference('areaCode', 'area');
      const leader = await db.selectFrom('users').select(['id', 'isActive']).where('id', '=', input.leaderUserId).executeTakeFirst();
      if (!leader || !leader.isActive) throw unknownReference('leaderUserId', 'user');
      const now = clock.now().toISOString();
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('receptionSessions')
          .values({ id, leaderUserId: input.leaderUserId, areaCode: input.areaCode, startsAt: new Date(input.startsAt).toISOString(), endsAt: new Date(input.endsAt).toISOString(), place: input.place, topic: input.topic ?? null, capacity: input.capacity, isPublished: input.isPublished ? 1 : 0, isCancelled: 0, createdBy: actor.userId, createdAt: now, updatedAt: now })
          .execute();
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'reception_session', subjectId: id, detail: { leaderUserId: input.leaderUserId, startsAt: input.startsAt } }, trx);
      });
      return detail((await repo.findSession(db, id))!);
    },

    async update(actor: Actor, id: string, input: ReceptionSessionUpdate) {
      await visibleSession(actor, id, FIELD_MANAGE_ROLES);
      const patch: Record<string, unknown> = { updatedAt: clock.now().toISOString() };
      if (input.place !== undefined) patch.place = input.place;
      if (input.topic !== undefined) patch.topic = input.topic;
      if (input.capacity !== undefined) patch.capacity = input.capacity;
      if (input.isPublished !== undefined) patch.isPublished = input.isPublished ? 1 : 0;
      if (input.isCancelled !== undefined) patch.isCancelled = input.isCancelled ? 1 : 0;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('receptionSessions').set(patch).where('id', '=', id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'reception_session', subjectId: id, detail: { changed: Object.keys(input) } }, trx);
      });
      return detail((await repo.findSession(db, id))!);
    },

    async list(actor: Actor, query: ReceptionListQuery & { areaCode?: string }) {
      const ranges = narrowRanges(fieldRanges(actor), query.areaCode);
      const rows = await repo.listSessions(db, { ranges, from: query.from && new Date(query.from).toISOString(), to: query.to && new Date(query.to).toISOString(), limit: query.limit });
      return { items: rows.map(presentSession) };
    },

    session: async (actor: Actor, id: string) => detail(await visibleSession(actor, id)),

    /** The published schedule from now on (or in [from, to]), for the portal. */
    async publicSchedule(query: ReceptionListQuery) {
      const now = clock.now().toISOString();
      const from = query.from && new Date(query.from).toISOString() > now ? new Date(query.from).toISOString() : now;
      const rows = await repo.listSessions(db, { publishedOnly: true, from, to: query.to && new Date(query.to).toISOString(), limit: query.limit });
      return { items: rows.map(presentPublic) };
    },

    /** An appointment request from the portal; unpublished sessions do not exist for residents. */
    async publicRequest(sessionId: string, body: ReceptionAppointmentCreate) {
      const s = await repo.findSession(db, sessionId);
      if (!s || !s.isPublished) throw notFound();
      return book(s, body, 'portal', null);
    },

    async staffRequest(actor: Actor, sessionId: string, body: ReceptionAppointmentCreate) {
      return book(await visibleSession(actor, sessionId), body, 'staff', actor);
    },

    /** Moves an appointment on (and may record the case registered from it). */
    async updateAppointment(actor: Actor, id: string, input: ReceptionAppointmentUpdate) {
      const a = await db.selectFrom('receptionAppointments').selectAll().where('id', '=', id).executeTakeFirst();
      if (!a) throw notFound();
      const s = await visibleSession(actor, a.sessionId);
      if (input.status !== a.status && !NEXT[a.status as AppointmentStatus].includes(input.status)) throw new AppError(409, 'error.appointment_transition', { from: a.status, to: input.status }, 'status');
      if (input.caseId) await this.linkCase(actor, s.id, input.caseId);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('receptionAppointments').set({ status: input.status, caseId: input.caseId ?? a.caseId, updatedAt: clock.now().toISOString() }).where('id', '=', id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'appointment_status', subjectType: 'reception_session', subjectId: s.id, detail: { appointmentId: id, from: a.status, to: input.status } }, trx);
      });
      return detail((await repo.findSession(db, s.id))!);
    },

    /** The requester's name and phone in clear, for staff who must call back; audited. */
    async revealAppointment(actor: Actor, id: string) {
      const a = await db.selectFrom('receptionAppointments').selectAll().where('id', '=', id).executeTakeFirst();
      if (!a) throw notFound();
      await visibleSession(actor, a.sessionId, FIELD_MANAGE_ROLES);
      await audit.append({ actorUserId: actor.userId, action: 'reveal_personal_data', subjectType: 'reception_appointment', subjectId: id });
      return { name: cipher.decrypt(a.nameEnc), phone: cipher.decrypt(a.phoneEnc) };
    },

    /** Links a case taken at the session (the actor must see the case). */
    async linkCase(actor: Actor, sessionId: string, caseId: string) {
      const s = await visibleSession(actor, sessionId);
      await services.cases.visibleCase(actor, caseId).catch((error: AppError) => {
        throw error.status === 404 ? unknownReference('caseId', 'case') : error;
      });
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('receptionSessionCases').values({ sessionId, caseId, linkedBy: actor.userId, linkedAt: clock.now().toISOString() }).onConflict((oc) => oc.columns(['sessionId', 'caseId']).doNothing()).execute();
        await audit.append({ actorUserId: actor.userId, action: 'link_case', subjectType: 'reception_session', subjectId: sessionId, detail: { caseId } }, trx);
      });
      return detail(s);
    },
  };
}

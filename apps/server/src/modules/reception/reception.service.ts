import { randomUUID } from 'node:crypto';
import {
  APPOINTMENT_NEXT,
  type AppointmentChannel,
  maskName,
  maskPhone,
  type ReceptionAppointmentCreate,
  type ReceptionAppointmentUpdate,
  type ReceptionListQuery,
  type ReceptionSessionCreate,
  type ReceptionSessionUpdate,
} from '@lianxin/core';
import type { Updateable } from 'kysely';
import { type Ability, type AreaRange, assertCan, assertInRanges, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { ReceptionSessionTable } from '../../db/field-work.tables.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { OrgRepository } from '../org/org.repository.js';
import { presentAppointment, presentPublicSession, presentSession } from './reception.presenter.js';
import type { ReceptionRepository, SessionView } from './reception.repository.js';

export interface ReceptionDeps {
  reception: ReceptionRepository;
  org: OrgRepository;
  cases: Pick<CasesService, 'visibleCase'>;
  audit: AuditLog;
  cipher: Cipher;
  clock: Clock;
}

/** Leader reception days (领导接访日, SPEC §4): the schedule, appointments (约访) and cases taken. */
export function createReceptionService({ reception: repo, org, cases, audit, cipher, clock }: ReceptionDeps) {
  /** The session, if its area lies in `ranges`. */
  async function sessionIn(ranges: readonly AreaRange[], id: string): Promise<SessionView> {
    const s = await repo.findSession(id);
    if (!s) throw notFound();
    assertInRanges(ranges, s.areaCode);
    return s;
  }

  /** The session, if the actor has `ability` over its area (staff in the field read, planners manage). */
  const visibleSession = (actor: Actor, id: string, ability: Ability = 'field.read') => sessionIn(rangesFor(actor, ability), id);

  /** The session as staff see it, with its appointments (masked) and the cases taken. */
  async function detail(s: SessionView) {
    const [appointments, taken] = await Promise.all([repo.appointments(s.id), repo.cases(s.id)]);
    return { ...presentSession(s), appointments: appointments.map((a) => presentAppointment(a, cipher.decrypt)), cases: taken };
  }

  /** The session read again after a change. */
  const reloaded = async (id: string) => detail((await repo.findSession(id))!);

  /** Books a place in one transaction: closed, full and twice-booked sessions are refused. */
  async function book(s: SessionView, body: ReceptionAppointmentCreate, channel: AppointmentChannel, actor: Actor | null) {
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
      status: channel === 'staff' ? ('confirmed' as const) : ('requested' as const),
      channel,
      caseId: null,
      createdBy: actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await repo.transaction(async (trx) => {
      await repo.lockSession(trx, s.id, now);
      if (await repo.hasBooking(trx, s.id, phoneKey)) throw new AppError(409, 'error.appointment_duplicate', {}, 'phone');
      if ((await repo.bookedCount(trx, s.id)) >= s.capacity) throw new AppError(422, 'error.reception_full');
      await repo.insertAppointment(trx, row);
      await audit.append({ actorUserId: actor?.userId ?? null, action: 'appointment', subjectType: 'reception_session', subjectId: s.id, detail: { appointmentId: row.id, channel } }, trx);
    });
    return {
      id: row.id,
      sessionId: s.id,
      status: row.status,
      channel,
      name: maskName(body.name),
      phone: maskPhone(body.phone),
      startsAt: s.startsAt,
      place: s.place,
      reference: appointmentReference(row.id),
      cancelToken: channel === 'portal' ? cipher.sign({ p: 'appointment', a: row.id }) : null,
    };
  }

  /** Links a case taken at the session (the actor must see the case). */
  async function linkCase(actor: Actor, sessionId: string, caseId: string) {
    const s = await visibleSession(actor, sessionId);
    await cases.visibleCase(actor, caseId).catch((error: AppError) => {
      throw error.status === 404 ? unknownReference('caseId', 'case') : error;
    });
    await repo.transaction(async (trx) => {
      await repo.linkCase(trx, sessionId, caseId, actor.userId, clock.now().toISOString());
      await audit.append({ actorUserId: actor.userId, action: 'link_case', subjectType: 'reception_session', subjectId: sessionId, detail: { caseId } }, trx);
    });
    return detail(s);
  }

  return {
    async create(actor: Actor, input: ReceptionSessionCreate) {
      assertCan(actor, 'field.manage', input);
      if (!(await org.findArea(input.areaCode))) throw unknownReference('areaCode', 'area');
      const leader = await repo.findUser(input.leaderUserId);
      if (!leader || !leader.isActive) throw unknownReference('leaderUserId', 'user');
      const now = clock.now().toISOString();
      const id = randomUUID();
      await repo.transaction(async (trx) => {
        await repo.insertSession(trx, {
          id,
          leaderUserId: input.leaderUserId,
          areaCode: input.areaCode,
          startsAt: new Date(input.startsAt).toISOString(),
          endsAt: new Date(input.endsAt).toISOString(),
          place: input.place,
          topic: input.topic ?? null,
          capacity: input.capacity,
          isPublished: input.isPublished ? 1 : 0,
          isCancelled: 0,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'reception_session', subjectId: id, detail: { leaderUserId: input.leaderUserId, startsAt: input.startsAt } }, trx);
      });
      return reloaded(id);
    },

    async update(actor: Actor, id: string, input: ReceptionSessionUpdate) {
      await visibleSession(actor, id, 'field.manage');
      const patch: Updateable<ReceptionSessionTable> = { updatedAt: clock.now().toISOString() };
      if (input.place !== undefined) patch.place = input.place;
      if (input.topic !== undefined) patch.topic = input.topic;
      if (input.capacity !== undefined) patch.capacity = input.capacity;
      if (input.isPublished !== undefined) patch.isPublished = input.isPublished ? 1 : 0;
      if (input.isCancelled !== undefined) patch.isCancelled = input.isCancelled ? 1 : 0;
      await repo.transaction(async (trx) => {
        await repo.updateSession(trx, id, patch);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'reception_session', subjectId: id, detail: { changed: Object.keys(input) } }, trx);
      });
      return reloaded(id);
    },

    async list(actor: Actor, query: ReceptionListQuery) {
      const ranges = narrowRanges(rangesFor(actor, 'field.read'), query.areaCode);
      const rows = await repo.listSessions({ ranges, from: query.from && new Date(query.from).toISOString(), to: query.to && new Date(query.to).toISOString(), limit: query.limit });
      return { items: rows.map(presentSession) };
    },

    session: async (actor: Actor, id: string) => detail(await visibleSession(actor, id)),

    /** The published schedule from now on (or in [from, to]), for the portal: no login, no actor. */
    async publicSchedule(query: ReceptionListQuery) {
      const now = clock.now().toISOString();
      const from = query.from && new Date(query.from).toISOString() > now ? new Date(query.from).toISOString() : now;
      const rows = await repo.listSessions({ publishedOnly: true, from, to: query.to && new Date(query.to).toISOString(), limit: query.limit });
      return { items: rows.map(presentPublicSession) };
    },

    /** An appointment request from the portal; unpublished sessions do not exist for residents. */
    async publicRequest(sessionId: string, body: ReceptionAppointmentCreate) {
      const s = await repo.findSession(sessionId);
      if (!s || !s.isPublished) throw notFound();
      return book(s, body, 'portal', null);
    },

    async staffRequest(actor: Actor, sessionId: string, body: ReceptionAppointmentCreate) {
      return book(await visibleSession(actor, sessionId), body, 'staff', actor);
    },

    /** Moves an appointment on (and may record the case registered from it). */
    async updateAppointment(actor: Actor, id: string, input: ReceptionAppointmentUpdate) {
      const ranges = rangesFor(actor, 'field.read');
      const a = await repo.findAppointment(id);
      if (!a) throw notFound();
      const s = await sessionIn(ranges, a.sessionId);
      if (input.status !== a.status && !(APPOINTMENT_NEXT[a.status] as readonly string[]).includes(input.status)) throw new AppError(409, 'error.appointment_transition', { from: a.status, to: input.status }, 'status');
      if (input.caseId) await linkCase(actor, s.id, input.caseId);
      await repo.transaction(async (trx) => {
        await repo.updateAppointment(trx, id, { status: input.status, caseId: input.caseId ?? a.caseId, updatedAt: clock.now().toISOString() });
        await audit.append({ actorUserId: actor.userId, action: 'appointment_status', subjectType: 'reception_session', subjectId: s.id, detail: { appointmentId: id, from: a.status, to: input.status } }, trx);
      });
      return reloaded(s.id);
    },

    /** The requester's name and phone in clear, for staff who must call back; audited. */
    async revealAppointment(actor: Actor, id: string) {
      const ranges = rangesFor(actor, 'field.manage');
      const a = await repo.findAppointment(id);
      if (!a) throw notFound();
      await sessionIn(ranges, a.sessionId);
      await audit.append({ actorUserId: actor.userId, action: 'reveal_personal_data', subjectType: 'reception_appointment', subjectId: id });
      return { name: cipher.decrypt(a.nameEnc), phone: cipher.decrypt(a.phoneEnc) };
    },

    linkCase,

    // — screens —
    /** The resident cancels their own booking with the token given at booking (no account); audited. */
    async publicCancel(token: string) {
      const payload = cipher.verify<{ p?: string; a?: string }>(token);
      if (!payload || payload.p !== 'appointment' || typeof payload.a !== 'string') throw new AppError(404, 'error.appointment_token', {}, 'token');
      const a = await repo.findAppointment(payload.a);
      if (!a) throw new AppError(404, 'error.appointment_token', {}, 'token');
      const s = (await repo.findSession(a.sessionId))!;
      if (a.status !== 'cancelled') {
        if (!(APPOINTMENT_NEXT[a.status] as readonly string[]).includes('cancelled')) throw new AppError(409, 'error.appointment_transition', { from: a.status, to: 'cancelled' }, 'token');
        await repo.transaction(async (trx) => {
          await repo.updateAppointment(trx, a.id, { status: 'cancelled', caseId: a.caseId, updatedAt: clock.now().toISOString() });
          await audit.append({ actorUserId: null, action: 'appointment_status', subjectType: 'reception_session', subjectId: s.id, detail: { appointmentId: a.id, from: a.status, to: 'cancelled', channel: 'portal' } }, trx);
        });
      }
      return { reference: appointmentReference(a.id), status: 'cancelled' as const, startsAt: s.startsAt, place: s.place };
    },
  };
}

/** 预约编号: what a resident reads out on the phone (JF- and the first 8 characters of the id). */
export const appointmentReference = (id: string) => `JF-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
export type ReceptionService = ReturnType<typeof createReceptionService>;

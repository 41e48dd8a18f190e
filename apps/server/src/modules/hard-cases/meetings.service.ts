import { randomUUID } from 'node:crypto';
import {
  ACCESS_RULES,
  clockStageOf,
  type ClockStage,
  endOfLocalDay,
  grantsWith,
  localDate,
  type Locale,
  type MeetingCreate,
  type MeetingDecision,
  type MeetingListQuery,
  type MeetingUpdate,
  rangesOf,
} from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan, can, caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { HardCaseMeetingTable } from '../../db/hard-cases.tables.js';
import type { CaseRow, CaseUpdate, DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, unknownReference, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { casesRepository } from '../cases/cases.repository.js';
import type { CasesService } from '../cases/cases.service.js';
import { restartClock } from '../cases/cases.transition-kit.js';
import { MIME_TYPES } from '../documents/documents.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { orgQueries } from '../org/org.repository.js';
import { hardCasesRepository as names } from './hard-cases.repository.js';
import { isCaseOpen, presentMeeting, presentMeetingDetail } from './hard-cases.presenter.js';
import { meetingsRepository as repo } from './meetings.repository.js';
import { renderMinutes } from './minutes-document.js';
import type { TaskForcesService } from './task-forces.service.js';

export interface MeetingsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  cases: Pick<CasesService, 'run' | 'record'>;
  taskForces: Pick<TaskForcesService, 'formIn'>;
}

type MeetingRow = HardCaseMeetingTable;

/** The column holding the due date of each clock stage (the sweep reads `current_due_at`). */
const DUE_COLUMN: Record<ClockStage, keyof CaseUpdate> = {
  intake: 'intakeDueAt',
  accept: 'acceptDueAt',
  handle: 'handleDueAt',
  evaluate: 'evaluateDueAt',
  review: 'reviewDueAt',
  rereview: 'reviewDueAt',
};

/** "2026-03-10 09:00" in China time, for notices. */
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Joint review meetings (集中会审): supervisors and leaders schedule one for an area, invite the
 * units concerned (each notified), put cases on the agenda, record minutes and one decision per
 * case — assign a leader (the lifecycle's own `assign_leader`), form a task force, set a new date
 * for the current stage, or close with an explanation (the lifecycle's `close`, where the state
 * allows). Each decision is an event on its case. Holding the meeting locks it.
 */
export function createMeetingsService({ db, clock, audit, notifier, cases, taskForces }: MeetingsDeps) {
  const nowIso = () => clock.now().toISOString();

  /** The meeting, if the actor may read it: manager over its area, or member of an invited unit. */
  async function visible(actor: Actor, id: string): Promise<{ m: MeetingRow; manage: boolean }> {
    if (grantsWith(actor.grants, 'hard_case.read').length === 0) throw forbidden();
    const m = await repo.find(db, id);
    if (!m) throw notFound();
    const manage = can(actor, 'hard_case.manage', m);
    if (manage) return { m, manage };
    const invited = await repo.unitIdsOf(db, id);
    if (actor.grants.some((g) => invited.includes(g.unitId))) return { m, manage };
    throw outOfScope();
  }

  /** A planned meeting the actor manages; 409 once held. */
  async function managed(actor: Actor, id: string): Promise<MeetingRow> {
    const { m } = await visible(actor, id);
    assertCan(actor, 'hard_case.manage', m);
    if (m.status !== 'planned') throw new AppError(409, 'error.meeting_held');
    return m;
  }

  async function detail(actor: Actor, m: MeetingRow, manage: boolean) {
    const [chair, units, agenda] = await Promise.all([names.userNames(db, [m.chairUserId]), repo.unitsOf(db, m.id), repo.agendaOf(db, m.id)]);
    return presentMeetingDetail(m, chair.get(m.chairUserId) ?? '', units, agenda, manage);
  }

  async function checkChair(trx: Transaction<DB>, userId: string) {
    if ((await names.activeUsers(trx, [userId])).length === 0) throw unknownReference('chairUserId', 'user');
  }

  async function checkUnits(trx: Transaction<DB>, unitIds: string[]) {
    const found = await names.units(trx, unitIds);
    if (found.length !== new Set(unitIds).size || found.some((u) => !u.isActive)) throw unknownReference('unitIds', 'unit');
  }

  /** The agenda's cases: each must exist, be open, and lie where the actor manages hard cases. */
  async function checkCases(trx: Transaction<DB>, actor: Actor, caseIds: string[]) {
    const ranges = rangesOf(actor.grants, 'hard_case.manage');
    const rows = await trx.selectFrom('cases').select(['id', 'status', 'areaCode']).where('id', 'in', [...new Set(caseIds)]).execute();
    if (rows.length !== new Set(caseIds).size) throw unknownReference('caseIds', 'case');
    if (rows.some((r) => !ranges.some(([lo, hi]) => r.areaCode >= lo && r.areaCode < hi))) throw outOfScope();
    if (rows.some((r) => !isCaseOpen(r))) throw unprocessable('error.case_not_open', {}, 'caseIds');
  }

  /** Tells the members of the newly invited units who may open the meeting (and the chair) about it. */
  async function invite(trx: Transaction<DB>, m: MeetingRow, unitIds: string[]) {
    const people = [m.chairUserId];
    for (const unitId of unitIds) people.push(...(await orgQueries.usersInUnit(trx, unitId, ACCESS_RULES['hard_case.read'].roles)));
    await notifier.notice(trx, people, 'notice.hard_case_meeting', { title: m.title, time: chinaTime(m.scheduledAt), place: m.place, meetingId: m.id }, { target: { kind: 'hard_case_meeting', id: m.id } });
  }

  /** Applies one decision on the case (in the caller's transaction); answers the particulars to keep. */
  async function applyDecision(trx: Transaction<DB>, actor: Actor, m: MeetingRow, c: CaseRow, d: MeetingDecision): Promise<Record<string, unknown>> {
    const event = (row: CaseRow, changes: CaseUpdate, note: string | null, data: Record<string, unknown>) =>
      cases.record(trx, actor, row, 'hard_case_decision', changes, note, { meetingId: m.id, decision: d.kind, ...data });
    switch (d.kind) {
      case 'assign_leader': {
        const after = await event(c, {}, d.note ?? null, { leaderUserId: d.leaderUserId });
        await cases.run(trx, actor, after, 'assign_leader', { leaderUserId: d.leaderUserId });
        return { leaderUserId: d.leaderUserId };
      }
      case 'task_force': {
        const after = await event(c, {}, d.note ?? null, {});
        const { taskForceId } = await taskForces.formIn(trx, actor, after, d.taskForce, m.id);
        return { taskForceId };
      }
      case 'new_date': {
        const stage = clockStageOf(c.status);
        if (!stage) throw unprocessable('error.no_running_clock', {}, 'caseId');
        if (d.dueOn <= localDate(clock.now())) throw unprocessable('error.due_not_future', {}, 'dueOn');
        const dueAt = endOfLocalDay(d.dueOn).toISOString();
        await event(c, { ...restartClock(dueAt), [DUE_COLUMN[stage]]: dueAt }, d.note ?? null, { stage, dueAt });
        return { stage, dueAt };
      }
      case 'close': {
        const after = await event(c, {}, d.explanation, {});
        await cases.run(trx, actor, after, 'close', { note: d.explanation });
        return {};
      }
    }
  }

  return {
    async list(actor: Actor, query: MeetingListQuery) {
      const readers = grantsWith(actor.grants, 'hard_case.read');
      if (readers.length === 0) throw forbidden();
      const rows = await repo.list(db, { areaRanges: rangesOf(actor.grants, 'hard_case.manage'), unitIds: [...new Set(actor.grants.map((g) => g.unitId))] }, query.status, query.offset, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const [chairs, counts] = await Promise.all([
        names.userNames(
          db,
          page.map((m) => m.chairUserId),
        ),
        repo.counts(
          db,
          page.map((m) => m.id),
        ),
      ]);
      return { items: page.map((m) => presentMeeting(m, chairs.get(m.chairUserId) ?? '', counts.get(m.id))), nextOffset: rows.length > query.limit ? query.offset + query.limit : null };
    },

    async get(actor: Actor, id: string) {
      const { m, manage } = await visible(actor, id);
      return detail(actor, m, manage);
    },

    async schedule(actor: Actor, body: MeetingCreate) {
      assertCan(actor, 'hard_case.manage', body);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        if (!(await orgQueries.findArea(trx, body.areaCode))) throw unknownReference('areaCode', 'area');
        await checkChair(trx, body.chairUserId);
        await checkUnits(trx, body.unitIds);
        await checkCases(trx, actor, body.caseIds);
        const at = nowIso();
        const number = await repo.nextNumber(trx, localDate(new Date(body.scheduledAt)).slice(0, 4));
        const m: MeetingRow = { id, areaCode: body.areaCode, title: body.title, scheduledAt: new Date(body.scheduledAt).toISOString(), place: body.place, chairUserId: body.chairUserId, status: 'planned', minutes: null, number, createdBy: actor.userId, createdAt: at, updatedAt: at, heldAt: null };
        await repo.insert(trx, m);
        await repo.setUnits(trx, id, [...new Set(body.unitIds)]);
        await repo.setAgenda(trx, id, [...new Set(body.caseIds)]);
        await invite(trx, m, [...new Set(body.unitIds)]);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'hard_case_meeting', subjectId: id, detail: { unitIds: body.unitIds, caseIds: body.caseIds, scheduledAt: m.scheduledAt } }, trx);
      });
      return detail(actor, (await repo.find(db, id))!, true);
    },

    async update(actor: Actor, id: string, body: MeetingUpdate) {
      const m = await managed(actor, id);
      await db.transaction().execute(async (trx) => {
        if (body.chairUserId) await checkChair(trx, body.chairUserId);
        if (body.caseIds) await checkCases(trx, actor, body.caseIds);
        const { unitIds, caseIds, scheduledAt, ...fields } = body;
        const changed: Partial<MeetingRow> = { ...fields, ...(scheduledAt ? { scheduledAt: new Date(scheduledAt).toISOString() } : {}), updatedAt: nowIso() };
        await repo.update(trx, id, changed);
        if (unitIds) {
          await checkUnits(trx, unitIds);
          const before = await repo.unitIdsOf(trx, id);
          await repo.setUnits(trx, id, [...new Set(unitIds)]);
          await invite(trx, { ...m, ...changed }, [...new Set(unitIds)].filter((u) => !before.includes(u)));
        }
        if (caseIds) await repo.setAgenda(trx, id, [...new Set(caseIds)]);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'hard_case_meeting', subjectId: id, detail: { fields: Object.keys(body) } }, trx);
      });
      return detail(actor, (await repo.find(db, id))!, true);
    },

    /** One decision on a case of the agenda, written with its case events in one transaction. */
    async decide(actor: Actor, id: string, d: MeetingDecision) {
      const m = await managed(actor, id);
      await db.transaction().execute(async (trx) => {
        const item = await repo.agendaItem(trx, id, d.caseId);
        if (!item) throw unprocessable('error.not_on_agenda', {}, 'caseId');
        if (item.decision) throw new AppError(409, 'error.conflict');
        const c = await casesRepository.findInScope(trx, d.caseId, caseScope(actor));
        if (!c) throw outOfScope();
        assertCan(actor, 'hard_case.manage', c);
        const data = await applyDecision(trx, actor, m, c, d);
        const note = d.kind === 'close' ? d.explanation : (d.note ?? null);
        await repo.decide(trx, id, d.caseId, { decision: d.kind, decisionNote: note, decisionData: JSON.stringify(data), decidedBy: actor.userId, decidedAt: nowIso() });
        if (c.currentUnitId) await notifier.notice(trx, await orgQueries.usersInUnit(trx, c.currentUnitId, ['unit_head', 'handler']), 'notice.hard_case_decided', { code: c.code }, c.id);
        await audit.append({ actorUserId: actor.userId, action: 'hard_case_decision', subjectType: 'hard_case_meeting', subjectId: id, detail: { caseId: c.id, decision: d.kind, ...data } }, trx);
      });
      return detail(actor, (await repo.find(db, id))!, true);
    },

    /** planned → held: the minutes are locked; they must be written first. */
    async hold(actor: Actor, id: string) {
      const m = await managed(actor, id);
      if (!m.minutes?.trim()) throw unprocessable('error.minutes_required', {}, 'minutes');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.markHeld(trx, id, nowIso()))) throw new AppError(409, 'error.meeting_held');
        await audit.append({ actorUserId: actor.userId, action: 'hold', subjectType: 'hard_case_meeting', subjectId: id, detail: {} }, trx);
      });
      return detail(actor, (await repo.find(db, id))!, true);
    },

    /** 会审纪要 as DOCX or PDF, for whoever may read the meeting; audited. */
    async minutes(actor: Actor, id: string, format: 'docx' | 'pdf', locale: Locale) {
      const { m, manage } = await visible(actor, id);
      const view = await detail(actor, m, manage);
      const organiser = await names.issuingUnit(db, m.createdBy);
      const data = await renderMinutes(view, organiser ?? '', format, locale);
      await audit.append({ actorUserId: actor.userId, action: 'generate_document', subjectType: 'hard_case_meeting', subjectId: id, detail: { type: 'minutes', format, number: view.number } });
      return { data, fileName: `会审纪要${view.number}.${format}`, mimeType: MIME_TYPES[format] };
    },
  };
}
export type MeetingsService = ReturnType<typeof createMeetingsService>;

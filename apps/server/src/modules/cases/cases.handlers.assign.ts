import { randomUUID } from 'node:crypto';
import { computeDeadline, localDate } from '@lianxin/core';
import type { Transaction } from 'kysely';
import type { CaseRow, CaseUpdate, DB } from '../../db/schema.js';
import { unknownReference, unprocessable } from '../../errors.js';
import { orgQueries } from '../org/org.repository.js';
import { refuseIfAway } from '../../db/availability.js'; // — duty, leave —
import { maskedText } from '../../text/protect-text.js';
import { casesRepository as repo } from './cases.repository.js';
import { reindexCaseScope } from '../search-index/search-index.repository.js';
import { type Handlers, RECIPIENTS, restartClock, staffIdOf, type TransitionKit } from './cases.transition-kit.js';

/** The unit's side of the work: dispatch, accept, return, co-handling, leader, extensions. */
export type AssignAction = 'dispatch' | 'accept' | 'return' | 'add_co_unit' | 'assign_leader' | 'request_extension' | 'approve_extension' | 'reject_extension';

export function assignHandlers(kit: TransitionKit): Handlers<AssignAction> {
  const { apply, dueFor, nowIso, clock, notifier } = kit;

  /** Starts a unit's work on the case: acceptance clock now, handling clock from now. */
  async function assignTo(trx: Transaction<DB>, c: CaseRow, unitId: string, handlerUserId: string | null): Promise<CaseUpdate> {
    const now = clock.now();
    const acceptDueAt = await dueFor('accept', c, now);
    const handleDueAt = await dueFor('handle', c, now);
    await notifier.notice(trx, handlerUserId ? [handlerUserId] : await kit.unitWorkers(trx, unitId, c), 'notice.step', { code: c.code, action: 'dispatch' }, c.id);
    return { currentUnitId: unitId, handlerUserId, acceptDueAt, handleDueAt, ...restartClock(acceptDueAt, now.toISOString()) };
  }

  /** 责任追究 for a return the dispatcher judged to be without a valid reason. */
  async function recordUnjustifiedReturn(trx: Transaction<DB>, c: CaseRow) {
    const lastReturn = (await repo.events(trx, c.id)).filter((e) => e.action === 'return').at(-1);
    if (!lastReturn) throw unprocessable('error.conflict', {}, 'returnUnjustified');
    await kit.accountable(trx, c, { unitId: lastReturn.actorUnitId, userId: lastReturn.actorUserId }, 'returned_without_reason', `return-${lastReturn.seq}`, lastReturn.note);
  }

  /** The pending extension `extensionId` of the case, or 400. */
  async function pendingExtension(trx: Transaction<DB>, c: CaseRow, extensionId: string) {
    const ext = (await repo.extensions(trx, c.id)).find((x) => x.id === extensionId && x.status === 'pending');
    if (!ext) throw unknownReference('extensionId', 'extension');
    return ext;
  }

  return {
    async dispatch(trx, actor, c, { unitId, handlerUserId, note, returnUnjustified }) {
      await kit.activeUnit(trx, unitId, 'unitId');
      if (handlerUserId && !(await orgQueries.userHasRole(trx, handlerUserId, 'handler', unitId))) throw unknownReference('handlerUserId', 'handler');
      if (handlerUserId) await refuseIfAway(trx, handlerUserId, localDate(clock.now()), 'handlerUserId'); // — duty, leave —
      if (returnUnjustified) await recordUnjustifiedReturn(trx, c);
      const assigned = await assignTo(trx, c, unitId, handlerUserId ?? null);
      return apply(trx, actor, c, 'dispatch', { ...assigned, dispatchedAt: nowIso() }, note ?? null, { unitId, handlerUserId: handlerUserId ?? null });
    },

    async accept(trx, actor, c) {
      const now = nowIso();
      const extra = c.respondedOnTime === null ? { respondedOnTime: c.acceptDueAt && now > c.acceptDueAt ? 0 : 1 } : {};
      return apply(trx, actor, c, 'accept', { acceptedAt: now, handlerUserId: c.handlerUserId ?? staffIdOf(actor), ...restartClock(c.handleDueAt), ...extra });
    },

    async return(trx, actor, c, { reason }) {
      const reDispatchDue = await dueFor('accept', c, clock.now());
      const dispatchers = await orgQueries.usersOverArea(trx, c.areaCode, RECIPIENTS.dispatchers);
      await notifier.notice(trx, dispatchers, 'notice.step', { code: c.code, action: 'return' }, c.id);
      const changes: CaseUpdate = { currentUnitId: null, handlerUserId: null, returnCount: c.returnCount + 1, acceptDueAt: null, handleDueAt: null, ...restartClock(reDispatchDue, nowIso()) };
      return apply(trx, actor, c, 'return', changes, reason, { unitId: c.currentUnitId });
    },

    async add_co_unit(trx, actor, c, { unitId, note }) {
      await kit.activeUnit(trx, unitId, 'unitId');
      if (unitId === c.currentUnitId) throw unprocessable('error.conflict', {}, 'unitId');
      await repo.insertCoUnit(trx, { caseId: c.id, unitId, addedAt: nowIso(), note: note ?? null });
      await reindexCaseScope(trx, c.id);
      await notifier.notice(trx, await orgQueries.usersInUnit(trx, unitId, RECIPIENTS.unitWorkers), 'notice.step', { code: c.code, action: 'add_co_unit' }, c.id);
      return apply(trx, actor, c, 'add_co_unit', {}, note ?? null, { unitId });
    },

    async assign_leader(trx, actor, c, { leaderUserId }) {
      if (!(await orgQueries.userHasRole(trx, leaderUserId, 'leader'))) throw unknownReference('leaderUserId', 'leader');
      await notifier.notice(trx, [leaderUserId], 'notice.step', { code: c.code, action: 'assign_leader' }, c.id);
      return apply(trx, actor, c, 'assign_leader', { leaderUserId, flagMajor: 1 }, null, { leaderUserId });
    },

    async request_extension(trx, actor, c, { days, reason }) {
      const existing = await repo.extensions(trx, c.id);
      if (existing.some((x) => x.status === 'pending')) throw unprocessable('error.extension_pending');
      if (c.extensionDays > 0) throw unprocessable('error.extension_used');
      const max = (await kit.deadlines.rule('extension', kit.subjectOf(c)))?.amount ?? 0;
      if (days > max) throw unprocessable('error.extension_exceeds', { max }, 'days');
      const extensionId = randomUUID();
      await repo.insertExtension(trx, { id: extensionId, caseId: c.id, days, reason: maskedText(reason), status: 'pending', requestedBy: staffIdOf(actor), requestedAt: nowIso(), decidedBy: null, decidedAt: null, decisionNote: null });
      const approvers = c.currentUnitId ? await orgQueries.usersInUnit(trx, c.currentUnitId, RECIPIENTS.approvers) : [];
      await notifier.notice(trx, approvers, 'notice.step', { code: c.code, action: 'request_extension' }, c.id);
      return apply(trx, actor, c, 'request_extension', {}, reason, { extensionId, days });
    },

    async approve_extension(trx, actor, c, { extensionId, note }) {
      const ext = await pendingExtension(trx, c, extensionId);
      await repo.decideExtension(trx, ext.id, { status: 'approved', decidedBy: staffIdOf(actor), decidedAt: nowIso(), decisionNote: maskedText(note ?? null) });
      const base = new Date(c.handleDueAt ?? nowIso());
      const handleDueAt = computeDeadline(base, { amount: ext.days, unit: 'natural_days' }, await kit.deadlines.calendar()).toISOString();
      const phone = kit.phoneOf(c);
      if (phone) await notifier.sms(trx, { phone, caseId: c.id }, 'sms.extended', { code: c.code, days: ext.days, reason: ext.reason });
      return apply(trx, actor, c, 'approve_extension', { handleDueAt, extensionDays: ext.days, ...restartClock(handleDueAt) }, note ?? null, { extensionId: ext.id, days: ext.days });
    },

    async reject_extension(trx, actor, c, { extensionId, note }) {
      const ext = await pendingExtension(trx, c, extensionId);
      await repo.decideExtension(trx, ext.id, { status: 'rejected', decidedBy: staffIdOf(actor), decidedAt: nowIso(), decisionNote: maskedText(note ?? null) });
      return apply(trx, actor, c, 'reject_extension', {}, note ?? null, { extensionId: ext.id });
    },
  };
}

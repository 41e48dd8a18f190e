import { randomUUID } from 'node:crypto';
import {
  type CaseAction,
  type CaseState,
  computeDeadline,
  type Evaluation,
  isActionAllowed,
  IllegalTransitionError,
  type LimitStage,
  nextState,
} from '@lianxin/core';
import type { Transaction } from 'kysely';
import type { CaseRow, CaseUpdate, DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, stale, unknownReference, unprocessable } from '../../errors.js';
import { type Actor, scopeOf } from '../../access/actor.js';
import { orgQueries } from '../org/org.repository.js';
import { indexCase } from '../search-index/search-index.repository.js';
import { canTake } from './cases.policy.js';
import { casesRepository as repo } from './cases.repository.js';
import type { CasesServiceDeps } from './cases.service.js';

/** Who took an action: a staff member, the resident (by signed link), or the system (sweeps). */
export type ActionActor = Actor | 'resident' | 'system';

type Body = Record<string, unknown>;
type Handler = (trx: Transaction<DB>, actor: ActionActor, c: CaseRow, body: Body) => Promise<CaseRow>;

const ON_SPOT_KINDS = new Set(['inquiry', 'help', 'suggestion', 'praise']);
const EVALUATION_TOKEN_DAYS = 30;

/** Every transition of the lifecycle: checks, the state change, its event and its messages. */
export function createTransitions(deps: CasesServiceDeps) {
  const { db, clock, cipher, notifier, deadlines } = deps;
  const nowIso = () => clock.now().toISOString();
  const subjectOf = (c: CaseRow) => ({ kind: c.kind, urgency: c.urgency, channel: c.channel, categoryCode: c.categoryCode });
  const dueFor = async (stage: LimitStage, c: CaseRow, start: Date) => (await deadlines.deadline(stage, subjectOf(c), start))?.dueAt ?? null;
  const phoneOf = (c: CaseRow) => (c.requesterPhoneEnc && !c.anonymous ? cipher.decrypt(c.requesterPhoneEnc) : null);
  const actorUnit = (actor: ActionActor, c: CaseRow) =>
    typeof actor === 'string' ? null : (actor.grants.find((g) => g.unitId === c.currentUnitId) ?? actor.grants[0])?.unitId ?? null;

  /**
   * Applies one action: state change and field changes under an optimistic lock, the event with
   * the same version number, and a notice to the first-contact owner (首问负责) — one transaction.
   */
  async function apply(
    trx: Transaction<DB>,
    actor: ActionActor,
    c: CaseRow,
    action: CaseAction | 'escalate' | 'flag',
    changes: CaseUpdate,
    note: string | null = null,
    data: Record<string, unknown> | null = null,
  ): Promise<CaseRow> {
    const from = c.status as CaseState;
    const to = action === 'escalate' || action === 'flag' ? from : nextState(from, action);
    const at = nowIso();
    const update: CaseUpdate = { ...changes, status: to, updatedAt: at };
    if (!(await repo.updateVersioned(trx, c, update))) throw stale();
    await repo.insertEvent(trx, {
      id: randomUUID(),
      caseId: c.id,
      seq: c.version + 1,
      action,
      fromStatus: from,
      toStatus: to,
      actorUserId: typeof actor === 'string' ? null : actor.userId,
      actorUnitId: actorUnit(actor, c),
      actorLabel: typeof actor === 'string' ? actor : null,
      at,
      note,
      data: data ? JSON.stringify(data) : null,
    });
    const actorId = typeof actor === 'string' ? null : actor.userId;
    if (c.firstContactUserId !== actorId) {
      await notifier.notice(trx, [c.firstContactUserId], 'notice.step', { code: c.code, action: action }, c.id);
    }
    return { ...c, ...update, version: c.version + 1 } as CaseRow;
  }

  async function unitWorkers(trx: Transaction<DB>, unitId: string, c: CaseRow): Promise<string[]> {
    // Flagged cases (集体/重复/越级) belong to the unit head; the others to the unit's handlers too.
    const roles = c.ownerLevel === 'head' ? (['unit_head'] as const) : (['handler', 'unit_head'] as const);
    return orgQueries.usersInUnit(trx, unitId, roles);
  }

  async function activeUnit(trx: Transaction<DB>, unitId: string, field: string) {
    const unit = await orgQueries.findUnit(trx, unitId);
    if (!unit) throw unknownReference(field, 'unit');
    if (!unit.isActive) throw new AppError(422, 'error.unit_inactive', {}, field);
    return unit;
  }

  /** Starts a unit's work on the case: acceptance clock now, handling clock from now. */
  async function assignTo(trx: Transaction<DB>, c: CaseRow, unitId: string, handlerUserId: string | null): Promise<CaseUpdate> {
    const now = clock.now();
    const acceptDueAt = await dueFor('accept', c, now);
    const handleDueAt = await dueFor('handle', c, now);
    await notifier.notice(trx, handlerUserId ? [handlerUserId] : await unitWorkers(trx, unitId, c), 'notice.step', { code: c.code, action: 'dispatch' }, c.id);
    return {
      currentUnitId: unitId,
      handlerUserId,
      acceptDueAt,
      handleDueAt,
      clockStartedAt: now.toISOString(),
      currentDueAt: acceptDueAt,
      dueLevel: 'normal',
      escalationLevel: 0,
    };
  }

  async function sendEvaluationLink(trx: Transaction<DB>, c: CaseRow, reply: string) {
    const phone = phoneOf(c);
    if (!phone) return;
    await notifier.sms(trx, { phone, caseId: c.id }, 'sms.replied', { code: c.code, reply: reply.slice(0, 60), link: evaluationLink(c) });
  }

  function evaluationLink(c: Pick<CaseRow, 'id' | 'reopenCount'>): string {
    const expires = clock.now().getTime() + EVALUATION_TOKEN_DAYS * 86_400_000;
    return `${deps.publicBaseUrl}/m/evaluate/${cipher.sign({ c: c.id, r: c.reopenCount, e: expires })}`;
  }

  /** Records an evaluation and follows it: satisfied → closed; dissatisfied → reopened once, then supervision. */
  async function recordEvaluation(trx: Transaction<DB>, actor: ActionActor, c: CaseRow, action: 'evaluate' | 'callback', e: Evaluation) {
    const dissatisfied = e.result === 'dissatisfied';
    let row = await apply(
      trx,
      actor,
      c,
      action,
      {
        evaluationResult: e.result,
        evaluationSolved: e.solved ? 1 : 0,
        evaluationComment: e.comment ?? null,
        evaluationChannel: action === 'evaluate' ? 'link' : 'callback',
        evaluatedAt: nowIso(),
        dissatisfiedCount: c.dissatisfiedCount + (dissatisfied ? 1 : 0),
        currentDueAt: null,
      },
      e.comment ?? null,
      { result: e.result, solved: e.solved },
    );
    if (!dissatisfied) {
      row = await apply(trx, 'system', row, 'close', { closedAt: nowIso() });
      const phone = phoneOf(row);
      if (phone) await notifier.sms(trx, { phone, caseId: row.id }, 'sms.closed', { code: row.code });
      return row;
    }
    if (row.reopenCount === 0) return reopen(trx, 'system', row);
    // Dissatisfied again after re-handling: a supervisor takes it over (责任追究).
    await repo.insertAccountability(trx, {
      id: randomUUID(),
      caseId: row.id,
      unitId: row.currentUnitId,
      userId: row.handlerUserId,
      reason: 'dissatisfied_twice',
      stage: `evaluation-${row.dissatisfiedCount}`,
      note: e.comment ?? null,
      createdAt: nowIso(),
    });
    const supervisors = await orgQueries.usersOverArea(trx, row.areaCode, ['supervisor']);
    await notifier.notice(trx, supervisors, 'notice.escalated', { code: row.code, stage: 'evaluate', level: 2 }, row.id);
    return row;
  }

  async function reopen(trx: Transaction<DB>, actor: ActionActor, c: CaseRow, note: string | null = null) {
    const now = clock.now();
    const acceptDueAt = await dueFor('accept', c, now);
    const handleDueAt = await dueFor('handle', c, now);
    if (c.currentUnitId) await notifier.notice(trx, await unitWorkers(trx, c.currentUnitId, c), 'notice.step', { code: c.code, action: 'reopen' }, c.id);
    return apply(trx, actor, c, 'reopen', {
      reopenCount: c.reopenCount + 1,
      acceptDueAt,
      handleDueAt,
      acceptedAt: null,
      clockStartedAt: now.toISOString(),
      currentDueAt: acceptDueAt,
      dueLevel: 'normal',
      escalationLevel: 0,
      extensionDays: 0,
    }, note);
  }

  /** 责任追究 for a return the dispatcher judged to be without a valid reason. */
  async function recordUnjustifiedReturn(trx: Transaction<DB>, c: CaseRow) {
    const lastReturn = (await repo.events(trx, c.id)).filter((e) => e.action === 'return').at(-1);
    if (!lastReturn) throw unprocessable('error.conflict', {}, 'returnUnjustified');
    await repo.insertAccountability(trx, {
      id: randomUUID(),
      caseId: c.id,
      unitId: lastReturn.actorUnitId,
      userId: lastReturn.actorUserId,
      reason: 'returned_without_reason',
      stage: `return-${lastReturn.seq}`,
      note: lastReturn.note,
      createdAt: nowIso(),
    });
  }

  const handlers: Record<CaseAction, Handler> = {
    async dispatch(trx, actor, c, body) {
      const unitId = body.unitId as string;
      await activeUnit(trx, unitId, 'unitId');
      const handlerUserId = (body.handlerUserId as string | undefined) ?? null;
      if (handlerUserId && !(await orgQueries.userHasRole(trx, handlerUserId, 'handler', unitId))) throw unknownReference('handlerUserId', 'handler');
      if (body.returnUnjustified) await recordUnjustifiedReturn(trx, c);
      return apply(trx, actor, c, 'dispatch', { ...(await assignTo(trx, c, unitId, handlerUserId)), dispatchedAt: nowIso() }, (body.note as string) ?? null, { unitId, handlerUserId });
    },
    async accept(trx, actor, c) {
      const now = nowIso();
      const extra = c.respondedOnTime === null ? { respondedOnTime: c.acceptDueAt && now > c.acceptDueAt ? 0 : 1 } : {};
      return apply(trx, actor, c, 'accept', {
        acceptedAt: now,
        handlerUserId: c.handlerUserId ?? (actor as Actor).userId,
        currentDueAt: c.handleDueAt,
        dueLevel: 'normal',
        escalationLevel: 0,
        ...extra,
      });
    },
    async return(trx, actor, c, body) {
      const reDispatchDue = await dueFor('accept', c, clock.now());
      const dispatchers = await orgQueries.usersOverArea(trx, c.areaCode, ['dispatcher']);
      await notifier.notice(trx, dispatchers, 'notice.step', { code: c.code, action: 'return' }, c.id);
      return apply(
        trx,
        actor,
        c,
        'return',
        { currentUnitId: null, handlerUserId: null, returnCount: c.returnCount + 1, currentDueAt: reDispatchDue, clockStartedAt: nowIso(), dueLevel: 'normal', escalationLevel: 0, acceptDueAt: null, handleDueAt: null },
        body.reason as string,
        { unitId: c.currentUnitId },
      );
    },
    async add_co_unit(trx, actor, c, body) {
      const unitId = body.unitId as string;
      await activeUnit(trx, unitId, 'unitId');
      if (unitId === c.currentUnitId) throw unprocessable('error.conflict', {}, 'unitId');
      await repo.insertCoUnit(trx, { caseId: c.id, unitId, addedAt: nowIso(), note: (body.note as string) ?? null });
      await notifier.notice(trx, await orgQueries.usersInUnit(trx, unitId, ['handler', 'unit_head']), 'notice.step', { code: c.code, action: 'add_co_unit' }, c.id);
      return apply(trx, actor, c, 'add_co_unit', {}, (body.note as string) ?? null, { unitId });
    },
    async request_extension(trx, actor, c, body) {
      const days = body.days as number;
      const existing = await repo.extensions(trx, c.id);
      if (existing.some((x) => x.status === 'pending')) throw unprocessable('error.extension_pending');
      if (c.extensionDays > 0) throw unprocessable('error.extension_used');
      const max = (await deadlines.rule('extension', subjectOf(c)))?.amount ?? 0;
      if (days > max) throw unprocessable('error.extension_exceeds', { max }, 'days');
      const extensionId = randomUUID();
      await repo.insertExtension(trx, { id: extensionId, caseId: c.id, days, reason: body.reason as string, status: 'pending', requestedBy: (actor as Actor).userId, requestedAt: nowIso(), decidedBy: null, decidedAt: null, decisionNote: null });
      const approvers = c.currentUnitId ? await orgQueries.usersInUnit(trx, c.currentUnitId, ['unit_head']) : [];
      await notifier.notice(trx, approvers, 'notice.step', { code: c.code, action: 'request_extension' }, c.id);
      return apply(trx, actor, c, 'request_extension', {}, body.reason as string, { extensionId, days });
    },
    async approve_extension(trx, actor, c, body) {
      const ext = (await repo.extensions(trx, c.id)).find((x) => x.id === body.extensionId && x.status === 'pending');
      if (!ext) throw unknownReference('extensionId', 'extension');
      await repo.decideExtension(trx, ext.id, { status: 'approved', decidedBy: (actor as Actor).userId, decidedAt: nowIso(), decisionNote: (body.note as string) ?? null });
      const base = new Date(c.handleDueAt ?? nowIso());
      const handleDueAt = computeDeadline(base, { amount: ext.days, unit: 'natural_days' }, await deadlines.calendar()).toISOString();
      const phone = phoneOf(c);
      if (phone) await notifier.sms(trx, { phone, caseId: c.id }, 'sms.extended', { code: c.code, days: ext.days, reason: ext.reason });
      return apply(trx, actor, c, 'approve_extension', { handleDueAt, currentDueAt: handleDueAt, extensionDays: ext.days, dueLevel: 'normal', escalationLevel: 0 }, (body.note as string) ?? null, { extensionId: ext.id, days: ext.days });
    },
    async reject_extension(trx, actor, c, body) {
      const ext = (await repo.extensions(trx, c.id)).find((x) => x.id === body.extensionId && x.status === 'pending');
      if (!ext) throw unknownReference('extensionId', 'extension');
      await repo.decideExtension(trx, ext.id, { status: 'rejected', decidedBy: (actor as Actor).userId, decidedAt: nowIso(), decisionNote: (body.note as string) ?? null });
      return apply(trx, actor, c, 'reject_extension', {}, (body.note as string) ?? null, { extensionId: ext.id });
    },
    async reply(trx, actor, c, body) {
      const now = clock.now();
      const reply = body.reply as string;
      const ids = (body.attachmentIds as string[] | undefined) ?? [];
      if ((await repo.linkAttachments(trx, c.id, ids, (actor as Actor).userId)) !== ids.length) throw unknownReference('attachmentIds', 'attachment');
      const evaluateDueAt = await dueFor('evaluate', c, now);
      const reviewDueAt = c.kind === 'petition' ? await dueFor('review_request', c, now) : null;
      const row = await apply(trx, actor, c, 'reply', {
        replyText: reply,
        replySolved: body.solved ? 1 : 0,
        repliedAt: now.toISOString(),
        closedOnTime: c.handleDueAt && now.toISOString() > c.handleDueAt ? 0 : 1,
        evaluateDueAt,
        reviewDueAt,
        clockStartedAt: now.toISOString(),
        currentDueAt: evaluateDueAt,
        dueLevel: 'normal',
        escalationLevel: 0,
      }, reply, { solved: body.solved });
      await indexCase(trx, row);
      await sendEvaluationLink(trx, row, reply);
      return row;
    },
    evaluate: (trx, actor, c, body) => recordEvaluation(trx, actor, c, 'evaluate', body as Evaluation),
    callback: (trx, actor, c, body) => recordEvaluation(trx, actor, c, 'callback', body as Evaluation),
    async close(trx, actor, c, body) {
      if (c.status === 'replied' && c.evaluateDueAt && nowIso() <= c.evaluateDueAt) throw unprocessable('error.evaluate_window');
      return apply(trx, actor, c, 'close', { closedAt: nowIso(), currentDueAt: null }, (body.note as string) ?? null);
    },
    reopen: (trx, actor, c, body) => reopen(trx, actor, c, (body.reason as string) ?? null),
    async resolve_on_spot(trx, actor, c, body) {
      if (!ON_SPOT_KINDS.has(c.kind)) throw unprocessable('error.on_spot_kind');
      const now = nowIso();
      const row = await apply(trx, actor, c, 'resolve_on_spot', { replyText: body.answer as string, replySolved: 1, repliedAt: now, closedAt: now, respondedOnTime: 1, closedOnTime: 1, currentDueAt: null }, body.answer as string);
      await indexCase(trx, row);
      return row;
    },
    async not_accept(trx, actor, c, body) {
      const phone = phoneOf(c);
      if (phone) await notifier.sms(trx, { phone, caseId: c.id }, 'sms.not_accepted', { code: c.code, reason: body.reason as string });
      return apply(trx, actor, c, 'not_accept', { closedAt: nowIso(), currentDueAt: null }, body.reason as string);
    },
    async merge(trx, actor, c, body) {
      const targetId = body.intoCaseId as string;
      if (targetId === c.id) throw unprocessable('error.merge_self', {}, 'intoCaseId');
      const target = await repo.findInScope(trx, targetId, scopeOf((actor as Actor).grants));
      if (!target) throw unknownReference('intoCaseId', 'case');
      if (['closed', 'not_accepted', 'merged', 'final'].includes(target.status)) throw unprocessable('error.merge_target', {}, 'intoCaseId');
      return apply(trx, actor, c, 'merge', { duplicateOfId: target.id, closedAt: nowIso(), currentDueAt: null }, null, { intoCaseId: target.id, intoCode: target.code });
    },
    async assign_leader(trx, actor, c, body) {
      const leaderUserId = body.leaderUserId as string;
      if (!(await orgQueries.userHasRole(trx, leaderUserId, 'leader'))) throw unknownReference('leaderUserId', 'leader');
      await notifier.notice(trx, [leaderUserId], 'notice.step', { code: c.code, action: 'assign_leader' }, c.id);
      return apply(trx, actor, c, 'assign_leader', { leaderUserId, flagMajor: 1 }, null, { leaderUserId });
    },
    async request_review(trx, actor, c, body) {
      return startReview(trx, actor, c, body, 'request_review', 0, 'review');
    },
    async request_rereview(trx, actor, c, body) {
      return startReview(trx, actor, c, body, 'request_rereview', 1, 'rereview');
    },
    async complete_review(trx, actor, c, body) {
      const reviewDueAt = await dueFor('rereview_request', c, clock.now());
      const row = await apply(trx, actor, c, 'complete_review', { reviewLevel: 1, replyText: body.decision as string, repliedAt: nowIso(), reviewDueAt, closedAt: nowIso(), currentDueAt: null }, body.decision as string);
      await indexCase(trx, row);
      return row;
    },
    async complete_rereview(trx, actor, c, body) {
      const row = await apply(trx, actor, c, 'complete_rereview', { reviewLevel: 2, replyText: body.decision as string, repliedAt: nowIso(), reviewDueAt: null, closedAt: nowIso(), currentDueAt: null }, body.decision as string);
      await indexCase(trx, row);
      return row;
    },
  };

  async function startReview(trx: Transaction<DB>, actor: ActionActor, c: CaseRow, body: Body, action: 'request_review' | 'request_rereview', level: number, stage: LimitStage) {
    if (c.kind !== 'petition') throw unprocessable('error.review_petition_only');
    if (c.reviewLevel !== level) throw new IllegalTransitionError(c.status as CaseState, action);
    if (c.reviewDueAt && nowIso() > c.reviewDueAt) throw unprocessable('error.window_closed', { deadline: c.reviewDueAt });
    const unitId = (body.unitId as string | undefined) ?? c.currentUnitId;
    if (unitId) await activeUnit(trx, unitId, 'unitId');
    const now = clock.now();
    const due = await dueFor(stage, c, now);
    return apply(trx, actor, c, action, { currentUnitId: unitId, closedAt: null, clockStartedAt: now.toISOString(), currentDueAt: due, dueLevel: 'normal', escalationLevel: 0 }, body.reason as string, { unitId });
  }

  /** Runs an action inside an existing transaction (registration's on-the-spot close uses it). */
  async function run(trx: Transaction<DB>, actor: Actor, c: CaseRow, action: CaseAction, body: Body): Promise<CaseRow> {
    if (!isActionAllowed(c.status as CaseState, action)) throw new IllegalTransitionError(c.status as CaseState, action);
    if (!canTake(actor, action, c)) throw forbidden();
    return handlers[action](trx, actor, c, body);
  }

  async function caseForToken(token: string) {
    const payload = cipher.verify<{ c: string; r: number; e: number }>(token);
    if (!payload || payload.e < clock.now().getTime()) throw new AppError(404, 'error.invalid_token');
    const c = await repo.findById(db, payload.c);
    if (!c || c.reopenCount !== payload.r) throw new AppError(404, 'error.invalid_token');
    return c;
  }

  return {
    run,
    evaluationLink,

    /** Takes `action` on a case the actor can see, in one transaction. */
    async act(actor: Actor, id: string, action: CaseAction, body: Body): Promise<CaseRow> {
      return db.transaction().execute(async (trx) => {
        const c = await repo.findInScope(trx, id, scopeOf(actor.grants));
        if (!c) throw (await repo.findById(trx, id)) ? outOfScope() : notFound();
        return run(trx, actor, c, action, body);
      });
    },

    caseForToken,

    /** The resident's evaluation through the signed link (no login). */
    async evaluateByToken(token: string, evaluation: Evaluation): Promise<CaseRow> {
      const c = await caseForToken(token);
      return db.transaction().execute(async (trx) => {
        const fresh = (await repo.findById(trx, c.id))!;
        if (!isActionAllowed(fresh.status as CaseState, 'evaluate')) throw new IllegalTransitionError(fresh.status as CaseState, 'evaluate');
        return handlers.evaluate(trx, 'resident', fresh, evaluation);
      });
    },

    /** Sweep and flag events written by the system (no state change). */
    note: (trx: Transaction<DB>, c: CaseRow, action: 'escalate' | 'flag', changes: CaseUpdate, note: string | null, data: Record<string, unknown> | null) =>
      apply(trx, 'system', c, action, changes, note, data),
  };
}

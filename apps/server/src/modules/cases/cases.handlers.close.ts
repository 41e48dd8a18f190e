import { type CaseState, type Evaluation, IllegalTransitionError, type LimitStage, TERMINAL_STATES } from '@lianxin/core';
import type { Transaction } from 'kysely';
import { caseScope } from '../../access/access.js';
import type { CaseRow, DB } from '../../db/schema.js';
import { unknownReference, unprocessable } from '../../errors.js';
import { orgQueries } from '../org/org.repository.js';
import { indexCase } from '../search-index/search-index.repository.js';
import { maskedText } from '../../text/protect-text.js';
import { casesRepository as repo } from './cases.repository.js';
import { type ActionActor, type Handlers, RECIPIENTS, restartClock, staffOf, type TransitionKit } from './cases.transition-kit.js';
import type { ActionBody } from '@lianxin/core';

/** The answer and what follows it: reply, evaluation, closing, merging, review (信访 复查/复核). */
export type CloseAction =
  | 'reply'
  | 'evaluate'
  | 'callback'
  | 'close'
  | 'reopen'
  | 'resolve_on_spot'
  | 'not_accept'
  | 'merge'
  | 'request_review'
  | 'request_rereview'
  | 'complete_review'
  | 'complete_rereview';

const ON_SPOT_KINDS = new Set(['inquiry', 'help', 'suggestion', 'praise']);

export function closeHandlers(kit: TransitionKit): Handlers<CloseAction> {
  const { apply, dueFor, nowIso, clock, notifier } = kit;

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
      const phone = kit.phoneOf(row);
      if (phone) await notifier.sms(trx, { phone, caseId: row.id }, 'sms.closed', { code: row.code });
      return row;
    }
    if (row.reopenCount === 0) return kit.reopen(trx, 'system', row);
    // Dissatisfied again after re-handling: a supervisor takes it over (责任追究).
    await kit.accountable(trx, row, { unitId: row.currentUnitId, userId: row.handlerUserId }, 'dissatisfied_twice', `evaluation-${row.dissatisfiedCount}`, e.comment ?? null);
    const supervisors = await orgQueries.usersOverArea(trx, row.areaCode, RECIPIENTS.supervisors);
    await notifier.notice(trx, supervisors, 'notice.escalated', { code: row.code, stage: 'evaluate', level: 2 }, row.id);
    return row;
  }

  /** A petitioner asks for review (复查) or re-review (复核) within the window; the clock of that stage starts. */
  async function startReview(
    trx: Transaction<DB>,
    actor: ActionActor,
    c: CaseRow,
    { reason, unitId: asked }: ActionBody<'request_review'>,
    action: 'request_review' | 'request_rereview',
    level: number,
    stage: LimitStage,
  ) {
    if (c.kind !== 'petition') throw unprocessable('error.review_petition_only');
    if (c.reviewLevel !== level) throw new IllegalTransitionError(c.status as CaseState, action);
    if (c.reviewDueAt && nowIso() > c.reviewDueAt) throw unprocessable('error.window_closed', { deadline: c.reviewDueAt });
    const unitId = asked ?? c.currentUnitId;
    if (unitId) await kit.activeUnit(trx, unitId, 'unitId');
    const now = clock.now();
    const due = await dueFor(stage, c, now);
    return apply(trx, actor, c, action, { currentUnitId: unitId, closedAt: null, ...restartClock(due, now.toISOString()) }, reason, { unitId });
  }

  /** The answer of a review or re-review closes the case again; the text is searchable. */
  async function completeReview(trx: Transaction<DB>, actor: ActionActor, c: CaseRow, action: 'complete_review' | 'complete_rereview', decision: string) {
    const reviewDueAt = action === 'complete_review' ? await dueFor('rereview_request', c, clock.now()) : null;
    const reviewLevel = action === 'complete_review' ? 1 : 2;
    const row = await apply(trx, actor, c, action, { reviewLevel, replyText: decision, repliedAt: nowIso(), reviewDueAt, closedAt: nowIso(), currentDueAt: null }, decision);
    await indexCase(trx, row);
    return row;
  }

  return {
    async reply(trx, actor, c, { reply, solved, attachmentIds }) {
      const now = clock.now();
      if ((await repo.linkAttachments(trx, c.id, attachmentIds, staffOf(actor).userId)) !== attachmentIds.length) throw unknownReference('attachmentIds', 'attachment');
      const evaluateDueAt = await dueFor('evaluate', c, now);
      const reviewDueAt = c.kind === 'petition' ? await dueFor('review_request', c, now) : null;
      const row = await apply(
        trx,
        actor,
        c,
        'reply',
        {
          replyText: reply,
          replySolved: solved ? 1 : 0,
          repliedAt: now.toISOString(),
          closedOnTime: c.handleDueAt && now.toISOString() > c.handleDueAt ? 0 : 1,
          evaluateDueAt,
          reviewDueAt,
          ...restartClock(evaluateDueAt, now.toISOString()),
        },
        reply,
        { solved },
      );
      await indexCase(trx, row);
      const phone = kit.phoneOf(row);
      // The reply as stored: masked, like every copy of it outside the case's encrypted column.
      if (phone) await notifier.sms(trx, { phone, caseId: row.id }, 'sms.replied', { code: row.code, reply: (row.replyText ?? '').slice(0, 60), link: kit.evaluationLink(row) });
      return row;
    },

    evaluate: (trx, actor, c, body) => recordEvaluation(trx, actor, c, 'evaluate', body),
    callback: (trx, actor, c, body) => recordEvaluation(trx, actor, c, 'callback', body),

    async close(trx, actor, c, { note }) {
      if (c.status === 'replied' && c.evaluateDueAt && nowIso() <= c.evaluateDueAt) throw unprocessable('error.evaluate_window');
      return apply(trx, actor, c, 'close', { closedAt: nowIso(), currentDueAt: null }, note ?? null);
    },

    reopen: (trx, actor, c, { reason }) => kit.reopen(trx, actor, c, reason),

    async resolve_on_spot(trx, actor, c, { answer }) {
      if (!ON_SPOT_KINDS.has(c.kind)) throw unprocessable('error.on_spot_kind');
      const now = nowIso();
      const row = await apply(trx, actor, c, 'resolve_on_spot', { replyText: answer, replySolved: 1, repliedAt: now, closedAt: now, respondedOnTime: 1, closedOnTime: 1, currentDueAt: null }, answer);
      await indexCase(trx, row);
      return row;
    },

    async not_accept(trx, actor, c, { reason }) {
      const phone = kit.phoneOf(c);
      if (phone) await notifier.sms(trx, { phone, caseId: c.id }, 'sms.not_accepted', { code: c.code, reason: maskedText(reason) });
      return apply(trx, actor, c, 'not_accept', { closedAt: nowIso(), currentDueAt: null }, reason);
    },

    async merge(trx, actor, c, { intoCaseId }) {
      if (intoCaseId === c.id) throw unprocessable('error.merge_self', {}, 'intoCaseId');
      const target = await repo.findInScope(trx, intoCaseId, caseScope(staffOf(actor)));
      if (!target) throw unknownReference('intoCaseId', 'case');
      if (TERMINAL_STATES.includes(target.status as CaseState)) throw unprocessable('error.merge_target', {}, 'intoCaseId');
      return apply(trx, actor, c, 'merge', { duplicateOfId: target.id, closedAt: nowIso(), currentDueAt: null }, null, { intoCaseId: target.id, intoCode: target.code });
    },

    request_review: (trx, actor, c, body) => startReview(trx, actor, c, body, 'request_review', 0, 'review'),
    request_rereview: (trx, actor, c, body) => startReview(trx, actor, c, body, 'request_rereview', 1, 'rereview'),
    complete_review: (trx, actor, c, { decision }) => completeReview(trx, actor, c, 'complete_review', decision),
    complete_rereview: (trx, actor, c, { decision }) => completeReview(trx, actor, c, 'complete_rereview', decision),
  };
}

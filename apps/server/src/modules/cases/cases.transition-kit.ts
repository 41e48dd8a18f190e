import { randomUUID } from 'node:crypto';
import { ACCESS_RULES, type ActionBody, CASE_ACTION_RULES, type CaseAction, type CaseState, type LimitStage, NOTE_EVENTS, type NoteEvent, nextState, renderMessage } from '@lianxin/core';
import type { Transaction } from 'kysely';
import { actingUnitOf } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { CaseRow, CaseUpdate, DB } from '../../db/schema.js';
import { AppError, forbidden, stale, unknownReference } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { Notifier } from '../notifications/notifier.js';
import { orgQueries } from '../org/org.repository.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { maskedText, protectText } from '../../text/protect-text.js';
import { casesRepository as repo } from './cases.repository.js';
import { reindexCaseScope } from '../search-index/search-index.repository.js';

/** Who took an action: a staff member, the resident (by signed link), or the system (sweeps). */
export type ActionActor = Actor | 'resident' | 'system';

/** The handler of one action: it receives that action's parsed body (a dispatch handler a `DispatchSchema` output). */
export type Handler<A extends CaseAction> = (trx: Transaction<DB>, actor: ActionActor, c: CaseRow, body: ActionBody<A>) => Promise<CaseRow>;
/** Handlers of some actions, each typed by its own body. */
export type Handlers<A extends CaseAction> = { [K in A]: Handler<K> };

/** What the transitions need. */
export interface TransitionDeps {
  clock: Clock;
  cipher: Cipher;
  notifier: Notifier;
  deadlines: Deadlines;
  publicBaseUrl: string;
}

const EVALUATION_TOKEN_DAYS = 30;

/**
 * A new clock for the current stage: due at `dueAt`, back to normal, not escalated; started at
 * `startedAt` when the stage starts now (an extension or an acceptance keeps the start).
 */
export function restartClock(dueAt: string | null, startedAt?: string): CaseUpdate {
  return { ...(startedAt ? { clockStartedAt: startedAt } : {}), currentDueAt: dueAt, dueLevel: 'normal', escalationLevel: 0 };
}

/** The acting staff member's user id; null for the resident and the system. */
export const userIdOf = (actor: ActionActor): string | null => (typeof actor === 'string' ? null : actor.userId);

/** The staff member taking a staff-only action (the resident and the system never reach one). */
export function staffOf(actor: ActionActor): Actor {
  if (typeof actor === 'string') throw forbidden();
  return actor;
}
export const staffIdOf = (actor: ActionActor): string => staffOf(actor).userId;

/** Who gets told: the roles of a rule of `@lianxin/core` access tables. */
export const RECIPIENTS = {
  /** Who may dispatch again a returned case. */
  dispatchers: CASE_ACTION_RULES.dispatch.overArea,
  /** The unit members who accept and handle. */
  unitWorkers: CASE_ACTION_RULES.accept.inCurrentUnit,
  /** Who decides an extension in the unit. */
  approvers: CASE_ACTION_RULES.approve_extension.inCurrentUnit,
  supervisors: ACCESS_RULES['case.supervise'].roles,
  leaders: ACCESS_RULES['case.lead'].roles,
} as const;

/** The shared steps of every transition: the state change with its event, clocks, notices. */
export function createTransitionKit({ clock, cipher, notifier, deadlines, publicBaseUrl }: TransitionDeps) {
  const nowIso = () => clock.now().toISOString();
  const subjectOf = (c: CaseRow) => ({ kind: c.kind, urgency: c.urgency, channel: c.channel, categoryCode: c.categoryCode });
  const actorUnit = (actor: ActionActor, c: CaseRow) => (typeof actor === 'string' ? null : actingUnitOf(actor, c.currentUnitId));

  /** The free-text fields of a change (a reply, a resident's comment), protected. */
  const protectChanges = (changes: CaseUpdate): CaseUpdate => {
    const out: CaseUpdate = { ...changes };
    if (typeof changes.replyText === 'string') {
      const reply = protectText(cipher, changes.replyText);
      Object.assign(out, { replyText: reply.text, replyTextEnc: reply.enc });
    } else if (changes.replyText === null) out.replyTextEnc = null;
    if (typeof changes.evaluationComment === 'string') {
      const comment = protectText(cipher, changes.evaluationComment);
      Object.assign(out, { evaluationComment: comment.text, evaluationCommentEnc: comment.enc });
    } else if (changes.evaluationComment === null) out.evaluationCommentEnc = null;
    return out;
  };

  const kit = {
    clock,
    cipher,
    notifier,
    deadlines,
    nowIso,
    subjectOf,

    /** The deadline of `stage` for the case, counted from `start`. */
    dueFor: async (stage: LimitStage, c: CaseRow, start: Date) => (await deadlines.deadline(stage, subjectOf(c), start))?.dueAt ?? null,

    /** The requester's phone in clear, unless anonymous. */
    phoneOf: (c: CaseRow) => (c.requesterPhoneEnc && !c.anonymous ? cipher.decrypt(c.requesterPhoneEnc) : null),

    /**
     * Applies one action: state change and field changes under an optimistic lock, the event with
     * the same version number, and a notice to the first-contact owner (首问负责) — one transaction.
     * Free text (the event's note, a reply, a resident's comment) is stored protected: personal
     * data masked, the original encrypted beside it; the returned row holds the masked text.
     */
    async apply(
      trx: Transaction<DB>,
      actor: ActionActor,
      c: CaseRow,
      action: CaseAction | NoteEvent,
      changes: CaseUpdate,
      note: string | null = null,
      data: Record<string, unknown> | null = null,
    ): Promise<CaseRow> {
      const from = c.status as CaseState;
      const to = (NOTE_EVENTS as readonly string[]).includes(action) ? from : nextState(from, action as CaseAction);
      const at = nowIso();
      const update: CaseUpdate = { ...protectChanges(changes), status: to, updatedAt: at };
      const protectedNote = protectText(cipher, note);
      if (!(await repo.updateVersioned(trx, c, update))) throw stale();
      // The unit's word in the search index follows the case (a unit's search matches its own cases).
      if (update.currentUnitId !== undefined && update.currentUnitId !== c.currentUnitId) await reindexCaseScope(trx, c.id);
      // An extension is asked for while handling: once the case moves on, a request still pending is closed, with the reason.
      if (from === 'handling' && to !== 'handling') {
        const decisionNote = renderMessage('zh-CN', 'extension.closed_by_step', { action });
        await repo.closePendingExtensions(trx, c.id, { status: 'closed', decidedBy: userIdOf(actor), decidedAt: at, decisionNote });
      }
      await repo.insertEvent(trx, {
        id: randomUUID(),
        caseId: c.id,
        seq: c.version + 1,
        action,
        fromStatus: from,
        toStatus: to,
        actorUserId: userIdOf(actor),
        actorUnitId: actorUnit(actor, c),
        actorLabel: typeof actor === 'string' ? actor : null,
        at,
        note: protectedNote.text,
        noteEnc: protectedNote.enc,
        data: data ? JSON.stringify(data) : null,
      });
      if (c.firstContactUserId !== userIdOf(actor)) {
        await notifier.notice(trx, [c.firstContactUserId], 'notice.step', { code: c.code, action: action }, c.id);
      }
      return { ...c, ...update, version: c.version + 1 } as CaseRow;
    },

    /** Who works the case in `unitId`: flagged cases (集体/重复/越级) the unit head, the others the handlers too. */
    async unitWorkers(trx: Transaction<DB>, unitId: string, c: CaseRow): Promise<string[]> {
      return orgQueries.usersInUnit(trx, unitId, c.ownerLevel === 'head' ? RECIPIENTS.approvers : RECIPIENTS.unitWorkers);
    },

    /** The unit, if it exists and is active; else 400 / 422 on `field`. */
    async activeUnit(trx: Transaction<DB>, unitId: string, field: string) {
      const unit = await orgQueries.findUnit(trx, unitId);
      if (!unit) throw unknownReference(field, 'unit');
      if (!unit.isActive) throw new AppError(422, 'error.unit_inactive', {}, field);
      return unit;
    },

    /** The resident's signed evaluation link for the case's current round. */
    evaluationLink(c: Pick<CaseRow, 'id' | 'reopenCount'>): string {
      const expires = clock.now().getTime() + EVALUATION_TOKEN_DAYS * 86_400_000;
      return `${publicBaseUrl}/m/evaluate/${cipher.sign({ c: c.id, r: c.reopenCount, e: expires })}`;
    },

    /** 责任追究: one record per case, reason and stage (the note masked: its original is an event's note). */
    accountable(trx: Transaction<DB>, c: CaseRow, who: { unitId: string | null; userId: string | null }, reason: string, stage: string, note: string | null) {
      return repo.insertAccountability(trx, { id: randomUUID(), caseId: c.id, unitId: who.unitId, userId: who.userId, reason, stage, note: maskedText(note), createdAt: nowIso() });
    },

    /** Back to the unit after a dissatisfied evaluation or a supervisor's decision: the clocks start again. */
    async reopen(trx: Transaction<DB>, actor: ActionActor, c: CaseRow, note: string | null = null) {
      const now = clock.now();
      const acceptDueAt = await kit.dueFor('accept', c, now);
      const handleDueAt = await kit.dueFor('handle', c, now);
      if (c.currentUnitId) await notifier.notice(trx, await kit.unitWorkers(trx, c.currentUnitId, c), 'notice.step', { code: c.code, action: 'reopen' }, c.id);
      return kit.apply(
        trx,
        actor,
        c,
        'reopen',
        { reopenCount: c.reopenCount + 1, acceptDueAt, handleDueAt, acceptedAt: null, extensionDays: 0, ...restartClock(acceptDueAt, now.toISOString()) },
        note,
      );
    },
  };
  return kit;
}
export type TransitionKit = ReturnType<typeof createTransitionKit>;

import {
  type ActionBody,
  type ActionInput,
  CASE_ACTION_BODIES,
  type CaseAction,
  type CaseState,
  type Evaluation,
  type HardCaseEvent,
  IllegalTransitionError,
  isActionAllowed,
  type SupervisionEvent,
  type DutyEvent, // — duty —
} from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { canActOnCase, caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { CaseRow, CaseUpdate, DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope } from '../../errors.js';
import { assignHandlers } from './cases.handlers.assign.js';
import { closeHandlers } from './cases.handlers.close.js';
import { casesRepository as repo } from './cases.repository.js';
import { createTransitionKit, type Handler, type Handlers, type TransitionDeps } from './cases.transition-kit.js';

export type { ActionActor } from './cases.transition-kit.js';

/**
 * Every transition of the lifecycle: checks, the state change, its event and its messages. Each
 * action's handler receives that action's parsed body (`CASE_ACTION_BODIES` in core), so a change of
 * a body schema breaks its handler at compile time.
 */
export function createTransitions(deps: TransitionDeps & { db: Kysely<DB> }) {
  const { db, clock, cipher } = deps;
  const kit = createTransitionKit(deps);
  const handlers: Handlers<CaseAction> = { ...assignHandlers(kit), ...closeHandlers(kit) };

  /** Runs an action inside an existing transaction (registration's on-the-spot close uses it). */
  async function run<A extends CaseAction>(trx: Transaction<DB>, actor: Actor, c: CaseRow, action: A, body: ActionBody<A>): Promise<CaseRow> {
    if (!isActionAllowed(c.status as CaseState, action)) throw new IllegalTransitionError(c.status as CaseState, action);
    if (!canActOnCase(actor, action, c)) throw forbidden();
    const handler: Handler<A> = handlers[action];
    return handler(trx, actor, c, body);
  }

  /**
   * The case behind an evaluation link, and whether the link was used already: a rating moves
   * the case on (a dissatisfied one reopens it, which counts up reopenCount past the link's).
   */
  async function tokenCase(token: string): Promise<{ c: CaseRow; rated: boolean }> {
    const payload = cipher.verify<{ c: string; r: number; e: number }>(token);
    if (!payload || typeof payload.c !== 'string' || typeof payload.r !== 'number' || !(payload.e >= clock.now().getTime())) throw new AppError(404, 'error.invalid_token');
    const c = await repo.findById(db, payload.c);
    if (!c || c.reopenCount < payload.r) throw new AppError(404, 'error.invalid_token');
    return { c, rated: c.reopenCount > payload.r || !isActionAllowed(c.status as CaseState, 'evaluate') };
  }

  async function caseForToken(token: string) {
    const { c, rated } = await tokenCase(token);
    if (rated) throw new AppError(409, 'error.already_rated');
    return c;
  }

  return {
    run,
    evaluationLink: kit.evaluationLink,

    /**
     * Takes `action` on a case the actor can see, in one transaction. The body is parsed by the
     * action's schema here too, so callers other than the route (alerts, the demo seed) are held
     * to the same contract.
     */
    async act<A extends CaseAction>(actor: Actor, id: string, action: A, input: ActionInput<A>): Promise<CaseRow> {
      const body = CASE_ACTION_BODIES[action].parse(input) as ActionBody<A>;
      return db.transaction().execute(async (trx) => {
        const c = await repo.findInScope(trx, id, caseScope(actor));
        if (!c) throw (await repo.findById(trx, id)) ? outOfScope() : notFound();
        return run(trx, actor, c, action, body);
      });
    },

    caseForToken,
    tokenCase,

    /** The resident's evaluation through the signed link (no login). */
    async evaluateByToken(token: string, evaluation: Evaluation): Promise<CaseRow> {
      const c = await caseForToken(token);
      return db.transaction().execute(async (trx) => {
        const fresh = (await repo.findById(trx, c.id))!;
        if (fresh.reopenCount !== c.reopenCount || !isActionAllowed(fresh.status as CaseState, 'evaluate')) throw new AppError(409, 'error.already_rated');
        return handlers.evaluate(trx, 'resident', fresh, evaluation);
      });
    },

    /** Sweep and flag events written by the system (no state change). */
    note: (trx: Transaction<DB>, c: CaseRow, action: 'escalate' | 'flag', changes: CaseUpdate, note: string | null, data: Record<string, unknown> | null) =>
      kit.apply(trx, 'system', c, action, changes, note, data),

    // — supervision, hard-cases —
    /** A step on the case with no state change — 督办 · 催办 · 批示, a joint review's decision, a task force — by a staff member or the system, with the first-contact owner told. */
    record: (trx: Transaction<DB>, actor: Actor | 'system', c: CaseRow, event: SupervisionEvent | HardCaseEvent | DutyEvent, changes: CaseUpdate, note: string | null, data: Record<string, unknown> | null) =>
      kit.apply(trx, actor, c, event, changes, note, data),
  };
}

import { randomUUID } from 'node:crypto';
import { clockStatus } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Dialect } from '../db/database.js';
import type { CaseRow, DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { casesRepository as repo } from '../modules/cases/cases.repository.js';
import type { CasesService } from '../modules/cases/cases.service.js';
import type { Notifier } from '../modules/notifications/notifier.js';
import { orgQueries } from '../modules/org/org.repository.js';
import { type SweepCandidate, type SweepCursor, type SweepStage, stageOf, sweepQueries } from './time-limit-sweep.queries.js';

/** What one sweep did. */
export interface SweepResult {
  /** Cases that turned yellow (75 % of the time used); their workers were told. */
  yellow: number;
  /** Overdue cases escalated to the unit head, each with an accountability record (责任追究). */
  escalated1: number;
  /** Cases still overdue a day later, escalated to the supervisors over their area (督办). */
  escalated2: number;
  /** Replied cases whose evaluation window ended: marked red as call-back to-dos (回访), no record. */
  callbacks: number;
  /** Cases changed by someone else while the sweep looked at them (the next sweep sees them again). */
  skipped: number;
  /** Cases that failed with an unexpected error (reported through `onCaseError`). */
  failed: number;
}

/** What the sweep works with. */
export interface SweepDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  notifier: Notifier;
  /** Every change to a case goes through the cases module, so its history shows it. */
  cases: Pick<CasesService, 'note'>;
  clock: Clock;
}

export interface SweepOptions {
  /** Cases per batch (default 500). */
  batchSize?: number;
  /** How long past its deadline a case escalates to supervisors; else the setting, else 24 h. */
  secondEscalationAfterMs?: number;
  /** Called for each case that failed; the sweep goes on with the others. */
  onCaseError?: (error: unknown, caseId: string) => void;
}

/** Setting (JSON number of hours) for the second escalation; admins may change it. */
export const SECOND_ESCALATION_SETTING = 'time_limits.second_escalation_hours';
const DEFAULT_SECOND_ESCALATION_MS = 24 * 3_600_000;
const DEFAULT_BATCH = 500;

/** Lets the event loop serve waiting requests before the next case. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The time-limit sweep of SPEC §2 (限时办结 · 责任追究): yellow at 75 %, red and escalation when
 * overdue. Each case is re-read and changed in its own transaction through the cases module's
 * `note` helper, so the history shows every change and a concurrent edit wins (the case is skipped).
 * Running it twice at the same instant changes nothing the second time.
 */
export function createTimeLimitSweep({ db, dialect, notifier, cases, clock }: SweepDeps, options: SweepOptions = {}) {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;

  async function secondEscalationMs(): Promise<number> {
    if (options.secondEscalationAfterMs !== undefined) return options.secondEscalationAfterMs;
    const hours = await sweepQueries.setting(db, SECOND_ESCALATION_SETTING);
    return typeof hours === 'number' && Number.isFinite(hours) && hours >= 0 ? hours * 3_600_000 : DEFAULT_SECOND_ESCALATION_MS;
  }

  /** The unit answerable for the current stage: the unit holding the case, or the registering unit. */
  const responsibleUnit = (c: CaseRow, stage: SweepStage) => (stage === 'intake' ? c.registeredUnitId : (c.currentUnitId ?? c.registeredUnitId));

  /** Who is told that the deadline is near. */
  async function dueSoonRecipients(trx: Transaction<DB>, c: CaseRow, stage: SweepStage): Promise<string[]> {
    if (stage === 'intake' || !c.currentUnitId) return orgQueries.usersOverArea(trx, c.areaCode, ['dispatcher']);
    if ((stage === 'accept' || stage === 'handle') && c.handlerUserId) return [c.handlerUserId];
    return orgQueries.usersInUnit(trx, c.currentUnitId, c.ownerLevel === 'head' ? ['unit_head'] : ['handler', 'unit_head']);
  }

  async function escalate(trx: Transaction<DB>, c: CaseRow, stage: SweepStage, level: 1 | 2): Promise<CaseRow> {
    const row = await cases.note(trx, c, 'escalate', { escalationLevel: level, dueLevel: 'red' }, null, { level, stage, dueAt: c.currentDueAt });
    let recipients: string[];
    if (level === 1) {
      const unitId = responsibleUnit(c, stage);
      await repo.insertAccountability(trx, {
        id: randomUUID(),
        caseId: c.id,
        unitId,
        userId: stage === 'intake' ? null : c.handlerUserId,
        reason: 'overdue',
        stage,
        note: c.currentDueAt,
        createdAt: clock.now().toISOString(),
      });
      recipients = await orgQueries.usersInUnit(trx, unitId, ['unit_head']);
      // A unit without a head must not swallow the escalation: the supervisors hear of it instead.
      if (recipients.length === 0) recipients = await orgQueries.usersOverArea(trx, c.areaCode, ['supervisor']);
    } else {
      recipients = await orgQueries.usersOverArea(trx, c.areaCode, ['supervisor']);
    }
    await notifier.notice(trx, recipients, 'notice.escalated', { code: c.code, stage, level }, c.id);
    return row;
  }

  type Outcome = Array<'yellow' | 'escalated1' | 'escalated2' | 'callbacks'>;

  /**
   * Runs `act` on the fresh row in its own transaction, unless the case changed since it was
   * listed; what it did is counted once the transaction has committed.
   */
  async function onCase(candidate: SweepCandidate, result: SweepResult, act: (trx: Transaction<DB>, c: CaseRow) => Promise<Outcome>) {
    try {
      const outcome = await db.transaction().execute(async (trx) => {
        const c = await repo.findById(trx, candidate.id);
        return c && c.version === candidate.version ? act(trx, c) : null;
      });
      if (outcome === null) result.skipped++;
      else for (const key of outcome) result[key]++;
    } catch (error) {
      if (error instanceof AppError && error.code === 'error.stale') result.skipped++;
      else {
        result.failed++;
        options.onCaseError?.(error, candidate.id);
      }
    }
  }

  async function pages(list: (cursor: SweepCursor) => Promise<SweepCandidate[]>, each: (candidate: SweepCandidate) => Promise<void>) {
    let cursor: SweepCursor = null;
    for (;;) {
      const batch = await list(cursor);
      for (const candidate of batch) {
        await each(candidate);
        // Off the request path: SQLite runs each statement synchronously, so without a turn of
        // the event loop between cases a backlog of thousands would hold every request until the
        // sweep ends. One turn per case lets waiting requests in (a health check answers within
        // one case's transaction).
        await breathe();
      }
      if (batch.length < batchSize) return;
      const last = batch[batch.length - 1];
      cursor = [last.currentDueAt, last.id];
    }
  }

  return {
    /** One sweep as of `now` (default: the clock). */
    async run(now: Date = clock.now()): Promise<SweepResult> {
      const result: SweepResult = { yellow: 0, escalated1: 0, escalated2: 0, callbacks: 0, skipped: 0, failed: 0 };
      const nowIso = now.toISOString();
      const secondBefore = new Date(now.getTime() - (await secondEscalationMs())).toISOString();

      await pages(
        (cursor) => sweepQueries.overdue(db, nowIso, secondBefore, cursor, batchSize),
        (candidate) =>
          onCase(candidate, result, async (trx, c) => {
            const stage = stageOf(c.status);
            if (!stage || !c.currentDueAt || c.currentDueAt >= nowIso) return [];
            if (stage === 'evaluate') {
              // The resident did not rate in time: staff call back (回访); the unit is not late.
              if (c.dueLevel === 'red') return [];
              await cases.note(trx, c, 'flag', { dueLevel: 'red' }, null, { dueLevel: 'red', stage, callback: true });
              return ['callbacks'];
            }
            const done: Outcome = [];
            let row = c;
            if (row.escalationLevel === 0) {
              row = await escalate(trx, row, stage, 1);
              done.push('escalated1');
            }
            if (row.escalationLevel === 1 && c.currentDueAt < secondBefore) {
              await escalate(trx, row, stage, 2);
              done.push('escalated2');
            }
            return done;
          }),
      );

      await pages(
        (cursor) => sweepQueries.dueSoon(db, dialect, now, cursor, batchSize),
        (candidate) =>
          onCase(candidate, result, async (trx, c) => {
            const stage = stageOf(c.status);
            if (!stage || stage === 'evaluate' || c.dueLevel !== 'normal' || !c.currentDueAt || !c.clockStartedAt) return [];
            if (clockStatus(new Date(c.clockStartedAt), new Date(c.currentDueAt), now).level !== 'yellow') return [];
            await cases.note(trx, c, 'flag', { dueLevel: 'yellow' }, null, { dueLevel: 'yellow', stage, dueAt: c.currentDueAt });
            await notifier.notice(trx, await dueSoonRecipients(trx, c, stage), 'notice.due_soon', { code: c.code, stage }, c.id);
            return ['yellow'];
          }),
      );
      return result;
    },
  };
}

/** Runs one sweep as of `now` (default: the clock). */
export function runTimeLimitSweep(deps: SweepDeps, now?: Date, options?: SweepOptions): Promise<SweepResult> {
  return createTimeLimitSweep(deps, options).run(now);
}

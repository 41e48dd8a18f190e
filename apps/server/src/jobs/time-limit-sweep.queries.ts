import { ACTIVE_STATES, type CaseState, type ClockStage, clockStageOf } from '@lianxin/core';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** The stage of work whose deadline a case's clock is counting (the `stage` of accountability records). */
export type SweepStage = ClockStage;

/** The stage a case in `status` is in, or null when no clock of the sweep runs in that state. */
export const stageOf = clockStageOf;

/** Active states with a stage clock ('evaluated' has none: it moves on at once). */
export const SWEPT_STATES: readonly CaseState[] = ACTIVE_STATES.filter((s) => stageOf(s) !== null);
/** States whose clock turns yellow: every swept state but 'replied' (the resident's time, not the unit's). */
const YELLOW_STATES: readonly CaseState[] = SWEPT_STATES.filter((s) => s !== 'replied');

/** What a batch lists: enough to page on and to detect a change before the case is re-read. */
export interface SweepCandidate {
  id: string;
  version: number;
  currentDueAt: string;
}

/** Keyset position: the last (currentDueAt, id) seen. */
export type SweepCursor = readonly [dueAt: string, id: string] | null;

type CaseEb = ExpressionBuilder<DB, 'cases'>;

function afterCursor(eb: CaseEb, [dueAt, id]: readonly [string, string]): Expression<SqlBool> {
  return eb.or([eb('currentDueAt', '>', dueAt), eb.and([eb('currentDueAt', '=', dueAt), eb('id', '>', id)])]);
}

/** Seconds since the epoch of an ISO text column, in each dialect's own date arithmetic. */
function epochSeconds(dialect: Dialect, column: 'cases.currentDueAt' | 'cases.clockStartedAt') {
  return dialect === 'sqlite'
    ? sql<number>`((julianday(${sql.ref(column)}) - 2440587.5) * 86400.0)`
    : sql<number>`extract(epoch from cast(${sql.ref(column)} as timestamptz))`;
}

/** Slack of the SQL pre-filter, in seconds: the exact test is clockStatus() on the re-read row. */
const PREFILTER_SLACK_S = 2;

/** Queries of the time-limit sweep. Every list is keyset-paged on the `cases_due` index. */
export const sweepQueries = {
  /**
   * Overdue cases the sweep still has to act on: not yet escalated, escalated once and overdue
   * past `secondBefore`, or replied cases whose evaluation window ended and are not red yet.
   */
  overdue(db: Kysely<DB>, now: string, secondBefore: string, cursor: SweepCursor, limit: number): Promise<SweepCandidate[]> {
    return db
      .selectFrom('cases')
      .select(['id', 'version', 'currentDueAt'])
      .where('currentDueAt', '<', now)
      .where('status', 'in', SWEPT_STATES)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'replied'), eb('dueLevel', '!=', 'red')]),
          eb.and([
            eb('status', '!=', 'replied'),
            eb.or([eb('escalationLevel', '=', 0), eb.and([eb('escalationLevel', '=', 1), eb('currentDueAt', '<', secondBefore)])]),
          ]),
        ]),
      )
      .$if(cursor !== null, (qb) => qb.where((eb) => afterCursor(eb, cursor!)))
      .orderBy('currentDueAt')
      .orderBy('id')
      .limit(limit)
      .execute() as Promise<SweepCandidate[]>;
  },

  /**
   * Cases still 'normal' that have used at least 75 % of their time and are not overdue.
   * 75 % used means now − start ≥ ¾ (due − start), i.e. 3·due + start ≤ 4·now; the SQL keeps a
   * little slack and the caller decides with clockStatus(), so both databases act identically.
   */
  dueSoon(db: Kysely<DB>, dialect: Dialect, now: Date, cursor: SweepCursor, limit: number): Promise<SweepCandidate[]> {
    const nowSeconds = now.getTime() / 1000;
    return db
      .selectFrom('cases')
      .select(['id', 'version', 'currentDueAt'])
      .where('currentDueAt', '>=', now.toISOString())
      .where('status', 'in', YELLOW_STATES)
      .where('dueLevel', '=', 'normal')
      .where('clockStartedAt', 'is not', null)
      .where(sql<SqlBool>`3 * ${epochSeconds(dialect, 'cases.currentDueAt')} + ${epochSeconds(dialect, 'cases.clockStartedAt')} <= ${sql.lit(4 * nowSeconds + PREFILTER_SLACK_S)}`)
      .$if(cursor !== null, (qb) => qb.where((eb) => afterCursor(eb, cursor!)))
      .orderBy('currentDueAt')
      .orderBy('id')
      .limit(limit)
      .execute() as Promise<SweepCandidate[]>;
  },

  /** A JSON setting, or undefined. */
  async setting(db: Kysely<DB>, key: string): Promise<unknown> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      return undefined;
    }
  },
};

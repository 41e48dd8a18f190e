import { ACTIVE_STATES, clockStageOf } from '@lianxin/core';
import { type CaseClock, clockAt, serverNowOf } from '../../shared/time-left';
import type { CaseDetail } from '@lianxin/core';

export type DeadlineStage = keyof CaseDetail['deadlines'] | 'current';

/** One deadline row of the case page. */
export interface DeadlineRow {
  stage: DeadlineStage;
  dueAt: string;
  /** running: the clock is ticking (badge); met / late: the stage finished before / after it; idle: not reached. */
  state: 'running' | 'met' | 'late' | 'idle';
  clock: CaseClock | null;
  doneAt: string | null;
}

type Times = CaseDetail['times'];

// When each limit starts and what ends it (cases.transitions.ts sets these times).
const START: Record<keyof CaseDetail['deadlines'], (t: Times) => string | null> = {
  intake: (t) => t.received ?? t.registered,
  accept: (t) => t.dispatched,
  handle: (t) => t.accepted ?? t.dispatched,
  evaluate: (t) => t.replied,
  review: (t) => t.closed ?? t.replied,
};
const DONE: Record<keyof CaseDetail['deadlines'], (t: Times) => string | null> = {
  intake: (t) => t.dispatched ?? t.closed,
  accept: (t) => t.accepted,
  handle: (t) => t.replied,
  evaluate: (t) => t.evaluated,
  review: () => null,
};
const ORDER: Array<keyof CaseDetail['deadlines']> = ['intake', 'accept', 'handle', 'evaluate', 'review'];

/** The deadline row of the stage whose clock runs in `status` (a case keeps its re-review limit as `review`). */
const currentRow = (status: string): keyof CaseDetail['deadlines'] | undefined => {
  const stage = clockStageOf(status);
  return stage === 'rereview' ? 'review' : (stage ?? undefined);
};

/**
 * Every deadline the case carries, each with what to show: the server's running clock for the
 * current stage (by state — two limits can share a due time), a clock computed at the server's
 * time for later open stages, met/late for earlier ones. A running clock that matches no stored
 * deadline (after a reopen) is listed as 'current'.
 */
export function deadlineRows(c: Pick<CaseDetail, 'deadlines' | 'times' | 'status'> & { clock: CaseClock | null }, browserNow = new Date()): DeadlineRow[] {
  const active = (ACTIVE_STATES as readonly string[]).includes(c.status);
  const now = serverNowOf(c.clock) ?? browserNow;
  const current = active ? currentRow(c.status) : undefined;
  const currentIndex = current ? ORDER.indexOf(current) : ORDER.length;
  const rows: DeadlineRow[] = [];
  let clockShown = false;
  ORDER.forEach((stage, index) => {
    const dueAt = c.deadlines[stage];
    if (!dueAt) return;
    const doneAt = DONE[stage](c.times);
    if (stage === current) {
      const serverClock = c.clock && Date.parse(c.clock.dueAt) === Date.parse(dueAt) ? c.clock : null;
      if (serverClock) clockShown = true;
      rows.push({ stage, dueAt, state: 'running', clock: serverClock ?? clockAt(dueAt, START[stage](c.times), now), doneAt: null });
    } else if (index < currentIndex && doneAt) {
      rows.push({ stage, dueAt, state: Date.parse(doneAt) <= Date.parse(dueAt) ? 'met' : 'late', clock: null, doneAt });
    } else if (active && index > currentIndex && stage !== 'review') {
      rows.push({ stage, dueAt, state: 'running', clock: clockAt(dueAt, START[stage](c.times), now), doneAt: null });
    } else {
      rows.push({ stage, dueAt, state: 'idle', clock: null, doneAt: null });
    }
  });
  if (c.clock && active && !clockShown) rows.unshift({ stage: 'current', dueAt: c.clock.dueAt, state: 'running', clock: c.clock, doneAt: null });
  return rows;
}

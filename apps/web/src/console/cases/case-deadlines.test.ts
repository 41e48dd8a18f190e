import { describe, expect, it } from 'vitest';
import { deadlineRows } from './case-deadlines';
import type { CaseDetail } from '@lianxin/core';

const none = { intake: null, accept: null, handle: null, evaluate: null, review: null };
const noTimes = { received: null, registered: null, dispatched: null, accepted: null, replied: null, evaluated: null, closed: null };

describe('deadlineRows', () => {
  it('shows the server clock for the current stage and met/late for finished ones', () => {
    const c = {
      status: 'handling' as CaseDetail['status'],
      deadlines: { ...none, intake: '2026-03-02T10:00:00.000Z', accept: '2026-03-03T10:00:00.000Z', handle: '2026-03-10T10:00:00.000Z' },
      times: { ...noTimes, received: '2026-03-02T00:00:00.000Z', registered: '2026-03-02T00:00:00.000Z', dispatched: '2026-03-02T12:00:00.000Z', accepted: '2026-03-03T09:00:00.000Z' },
      clock: { dueAt: '2026-03-10T10:00:00.000Z', startedAt: '2026-03-03T09:00:00.000Z', level: 'red' as const, remainingMs: -1000, usedRatio: 1.01 },
    };
    const rows = deadlineRows(c);
    expect(rows.map((r) => [r.stage, r.state])).toEqual([
      ['intake', 'late'],
      ['accept', 'met'],
      ['handle', 'running'],
    ]);
    // The current stage keeps the server's verdict (red), whatever the browser's clock says.
    expect(rows[2].clock).toBe(c.clock);
  });

  it('computes other open stages at the server time implied by the clock', () => {
    const c = {
      status: 'assigned' as CaseDetail['status'],
      deadlines: { ...none, accept: '2026-03-03T00:00:00.000Z', handle: '2026-03-12T00:00:00.000Z' },
      times: { ...noTimes, received: '2026-03-01T00:00:00.000Z', dispatched: '2026-03-02T00:00:00.000Z' },
      // Server time = 2026-03-13T00:00Z: both limits are past.
      clock: { dueAt: '2026-03-03T00:00:00.000Z', startedAt: '2026-03-02T00:00:00.000Z', level: 'red' as const, remainingMs: -10 * 86_400_000 },
    };
    const rows = deadlineRows(c, new Date('2026-03-02T01:00:00Z'));
    expect(rows.find((r) => r.stage === 'handle')?.clock?.level).toBe('red');
  });

  it('picks the current stage by state when two limits share a due time', () => {
    const due = '2026-11-23T15:59:59.999Z';
    const c = {
      status: 'assigned' as CaseDetail['status'],
      deadlines: { ...none, intake: due, accept: due },
      times: { ...noTimes, received: '2026-11-22T00:00:00.000Z', dispatched: '2026-11-22T00:01:00.000Z' },
      clock: { dueAt: due, startedAt: '2026-11-22T00:01:00.000Z', level: 'red' as const, remainingMs: -1 },
    };
    expect(deadlineRows(c).map((r) => [r.stage, r.state])).toEqual([
      ['intake', 'met'],
      ['accept', 'running'],
    ]);
  });

  it('a reopened case runs its acceptance clock again, whatever the old acceptance time', () => {
    const clock = { dueAt: '2026-04-02T00:00:00.000Z', startedAt: '2026-04-01T00:00:00.000Z', level: 'normal' as const, remainingMs: 3_600_000 };
    const rows = deadlineRows({
      status: 'reopened',
      deadlines: { ...none, accept: clock.dueAt, handle: '2026-04-20T00:00:00.000Z' },
      times: { ...noTimes, dispatched: '2026-03-02T00:00:00.000Z', accepted: '2026-03-02T05:00:00.000Z', replied: '2026-03-05T00:00:00.000Z' },
      clock,
    });
    expect(rows.map((r) => [r.stage, r.state])).toEqual([
      ['accept', 'running'],
      ['handle', 'running'],
    ]);
    expect(rows[0].clock).toBe(clock);
  });

  it('lists a running clock that matches no stored deadline as the current one, and none on closed cases', () => {
    const clock = { dueAt: '2026-04-01T00:00:00.000Z', startedAt: '2026-03-20T00:00:00.000Z', level: 'normal' as const, remainingMs: 86_400_000 };
    const reopened = deadlineRows({ status: 'reopened', deadlines: none, times: noTimes, clock });
    expect(reopened).toEqual([{ stage: 'current', dueAt: clock.dueAt, state: 'running', clock, doneAt: null }]);
    const closed = deadlineRows({ status: 'closed', deadlines: { ...none, evaluate: '2026-03-20T00:00:00.000Z' }, times: noTimes, clock: null });
    expect(closed.map((r) => r.state)).toEqual(['idle']);
  });
});

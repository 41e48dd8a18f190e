import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATES,
  actionsFrom,
  CASE_ACTIONS,
  CASE_STATES,
  CASE_TRANSITIONS,
  IllegalTransitionError,
  isActionAllowed,
  nextState,
  replayTransitions,
  TERMINAL_STATES,
} from './case-machine.js';

describe('the case state machine', () => {
  it('follows the main path of SPEC §2', () => {
    let state = nextState('registered', 'dispatch');
    expect(state).toBe('assigned');
    state = nextState(state, 'accept');
    expect(state).toBe('handling');
    state = nextState(state, 'reply');
    expect(state).toBe('replied');
    state = nextState(state, 'evaluate');
    expect(state).toBe('evaluated');
    expect(nextState(state, 'close')).toBe('closed');
    expect(nextState(state, 'reopen')).toBe('reopened');
  });

  it('sends returned cases back to registration and reopened ones back to the unit', () => {
    expect(nextState('assigned', 'return')).toBe('registered');
    expect(nextState('reopened', 'accept')).toBe('handling');
    expect(nextState('reopened', 'return')).toBe('registered');
  });

  it('ends petitions after re-review', () => {
    expect(nextState('closed', 'request_review')).toBe('reviewing');
    expect(nextState('reviewing', 'complete_review')).toBe('closed');
    expect(nextState('closed', 'request_rereview')).toBe('rereviewing');
    expect(nextState('rereviewing', 'complete_rereview')).toBe('final');
    expect(actionsFrom('final')).toEqual([]);
  });

  it('refuses what the table does not allow', () => {
    expect(() => nextState('registered', 'reply')).toThrow(IllegalTransitionError);
    expect(() => nextState('closed', 'dispatch')).toThrow(/not allowed/);
    expect(isActionAllowed('merged', 'merge')).toBe(false);
  });

  it('keeps recording actions in their state', () => {
    for (const action of ['add_co_unit', 'request_extension', 'approve_extension', 'reject_extension'] as const) {
      expect(nextState('handling', action)).toBe('handling');
    }
    expect(nextState('assigned', 'assign_leader')).toBe('assigned');
  });

  it('has no dead ends: every non-terminal state has a way on, terminal states none but review', () => {
    for (const state of CASE_STATES) {
      const ways = actionsFrom(state);
      if (TERMINAL_STATES.includes(state)) {
        expect(ways.every((a) => a === 'request_review' || a === 'request_rereview')).toBe(true);
      } else {
        expect(ways.some((a) => CASE_TRANSITIONS[a].to !== 'same')).toBe(true);
      }
    }
    expect(ACTIVE_STATES.filter((s) => TERMINAL_STATES.includes(s))).toEqual([]);
  });

  it('reaches every state from registration', () => {
    const reached = new Set<string>(['registered']);
    let frontier = ['registered' as const] as (typeof CASE_STATES)[number][];
    while (frontier.length) {
      const next: (typeof CASE_STATES)[number][] = [];
      for (const state of frontier) {
        for (const action of CASE_ACTIONS.filter((a) => isActionAllowed(state, a))) {
          const to = nextState(state, action);
          if (!reached.has(to)) {
            reached.add(to);
            next.push(to);
          }
        }
      }
      frontier = next;
    }
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
  });

  it('replays a history and rejects a broken one', () => {
    const history = [
      { action: 'register' as const, fromState: null, toState: 'registered' as const },
      { action: 'dispatch' as const, fromState: 'registered' as const, toState: 'assigned' as const },
      { action: 'escalate' as const, fromState: 'assigned' as const, toState: 'assigned' as const },
      { action: 'accept' as const, fromState: 'assigned' as const, toState: 'handling' as const },
    ];
    expect(replayTransitions(history)).toBe('handling');
    expect(() => replayTransitions([history[0], history[3]])).toThrow();
    expect(() => replayTransitions([history[0], { action: 'dispatch', fromState: 'registered', toState: 'closed' }])).toThrow();
    expect(() => replayTransitions([history[0], { action: 'escalate', fromState: 'registered', toState: 'assigned' }])).toThrow();
  });
});

/**
 * The case lifecycle of SPEC §2 as a transition table. The server refuses any action whose
 * `from` does not contain the case's current state; every accepted action writes one event.
 */

export const CASE_STATES = [
  'registered', // 登记 (also where returned cases come back to)
  'assigned', // 已交办
  'handling', // 办理中
  'replied', // 已答复
  'evaluated', // 已评价
  'reopened', // 重办 (back with the same unit after a dissatisfied evaluation)
  'closed', // 办结
  'not_accepted', // 不予受理
  'merged', // 已合并
  'reviewing', // 复查中
  'rereviewing', // 复核中
  'final', // 终结 (after re-review)
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'dispatch',
  'accept',
  'return',
  'add_co_unit',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'reply',
  'evaluate',
  'callback',
  'close',
  'reopen',
  'resolve_on_spot',
  'not_accept',
  'merge',
  'assign_leader',
  'request_review',
  'complete_review',
  'request_rereview',
  'complete_rereview',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Actions that only record something and keep the state. */
const SAME = 'same' as const;

interface TransitionRule {
  from: readonly CaseState[];
  to: CaseState | typeof SAME;
}

const OPEN_STATES: readonly CaseState[] = ['registered', 'assigned', 'handling', 'replied', 'evaluated', 'reopened'];
const WITH_UNIT: readonly CaseState[] = ['assigned', 'reopened'];

/** The whole lifecycle. Read it as: action — from these states — to that state. */
export const CASE_TRANSITIONS: Readonly<Record<CaseAction, TransitionRule>> = {
  dispatch: { from: ['registered'], to: 'assigned' },
  accept: { from: WITH_UNIT, to: 'handling' },
  return: { from: WITH_UNIT, to: 'registered' },
  add_co_unit: { from: ['handling'], to: SAME },
  request_extension: { from: ['handling'], to: SAME },
  approve_extension: { from: ['handling'], to: SAME },
  reject_extension: { from: ['handling'], to: SAME },
  reply: { from: ['handling'], to: 'replied' },
  evaluate: { from: ['replied'], to: 'evaluated' },
  callback: { from: ['replied'], to: 'evaluated' },
  close: { from: ['replied', 'evaluated'], to: 'closed' },
  reopen: { from: ['evaluated'], to: 'reopened' },
  resolve_on_spot: { from: ['registered'], to: 'closed' },
  not_accept: { from: ['registered'], to: 'not_accepted' },
  merge: { from: ['registered', 'assigned', 'handling', 'reopened'], to: 'merged' },
  assign_leader: { from: OPEN_STATES, to: SAME },
  request_review: { from: ['closed'], to: 'reviewing' },
  complete_review: { from: ['reviewing'], to: 'closed' },
  request_rereview: { from: ['closed'], to: 'rereviewing' },
  complete_rereview: { from: ['rereviewing'], to: 'final' },
};

/** States in which nothing is pending any more. */
export const TERMINAL_STATES: readonly CaseState[] = ['closed', 'not_accepted', 'merged', 'final'];

/** States that still count as open work (time limits run). */
export const ACTIVE_STATES: readonly CaseState[] = [...OPEN_STATES, 'reviewing', 'rereviewing'];

/** Thrown for an action the current state does not allow; the API maps it to 409. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly state: CaseState,
    readonly action: CaseAction,
  ) {
    super(`action ${action} is not allowed in state ${state}`);
    this.name = 'IllegalTransitionError';
  }
}

/** True when `action` may be taken in `state` (ignoring who asks). */
export function isActionAllowed(state: CaseState, action: CaseAction): boolean {
  return CASE_TRANSITIONS[action].from.includes(state);
}

/** The state after `action`, or an IllegalTransitionError. */
export function nextState(state: CaseState, action: CaseAction): CaseState {
  const rule = CASE_TRANSITIONS[action];
  if (!rule.from.includes(state)) throw new IllegalTransitionError(state, action);
  return rule.to === SAME ? state : rule.to;
}

/** Every action the state machine allows in `state`. */
export function actionsFrom(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((action) => isActionAllowed(state, action));
}

// — supervision —
/** Events of 督办 · 催办 · 批示 on a case: they record a step and keep the state. */
export const SUPERVISION_EVENTS = [
  'supervise',
  'supervision_sign',
  'supervision_respond',
  'supervision_accept',
  'supervision_return',
  'supervision_overdue',
  'urge',
  'instruct',
  'instruction_ack',
  'instruction_report',
] as const;
export type SupervisionEvent = (typeof SUPERVISION_EVENTS)[number];

/** Events that record something about a case without an action of the table (time-limit sweep, flags). */
// — hard-cases —
/** Events of hard-case work (积案): a joint review's decision, a task force formed, changed, reporting progress. */
export const HARD_CASE_EVENTS = ['hard_case_decision', 'task_force_formed', 'task_force_update', 'task_force_report'] as const;
export type HardCaseEvent = (typeof HARD_CASE_EVENTS)[number];
// — end hard-cases —
// — duty, leave and attendance —
/** Events of 值班 and 请假: a case claimed for the duty person out of hours; cases handed over while their handler is away. */
export const DUTY_EVENTS = ['duty_claim', 'leave_reassign'] as const;
export type DutyEvent = (typeof DUTY_EVENTS)[number];
export const NOTE_EVENTS = ['escalate', 'flag', ...SUPERVISION_EVENTS, ...HARD_CASE_EVENTS, /* — duty — */ ...DUTY_EVENTS] as const;
export type NoteEvent = (typeof NOTE_EVENTS)[number];

/** One recorded transition, as stored in case_events. */
export interface TransitionRecord {
  action: CaseAction | NoteEvent | 'register';
  fromState: CaseState | null;
  toState: CaseState;
}

/**
 * Replays a case's events and returns the state they lead to. Throws when the chain is broken
 * (an event that does not start where the previous ended, or that the table forbids), which is how
 * tests prove the stored state is exactly what the history says.
 */
export function replayTransitions(events: readonly TransitionRecord[]): CaseState {
  let state: CaseState | null = null;
  for (const event of events) {
    if (event.action === 'register') {
      if (state !== null) throw new Error('register must be the first event');
      state = event.toState;
      continue;
    }
    if (state === null || event.fromState !== state) {
      throw new Error(`event ${event.action} starts at ${event.fromState}, history is at ${state}`);
    }
    if ((NOTE_EVENTS as readonly string[]).includes(event.action)) {
      if (event.toState !== state) throw new Error(`note event ${event.action} changed the state`);
      continue;
    }
    const expected = nextState(state, event.action as CaseAction);
    if (expected !== event.toState) throw new Error(`event ${event.action} ends at ${event.toState}, table says ${expected}`);
    state = expected;
  }
  if (state === null) throw new Error('no events');
  return state;
}

/** URL segment of each staff action under /api/cases/:id/ (the resident evaluates through a signed link). */
export const CASE_ACTION_PATHS = {
  dispatch: 'dispatch',
  accept: 'accept',
  return: 'return',
  add_co_unit: 'co-units',
  request_extension: 'extensions',
  approve_extension: 'extensions/approve',
  reject_extension: 'extensions/reject',
  reply: 'reply',
  callback: 'callback',
  close: 'close',
  reopen: 'reopen',
  resolve_on_spot: 'resolve-on-spot',
  not_accept: 'not-accept',
  merge: 'merge',
  assign_leader: 'leader',
  request_review: 'review',
  complete_review: 'review/complete',
  request_rereview: 'rereview',
  complete_rereview: 'rereview/complete',
} as const satisfies Readonly<Record<StaffAction, string>>;

/** The actions staff take through the API (the resident evaluates through a signed link). */
export type StaffAction = Exclude<CaseAction, 'evaluate'>;

/** A stage of work whose time limit a case's running clock counts (the `stage` of accountability records). */
export type ClockStage = 'intake' | 'accept' | 'handle' | 'evaluate' | 'review' | 'rereview';

/** The stage whose clock runs in each active state ('evaluated' has none: it moves on at once). */
const CLOCK_STAGE_OF_STATE: Partial<Record<CaseState, ClockStage>> = {
  registered: 'intake',
  assigned: 'accept',
  reopened: 'accept',
  handling: 'handle',
  replied: 'evaluate',
  reviewing: 'review',
  rereviewing: 'rereview',
};

/** The stage a case in `status` is in, or null when no clock runs in that state (server sweep and console alike). */
export function clockStageOf(status: string): ClockStage | null {
  return CLOCK_STAGE_OF_STATE[status as CaseState] ?? null;
}

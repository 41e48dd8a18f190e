import { type ActionInput, CASE_ACTION_PATHS, type EvaluationResult, type StaffAction } from '@lianxin/core';

/** Staff actions (the resident evaluates through the signed link, never on this page). */
export type { StaffAction } from '@lianxin/core';

/** URL segment of each action under /api/cases/:id/ (one table, in @lianxin/core). */
export const ACTION_PATHS = CASE_ACTION_PATHS;

/** Order of the buttons: the usual next step first, rarer or heavier ones later. */
const ORDER: StaffAction[] = [
  'dispatch',
  'accept',
  'reply',
  'callback',
  'close',
  'approve_extension',
  'reject_extension',
  'complete_review',
  'complete_rereview',
  'resolve_on_spot',
  'add_co_unit',
  'request_extension',
  'assign_leader',
  'merge',
  'request_review',
  'request_rereview',
  'reopen',
  'return',
  'not_accept',
];

/** Actions that send a case away or end it: shown as danger buttons. */
export const DANGER_ACTIONS: ReadonlySet<StaffAction> = new Set(['return', 'not_accept', 'merge', 'reopen']);

/** The actions the API offers, staff ones only, in button order (unknown ones last, kept). */
export function orderedActions(actions: readonly string[]): StaffAction[] {
  const staff = actions.filter((a): a is StaffAction => a in ACTION_PATHS);
  return [...staff].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

/** Values of every action form (one shape; each form fills its own fields). */
export interface ActionValues {
  unitId?: string;
  note?: string;
  reason?: string;
  returnUnjustified?: boolean;
  days?: number;
  extensionId?: string;
  reply?: string;
  solved?: boolean;
  result?: EvaluationResult;
  comment?: string;
  answer?: string;
  intoCaseId?: string;
  leaderUserId?: string;
  decision?: string;
}

const trimmed = (v: string | undefined) => {
  const t = v?.trim();
  return t ? t : undefined;
};

/**
 * The request body of each action from its form values (blank optional texts left out), typed by
 * the action's body contract in core. The form has already required what the contract requires;
 * a value still missing is sent empty and the server names the field.
 */
const BODIES: { [A in StaffAction]: (v: ActionValues) => ActionInput<A> } = {
  dispatch: (v) => ({ unitId: v.unitId ?? '', note: trimmed(v.note), returnUnjustified: v.returnUnjustified || undefined }),
  accept: (v) => ({ note: trimmed(v.note) }),
  close: (v) => ({ note: trimmed(v.note) }),
  return: (v) => ({ reason: trimmed(v.reason) ?? '' }),
  reopen: (v) => ({ reason: trimmed(v.reason) ?? '' }),
  not_accept: (v) => ({ reason: trimmed(v.reason) ?? '' }),
  add_co_unit: (v) => ({ unitId: v.unitId ?? '', note: trimmed(v.note) }),
  request_extension: (v) => ({ days: v.days ?? 0, reason: trimmed(v.reason) ?? '' }),
  approve_extension: (v) => ({ extensionId: v.extensionId ?? '', note: trimmed(v.note) }),
  reject_extension: (v) => ({ extensionId: v.extensionId ?? '', note: trimmed(v.note) }),
  reply: (v) => ({ reply: trimmed(v.reply) ?? '', solved: v.solved ?? false }),
  // The form requires a result.
  callback: (v) => ({ result: v.result!, solved: v.solved ?? false, comment: trimmed(v.comment) }),
  resolve_on_spot: (v) => ({ answer: trimmed(v.answer) ?? '' }),
  merge: (v) => ({ intoCaseId: v.intoCaseId ?? '' }),
  assign_leader: (v) => ({ leaderUserId: v.leaderUserId ?? '' }),
  request_review: (v) => ({ reason: trimmed(v.reason) ?? '', unitId: v.unitId || undefined }),
  request_rereview: (v) => ({ reason: trimmed(v.reason) ?? '', unitId: v.unitId || undefined }),
  complete_review: (v) => ({ decision: trimmed(v.decision) ?? '' }),
  complete_rereview: (v) => ({ decision: trimmed(v.decision) ?? '' }),
};

/** The request body of `action` from its form values. */
export const actionBody = <A extends StaffAction>(action: A, v: ActionValues): ActionInput<A> => BODIES[action](v);

/** The form field a server error names ("body.reason" / "reason" → "reason"); null if none fits. */
export function formFieldOf(field: string, known: readonly string[]): string | null {
  const name = field.replace(/^body[./]?/, '').split(/[./]/)[0];
  return name && known.includes(name) ? name : null;
}

/** Appends a quotation to a reply draft, separated by a blank line. */
export function appendQuote(draft: string | undefined, quote: string): string {
  const base = (draft ?? '').trimEnd();
  return base ? `${base}\n\n${quote}` : quote;
}

import { CASE_ACTION_PATHS, type CaseAction } from '@lianxin/core';

/** Staff actions (the resident evaluates through the signed link, never on this page). */
export type StaffAction = Exclude<CaseAction, 'evaluate'>;

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
  result?: string;
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

/** The request body of an action from its form values (blank optional texts left out). */
export function actionBody(action: StaffAction, v: ActionValues): Record<string, unknown> {
  switch (action) {
    case 'dispatch':
      return { unitId: v.unitId, note: trimmed(v.note), returnUnjustified: v.returnUnjustified || undefined };
    case 'accept':
    case 'close':
      return { note: trimmed(v.note) };
    case 'return':
    case 'reopen':
    case 'not_accept':
      return { reason: trimmed(v.reason) ?? '' };
    case 'add_co_unit':
      return { unitId: v.unitId, note: trimmed(v.note) };
    case 'request_extension':
      return { days: v.days, reason: trimmed(v.reason) ?? '' };
    case 'approve_extension':
    case 'reject_extension':
      return { extensionId: v.extensionId, note: trimmed(v.note) };
    case 'reply':
      return { reply: trimmed(v.reply) ?? '', solved: v.solved ?? false };
    case 'callback':
      return { result: v.result, solved: v.solved ?? false, comment: trimmed(v.comment) };
    case 'resolve_on_spot':
      return { answer: trimmed(v.answer) ?? '' };
    case 'merge':
      return { intoCaseId: v.intoCaseId };
    case 'assign_leader':
      return { leaderUserId: v.leaderUserId };
    case 'request_review':
    case 'request_rereview':
      return { reason: trimmed(v.reason) ?? '', unitId: v.unitId || undefined };
    case 'complete_review':
    case 'complete_rereview':
      return { decision: trimmed(v.decision) ?? '' };
  }
}

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

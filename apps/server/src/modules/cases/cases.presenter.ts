import {
  ACTIVE_STATES,
  CASE_ACTIONS,
  type CaseAction,
  type CaseClockSchema,
  type CaseDetailSchema,
  type CaseEventSchema,
  type CaseFlag,
  type CaseSchema,
  type CaseState,
  type CaseSummarySchema,
  clockStatus,
  type Contract,
  IllegalTransitionError,
  isActionAllowed,
  label,
  type Locale,
  maskIdNumber,
  maskName,
  maskPhone,
  type QueueItemSchema,
  renderMessage,
  translate,
} from '@lianxin/core';
import { canActOnCase } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { CaseEventRow, CaseRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';

/** Flags as a list of names (the columns are 0/1). */
export function flagsOf(
  c: Pick<CaseRow, 'flagCollective' | 'flagRepeat' | 'flagCrossLevel' | 'flagRisk' | 'flagMajor' | 'status' | 'reopenCount' | 'registeredAt'>,
  now: Date,
): CaseFlag[] {
  const flags: CaseFlag[] = [];
  if (c.flagCollective) flags.push('collective');
  if (c.flagRepeat) flags.push('repeat');
  if (c.flagCrossLevel) flags.push('cross_level');
  if (c.flagRisk) flags.push('risk');
  if (c.flagMajor) flags.push('major');
  const open = (ACTIVE_STATES as readonly string[]).includes(c.status);
  // 积案: open for over 90 days, or reopened twice.
  if (c.reopenCount >= 2 || (open && now.getTime() - Date.parse(c.registeredAt) > 90 * 86_400_000)) flags.push('long_standing');
  return flags;
}

/** The clock of the current stage: deadline, time left and yellow/red level. */
export function clockOf(c: CaseRow, now: Date): Contract<typeof CaseClockSchema> | null {
  if (!c.currentDueAt || !c.clockStartedAt || !(ACTIVE_STATES as readonly string[]).includes(c.status)) return null;
  const status = clockStatus(new Date(c.clockStartedAt), new Date(c.currentDueAt), now);
  return { dueAt: c.currentDueAt, startedAt: c.clockStartedAt, level: status.level, remainingMs: status.remainingMs, usedRatio: Math.round(status.usedRatio * 1000) / 1000 };
}

const openMasked = (cipher: Cipher, value: string | null, mask: (v: string) => string) => (value ? mask(cipher.decrypt(value)) : null);

/** The requester's name and phone, masked as lists show them (the export's columns: no ID number to decrypt). */
export function maskedNameAndPhone(c: Pick<CaseRow, 'anonymous' | 'requesterNameEnc' | 'requesterPhoneEnc'>, cipher: Cipher): { anonymous: boolean; name: string | null; phone: string | null } {
  if (c.anonymous) return { anonymous: true, name: null, phone: null };
  return { anonymous: false, name: openMasked(cipher, c.requesterNameEnc, maskName), phone: openMasked(cipher, c.requesterPhoneEnc, maskPhone) };
}

function maskedRequester(c: CaseRow, cipher: Cipher) {
  if (c.anonymous) return { anonymous: true, name: null, phone: null, idNumber: null };
  return { ...maskedNameAndPhone(c, cipher), idNumber: openMasked(cipher, c.requesterIdEnc, maskIdNumber) };
}

/** A case in a list: the fields a ledger row needs, personal data masked. */
export function presentCaseSummary(c: CaseRow, cipher: Cipher, now: Date): Contract<typeof CaseSummarySchema> {
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    kind: c.kind,
    channel: c.channel,
    categoryCode: c.categoryCode,
    areaCode: c.areaCode,
    urgency: c.urgency,
    status: c.status as CaseState,
    flags: flagsOf(c, now),
    currentUnitId: c.currentUnitId,
    registeredAt: c.registeredAt,
    clock: clockOf(c, now),
    requester: maskedRequester(c, cipher),
    // — supervision —
    urgeCount: c.urgeCount ?? 0,
  };
}

/** The actions the actor may take now: allowed by the state machine and by role (the page shows these buttons). */
export function availableActions(actor: Actor, c: CaseRow): CaseAction[] {
  return CASE_ACTIONS.filter((action) => isActionAllowed(c.status as CaseState, action) && canActOnCase(actor, action, c));
}

/** A whole case for its page, including what the actor may do next. */
export function presentCase(c: CaseRow, actor: Actor, cipher: Cipher, now: Date): Contract<typeof CaseSchema> {
  return {
    ...presentCaseSummary(c, cipher, now),
    petitionClass: c.petitionClass,
    content: c.content,
    peopleCount: c.peopleCount,
    representatives: c.representatives,
    address: c.address,
    lat: c.lat,
    lng: c.lng,
    householdId: c.householdId,
    publicConsent: c.publicConsent === 1,
    riskWords: c.riskWords ? c.riskWords.split(',') : [],
    repeatOfId: c.repeatOfId,
    duplicateOfId: c.duplicateOfId,
    ownerLevel: c.ownerLevel,
    firstContactUserId: c.firstContactUserId,
    registeredBy: c.registeredBy,
    registeredUnitId: c.registeredUnitId,
    leaderUserId: c.leaderUserId,
    handlerUserId: c.handlerUserId,
    deadlines: {
      intake: c.intakeDueAt,
      accept: c.acceptDueAt,
      handle: c.handleDueAt,
      evaluate: c.evaluateDueAt,
      review: c.reviewDueAt,
    },
    times: {
      received: c.receivedAt,
      registered: c.registeredAt,
      dispatched: c.dispatchedAt,
      accepted: c.acceptedAt,
      replied: c.repliedAt,
      evaluated: c.evaluatedAt,
      closed: c.closedAt,
    },
    reply: c.replyText ? { text: c.replyText, solved: c.replySolved === 1 } : null,
    evaluation: c.evaluationResult
      ? { result: c.evaluationResult, solved: c.evaluationSolved === 1, comment: c.evaluationComment, channel: c.evaluationChannel }
      : null,
    counts: { returns: c.returnCount, reopens: c.reopenCount, dissatisfied: c.dissatisfiedCount, extensionDays: c.extensionDays },
    reviewLevel: c.reviewLevel,
    escalationLevel: c.escalationLevel,
    dueLevel: c.dueLevel,
    version: c.version,
    canRevealRequester: !c.anonymous && canActOnCase(actor, 'reveal_requester', c),
    // Personal data typed into free text: shown masked; revealed under the requester's rule.
    textProtected: Boolean(c.titleEnc || c.contentEnc || c.replyTextEnc || c.evaluationCommentEnc),
    canRevealText: canActOnCase(actor, 'reveal_requester', c),
    actions: availableActions(actor, c),
  };
}

/** One entry of the timeline. */
export function presentEvent(e: CaseEventRow): Contract<typeof CaseEventSchema> {
  return {
    seq: e.seq,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorUserId: e.actorUserId,
    actorUnitId: e.actorUnitId,
    actorLabel: e.actorLabel,
    at: e.at,
    note: e.note,
    noteProtected: e.noteEnc !== null,
    data: e.data ? JSON.parse(e.data) : null,
  };
}

/** A case with what its page shows beside it (`CasesService.withRelated`). */
export interface CaseWithRelated {
  case: CaseRow;
  events: CaseEventRow[];
  coUnits: Contract<typeof CaseDetailSchema>['coUnits'];
  extensions: Contract<typeof CaseDetailSchema>['extensions'];
  attachments: Contract<typeof CaseDetailSchema>['attachments'];
  duplicates: Contract<typeof CaseDetailSchema>['duplicates'];
  accountability: Contract<typeof CaseDetailSchema>['accountability'];
  /** The most days an extension may ask for under the rules (0: none). */
  extensionMaxDays: number;
}

/** Extension actions only when they can succeed: a request when none is pending or used and the rules allow one, a decision when one is pending. */
function extensionActions(actions: CaseAction[], detail: CaseWithRelated): CaseAction[] {
  const pending = detail.extensions.some((x) => x.status === 'pending');
  const mayRequest = !pending && detail.case.extensionDays === 0 && detail.extensionMaxDays > 0;
  return actions.filter((a) => (a === 'request_extension' ? mayRequest : a === 'approve_extension' || a === 'reject_extension' ? pending : true));
}

/** GET /api/cases/:id and every action's answer. */
export function presentDetail(detail: CaseWithRelated, actor: Actor, cipher: Cipher, now: Date): Contract<typeof CaseDetailSchema> {
  const base = presentCase(detail.case, actor, cipher, now);
  const actions = extensionActions(base.actions, detail);
  return {
    ...base,
    actions,
    extensionMaxDays: actions.includes('request_extension') ? detail.extensionMaxDays : null,
    events: detail.events.map(presentEvent),
    coUnits: detail.coUnits,
    extensions: detail.extensions,
    attachments: detail.attachments,
    duplicates: detail.duplicates,
    accountability: detail.accountability,
  };
}

/** One case of the dispatch queue: the summary, its last return and a suggested unit. */
export function presentQueueItem(
  c: CaseRow,
  extra: Pick<Contract<typeof QueueItemSchema>, 'lastReturn' | 'suggestion'>,
  cipher: Cipher,
  now: Date,
): Contract<typeof QueueItemSchema> {
  return { ...presentCaseSummary(c, cipher, now), returnCount: c.returnCount, ...extra };
}

/** What went wrong with one case of a batch, as the single-case endpoint would have said it; null for a defect. */
export function problemOf(error: unknown, locale: Locale): { status: number; code: string; title: string } | null {
  if (error instanceof AppError) return { status: error.status, code: error.code.replace(/^error\./, ''), title: renderMessage(locale, error.code, error.params) };
  if (error instanceof IllegalTransitionError) {
    return {
      status: 409,
      code: 'illegal_transition',
      title: translate(locale, 'error.illegal_transition', { state: label('state', error.state, locale), action: label('action', error.action, locale) }),
    };
  }
  return null;
}

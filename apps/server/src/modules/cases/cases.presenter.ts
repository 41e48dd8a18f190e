import { ACTIVE_STATES, type CaseState, clockStatus, maskIdNumber, maskName, maskPhone } from '@lianxin/core';
import type { CaseEventRow, CaseRow } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import type { Actor } from '../../access/actor.js';
import { availableActions, canSeePersonalData } from './cases.policy.js';

/** Flags as a list of names (the columns are 0/1). */
export function flagsOf(c: CaseRow, now: Date): string[] {
  const flags: string[] = [];
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
export function clockOf(c: CaseRow, now: Date) {
  if (!c.currentDueAt || !c.clockStartedAt || !(ACTIVE_STATES as readonly string[]).includes(c.status)) return null;
  const status = clockStatus(new Date(c.clockStartedAt), new Date(c.currentDueAt), now);
  return { dueAt: c.currentDueAt, startedAt: c.clockStartedAt, level: status.level, remainingMs: status.remainingMs, usedRatio: Math.round(status.usedRatio * 1000) / 1000 };
}

function maskedRequester(c: CaseRow, cipher: Cipher) {
  if (c.anonymous) return { anonymous: true, name: null, phone: null, idNumber: null };
  const open = (value: string | null, mask: (v: string) => string) => (value ? mask(cipher.decrypt(value)) : null);
  return {
    anonymous: false,
    name: open(c.requesterNameEnc, maskName),
    phone: open(c.requesterPhoneEnc, maskPhone),
    idNumber: open(c.requesterIdEnc, maskIdNumber),
  };
}

/** A case in a list: the fields a ledger row needs, personal data masked. */
export function presentCaseSummary(c: CaseRow, cipher: Cipher, now: Date) {
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
  };
}

/** A whole case for its page, including what the actor may do next. */
export function presentCase(c: CaseRow, actor: Actor, cipher: Cipher, now: Date) {
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
    canRevealRequester: !c.anonymous && canSeePersonalData(actor, c),
    actions: availableActions(actor, c),
  };
}

/** One entry of the timeline. */
export function presentEvent(e: CaseEventRow) {
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
    data: e.data ? JSON.parse(e.data) : null,
  };
}

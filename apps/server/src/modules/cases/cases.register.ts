import { randomUUID } from 'node:crypto';
import { type ActionBody, type CaseAction, type CaseCreate, grantsWith, isInSubtree, localDate } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { CaseRow, DB, NewCase } from '../../db/schema.js';
import { createGroupCommit } from '../../db/group-commit.js';
import { AppError, unknownReference } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { Notifier } from '../notifications/notifier.js';
import { orgQueries } from '../org/org.repository.js';
import { indexNewCase } from '../search-index/search-index.repository.js';
import { protectText } from '../../text/protect-text.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { detectFlags } from './cases.flags.js';
import { casesRepository as repo } from './cases.repository.js';
import { RECIPIENTS } from './cases.transition-kit.js';
import { newTrackingSecret, trackingSecretHash } from './cases.tracking-secret.js';

/** Tracking codes read LX20261121-000123: the day of registration (China time) and a daily number. */
export function formatTrackingCode(day: string, n: number): string {
  return `LX${day.replaceAll('-', '')}-${String(n).padStart(6, '0')}`;
}

export interface RegistrationDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  notifier: Notifier;
  deadlines: Deadlines;
  /** Runs an action in the registration's transaction (当场办结). */
  run: <A extends CaseAction>(trx: Transaction<DB>, actor: Actor, c: CaseRow, action: A, body: ActionBody<A>) => Promise<CaseRow>;
}

/** A registered case, with the 查询码 that was given to its requester (it is stored only as a keyed hash). */
export type RegisteredCase = CaseRow & { trackingSecret: string };

/**
 * Registration (登记): by someone who may register over the case's area, with its automatic flags,
 * the intake clock, its first event, its 查询码 (only a keyed hash kept), the requester's SMS with
 * code and 查询码, the leaders' notice of risk words — and, when asked, the on-the-spot close — in
 * one transaction.
 */
export function createRegistration({ db, clock, cipher, notifier, deadlines, run }: RegistrationDeps) {
  // Concurrent registrations share one transaction and one commit, each in its own savepoint
  // (issue 19): each is still all or nothing, and answered only once its commit is done.
  const commits = createGroupCommit(db);
  return async function register(actor: Actor, input: CaseCreate): Promise<RegisteredCase> {
    assertCan(actor, 'case.register', input);
    // The unit the actor registers for: one where they may register over the case's area.
    const grant = grantsWith(actor.grants, 'case.register').find((g) => isInSubtree(input.areaCode, g.areaCode))!;
    const [area, category] = await Promise.all([orgQueries.findArea(db, input.areaCode), orgQueries.findCategory(db, input.categoryCode)]);
    if (!area) throw new AppError(400, 'issue.invalid_area', {}, 'areaCode');
    if (!category || !category.isActive) throw new AppError(400, 'issue.invalid_category', {}, 'categoryCode');

    const now = clock.now();
    const nowIso = now.toISOString();
    const receivedAt = input.receivedAt && new Date(input.receivedAt) < now ? new Date(input.receivedAt) : now;
    const { requester } = input;
    const keySource = requester.anonymous ? undefined : (requester.phone ?? requester.idNumber);
    const requesterKey = keySource ? cipher.blindIndex(keySource) : null;
    const subject = { kind: input.kind, urgency: input.urgency, channel: input.channel, categoryCode: input.categoryCode };
    const intake = await deadlines.deadline('intake', subject, receivedAt);
    // Personal data typed into the title or content is stored masked, its original encrypted; the
    // index, the similar-case engine and the flags see only the masked text.
    const title = protectText(cipher, input.title);
    const content = protectText(cipher, input.content);
    const trackingSecret = newTrackingSecret();

    const created = await commits.run(async (trx) => {
      const flags = await detectFlags(trx, { ...input, title: title.text, content: content.text }, requesterKey, grant.areaCode, now);
      const number = await repo.nextCounter(trx, `case:${localDate(now)}`);
      const row: NewCase = {
        id: randomUUID(),
        code: formatTrackingCode(localDate(now), number),
        channel: input.channel,
        kind: input.kind,
        petitionClass: input.petitionClass ?? null,
        categoryCode: input.categoryCode,
        title: title.text,
        content: content.text,
        titleEnc: title.enc,
        contentEnc: content.enc,
        requesterNameEnc: !requester.anonymous && requester.name ? cipher.encrypt(requester.name) : null,
        requesterPhoneEnc: !requester.anonymous && requester.phone ? cipher.encrypt(requester.phone) : null,
        requesterIdEnc: !requester.anonymous && requester.idNumber ? cipher.encrypt(requester.idNumber) : null,
        requesterKey,
        anonymous: requester.anonymous ? 1 : 0,
        peopleCount: input.peopleCount,
        representatives: input.representatives ?? null,
        areaCode: input.areaCode,
        address: input.address ?? null,
        lat: input.lat ?? area.lat,
        lng: input.lng ?? area.lng,
        householdId: input.householdId ?? null,
        urgency: input.urgency,
        publicConsent: input.publicConsent ? 1 : 0,
        flagCollective: flags.collective ? 1 : 0,
        flagRepeat: flags.repeat ? 1 : 0,
        flagCrossLevel: flags.crossLevel ? 1 : 0,
        flagRisk: flags.riskWords.length ? 1 : 0,
        flagMajor: flags.major ? 1 : 0,
        riskWords: flags.riskWords.length ? flags.riskWords.join(',') : null,
        repeatOfId: flags.repeatOfId,
        duplicateOfId: null,
        reviewOfId: null,
        status: 'registered',
        // 一把手负责: collective, repeat and cross-level cases are owned by the unit head.
        ownerLevel: flags.collective || flags.repeat || flags.crossLevel ? 'head' : 'unit',
        registeredBy: actor.userId,
        registeredUnitId: grant.unitId,
        firstContactUserId: actor.userId,
        leaderUserId: null,
        currentUnitId: null,
        handlerUserId: null,
        receivedAt: receivedAt.toISOString(),
        registeredAt: nowIso,
        dispatchedAt: null,
        acceptedAt: null,
        repliedAt: null,
        evaluatedAt: null,
        closedAt: null,
        intakeDueAt: intake?.dueAt ?? null,
        acceptDueAt: null,
        handleDueAt: null,
        evaluateDueAt: null,
        reviewDueAt: null,
        clockStartedAt: receivedAt.toISOString(),
        currentDueAt: intake?.dueAt ?? null,
        dueLevel: 'normal',
        escalationLevel: 0,
        replyText: null,
        replySolved: null,
        evaluationResult: null,
        evaluationSolved: null,
        evaluationComment: null,
        evaluationChannel: null,
        returnCount: 0,
        reopenCount: 0,
        dissatisfiedCount: 0,
        reviewLevel: 0,
        extensionDays: 0,
        respondedOnTime: null,
        closedOnTime: null,
        version: 1,
        updatedAt: nowIso,
      };
      await repo.insertCase(trx, row);
      await repo.insertTrackingSecret(trx, { caseId: row.id, secretHash: trackingSecretHash(cipher, row.id, trackingSecret), createdAt: nowIso });
      await indexNewCase(trx, row);
      const activeFlags = Object.entries({ collective: flags.collective, repeat: flags.repeat, cross_level: flags.crossLevel, risk: flags.riskWords.length > 0, major: flags.major })
        .filter(([, on]) => on)
        .map(([name]) => name);
      await repo.insertEvent(trx, {
        id: randomUUID(),
        caseId: row.id,
        seq: 1,
        action: 'register',
        fromStatus: null,
        toStatus: 'registered',
        actorUserId: actor.userId,
        actorUnitId: grant.unitId,
        actorLabel: null,
        at: nowIso,
        note: null,
        data: JSON.stringify({ flags: activeFlags, riskWords: flags.riskWords, repeatOfId: flags.repeatOfId }),
      });
      const linked = await repo.linkAttachments(trx, row.id, input.attachmentIds, actor.userId);
      if (linked !== input.attachmentIds.length) throw unknownReference('attachmentIds', 'attachment');
      if (requester.phone && !requester.anonymous) {
        // The outbox keeps the message with the 查询码 masked; only the gateway gets it in clear.
        await notifier.sms(trx, { phone: requester.phone, caseId: row.id }, 'sms.registered', { code: row.code, secret: trackingSecret }, { secret: { key: 'secret' } });
      }
      if (flags.riskWords.length) {
        const leaders = await orgQueries.usersOverArea(trx, input.areaCode, [...RECIPIENTS.leaders, ...RECIPIENTS.supervisors]);
        await notifier.notice(trx, leaders, 'notice.risk', { code: row.code, words: flags.riskWords.join('、') }, row.id);
      }
      const registered = row as CaseRow;
      if (input.resolveOnSpot) {
        return run(trx, actor, registered, 'resolve_on_spot', { answer: input.resolveOnSpot.answer });
      }
      return registered;
    });
    return { ...created, trackingSecret };
  }
}

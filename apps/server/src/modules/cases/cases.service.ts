import { randomUUID } from 'node:crypto';
import { type CaseCreate, type CaseListQuery, localDate } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { CaseRow, DB, NewCase } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { Actor } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { isInSubtree } from '@lianxin/core';
import { indexCase } from '../search-index/search-index.repository.js';
import { orgQueries } from '../org/org.repository.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { detectFlags } from './cases.flags.js';
import { listCases, loadInbox } from './cases.queries.js';
import { canSeePersonalData, REGISTERING_ROLES } from './cases.policy.js';
import { casesRepository as repo } from './cases.repository.js';
import { createTransitions } from './cases.transitions.js';

export interface CasesServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  notifier: Notifier;
  deadlines: Deadlines;
  audit: AuditLog;
  publicBaseUrl: string;
}

/** Tracking codes read LX20261121-000123: the day of registration (China time) and a daily number. */
export function formatTrackingCode(day: string, n: number): string {
  return `LX${day.replaceAll('-', '')}-${String(n).padStart(6, '0')}`;
}

/** The rules of the case lifecycle: registration, reading, and every transition. */
export function createCasesService(deps: CasesServiceDeps) {
  const { db, clock, cipher, notifier, deadlines, audit } = deps;
  const transitions = createTransitions(deps);

  /** A case the actor can see, or 403 (exists elsewhere) / 404. */
  async function visibleCase(actor: Actor, id: string): Promise<CaseRow> {
    const found = await repo.findInScope(db, id, scopeOf(actor.grants));
    if (found) return found;
    throw (await repo.findById(db, id)) ? outOfScope() : notFound();
  }

  async function register(actor: Actor, input: CaseCreate): Promise<CaseRow> {
    const grant = actor.grants.find((g) => REGISTERING_ROLES.includes(g.role) && isInSubtree(input.areaCode, g.areaCode));
    if (!grant) throw actor.grants.some((g) => REGISTERING_ROLES.includes(g.role)) ? outOfScope() : forbidden();
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

    const created = await db.transaction().execute(async (trx) => {
      const flags = await detectFlags(trx, input, requesterKey, grant.areaCode, now);
      const number = await repo.nextCounter(trx, `case:${localDate(now)}`);
      const row: NewCase = {
        id: randomUUID(),
        code: formatTrackingCode(localDate(now), number),
        channel: input.channel,
        kind: input.kind,
        petitionClass: input.petitionClass ?? null,
        categoryCode: input.categoryCode,
        title: input.title,
        content: input.content,
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
      await indexCase(trx, row);
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
        await notifier.sms(trx, { phone: requester.phone, caseId: row.id }, 'sms.registered', { code: row.code });
      }
      if (flags.riskWords.length) {
        const leaders = await orgQueries.usersOverArea(trx, input.areaCode, ['leader', 'supervisor']);
        await notifier.notice(trx, leaders, 'notice.risk', { code: row.code, words: flags.riskWords.join('、') }, row.id);
      }
      const registered = row as CaseRow;
      if (input.resolveOnSpot) {
        return transitions.run(trx, actor, registered, 'resolve_on_spot', { answer: input.resolveOnSpot.answer });
      }
      return registered;
    });
    return created;
  }

  async function withRelated(c: CaseRow) {
    const [events, coUnits, extensions, attachments, duplicates, accountability] = await Promise.all([
      repo.events(db, c.id),
      repo.coUnits(db, c.id),
      repo.extensions(db, c.id),
      repo.attachments(db, c.id),
      repo.duplicates(db, c.id),
      repo.accountability(db, c.id),
    ]);
    return { case: c, events, coUnits, extensions, attachments, duplicates, accountability };
  }

  return {
    register,
    visibleCase,
    act: transitions.act,
    /** System events (sweep, flags) that record something without changing the state. */
    note: transitions.note,
    evaluateByToken: transitions.evaluateByToken,
    caseForToken: transitions.caseForToken,
    evaluationLink: transitions.evaluationLink,

    /** The case with everything its page shows. */
    async detail(actor: Actor, id: string) {
      return withRelated(await visibleCase(actor, id));
    },

    /** The same for a case the actor has just acted on (a return may take it out of their scope). */
    withRelated,

    /** The requester's name, phone and ID in clear — for those allowed, and audited. */
    async revealRequester(actor: Actor, id: string) {
      const c = await visibleCase(actor, id);
      if (!canSeePersonalData(actor, c)) throw forbidden();
      await audit.append({ actorUserId: actor.userId, action: 'reveal_personal_data', subjectType: 'case', subjectId: c.id, detail: { code: c.code } });
      const open = (value: string | null) => (value ? cipher.decrypt(value) : null);
      return { name: open(c.requesterNameEnc), phone: open(c.requesterPhoneEnc), idNumber: open(c.requesterIdEnc) };
    },

    list: (actor: Actor, query: CaseListQuery) => listCases(db, actor, query, clock.now()),
    inbox: (actor: Actor, limit: number) => loadInbox(db, actor, limit, clock.now()),
  };
}
export type CasesService = ReturnType<typeof createCasesService>;

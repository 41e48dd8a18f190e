import { randomInt, randomUUID } from 'node:crypto';
import { type Locale, localDate, type PublicConsultation, type PublicOpinion } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { redact } from '../portal/redact.js';
import type { RedactionNames } from '../portal/redact-dictionary.js';
import { type Audience, consultationsRepository as repo } from './consultations.repository.js';
import { alreadyVoted, audienceOf, isTaking, isUniqueViolation, stateOf } from './consultations.service.js';

export const CODE_MINUTES = 10;
/** At most this many codes per phone and subject in an hour. */
const CODES_PER_HOUR = 5;

const notRegistered = () => new AppError(403, 'error.consultation_not_registered', {}, 'phone');
const badCode = () => new AppError(403, 'error.consultation_code', {}, 'code');
const notOpen = () => new AppError(409, 'error.consultation_closed');

export interface VerifierDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  notifier: Notifier;
  /** Test hooks on: remember the last code sent to each phone for the browser journeys (never in production). */
  recordCodes?: boolean;
}

/**
 * Verification of residents on the portal against the household registry: a code by SMS goes only
 * to a phone that a member of a household in the audience has in the registry (matched by its blind
 * index); the code, kept as a keyed hash, is used once. Shared by consultations and surveys.
 */
export function createResidentVerifier({ db, clock, cipher, notifier, recordCodes = false }: VerifierDeps) {
  // The outbox drops a code once delivered; with test hooks on, the journeys read it here instead.
  const sentCodes = new Map<string, string>();
  const codeHash = (subject: string, phone: string, code: string) => cipher.blindIndex(`consult-code:${subject}:${phone}:${code}`);
  return {
    /** Sends a code to `phone` when it is registered in the audience; 403 otherwise. */
    async sendCode(subject: string, title: string, audience: Audience, phone: string) {
      const phoneKey = cipher.blindIndex(phone);
      const members = await repo.membersByPhone(db, audience, phoneKey);
      if (members.length === 0) throw notRegistered();
      const now = clock.now();
      if ((await repo.codesSince(db, subject, phoneKey, new Date(now.getTime() - 3_600_000).toISOString())) >= CODES_PER_HOUR) throw new AppError(429, 'error.rate_limited');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('consultationCodes').values({ id: randomUUID(), subject, phoneKey, codeHash: codeHash(subject, phone, code), createdAt: now.toISOString(), expiresAt, usedAt: null }).execute();
        // The outbox keeps the message with the code masked; only the gateway gets it in clear.
        await notifier.sms(trx, { phone }, 'sms.consultation_code', { title, code, minutes: CODE_MINUTES }, { secret: { key: 'code', expiresAt } });
      });
      if (recordCodes) sentCodes.set(phone, code);
      return { sent: true as const, expiresInMinutes: CODE_MINUTES };
    },

    /** Uses the code (inside the caller's transaction) and answers the registry's members with the phone in the audience. */
    async verify(trx: Transaction<DB>, subject: string, audience: Audience, phone: string, code: string) {
      const phoneKey = cipher.blindIndex(phone);
      if (!(await repo.claimCode(trx, subject, phoneKey, codeHash(subject, phone, code), clock.now().toISOString()))) throw badCode();
      const members = await repo.membersByPhone(trx, audience, phoneKey);
      if (members.length === 0) throw notRegistered();
      return members;
    },

    /** The end-to-end tests' hook: the last code sent to a phone (only recorded with test hooks on). */
    lastCode(phone: string): string | null {
      return sentCodes.get(phone) ?? null;
    },
  };
}
export type ResidentVerifier = ReturnType<typeof createResidentVerifier>;

/** 征求意见 on the portal: the public pages, codes and opinions. Nothing personal leaves. */
export function createConsultationsPortal({ db, clock, cipher, audit, verifier, names }: { db: Kysely<DB>; clock: Clock; cipher: Cipher; audit: AuditLog; verifier: ResidentVerifier; names: RedactionNames }) {
  const today = () => localDate(clock.now());
  const found = async (id: string) => {
    const c = await repo.find(db, id);
    if (!c) throw notFound();
    return c;
  };

  return {
    async list(areaCode: string | undefined, limit: number) {
      const rows = await repo.list(db, [['0', 'a']], { areaCode }, 0, limit);
      const now = today();
      return { items: rows.filter((r) => r.opensOn <= now).map((r) => ({ id: r.id, title: r.title, areaName: r.areaName ?? r.areaCode, state: stateOf(r, now), opensOn: r.opensOn, closesOn: r.closesOn })) };
    },

    async view(id: string, locale: Locale): Promise<PublicConsultation> {
      void locale;
      const c = await found(id);
      const now = today();
      if (c.opensOn > now) throw notFound();
      const [options, meetings, areaNames] = await Promise.all([repo.options(db, c.id), repo.meetings(db, c.id), repo.areaNames(db, [c.areaCode])]);
      const ids = meetings.map((m) => m.id);
      const [counts, attendees] = await Promise.all([repo.counts(db, ids), repo.attendees(db, ids)]);
      const decided = !!c.decidedAt;
      const opinions = decided ? await repo.opinions(db, c.id) : [];
      const dictionary = decided ? await names.current() : undefined;
      const label = new Map(options.map((o) => [o.id, o.label]));
      const totals = new Map<string, number>();
      for (const k of counts) totals.set(k.optionId, (totals.get(k.optionId) ?? 0) + Number(k.count));
      for (const o of opinions) if (o.optionId) totals.set(o.optionId, (totals.get(o.optionId) ?? 0) + 1);
      return {
        id: c.id,
        title: c.title,
        background: c.background,
        areaName: areaNames.get(c.areaCode) ?? c.areaCode,
        rule: c.rule as 'household',
        state: stateOf(c, now),
        opensOn: c.opensOn,
        closesOn: c.closesOn,
        options,
        questions: JSON.parse(c.questions) as string[],
        meetings: meetings
          .filter((m) => m.isPublic === 1)
          .map((m) => ({
            kind: m.kind as 'forum',
            heldAt: m.heldAt,
            minutes: redact(m.minutes, [], dictionary),
            counts: counts.filter((k) => k.meetingId === m.id).map((k) => ({ optionId: k.optionId, count: Number(k.count) })),
            attendeeCount: attendees.filter((a) => a.meetingId === m.id).length,
          })),
        results: decided ? options.map((o) => ({ optionId: o.id, label: o.label, total: totals.get(o.id) ?? 0 })) : [],
        decision: c.decision,
        decidedAt: c.decidedAt,
        feedback: opinions.map((o) => ({
          id: o.id,
          channel: o.channel as 'portal',
          optionLabel: o.optionId ? (label.get(o.optionId) ?? null) : null,
          text: redact(o.text, [o.memberNameEnc ? cipher.decrypt(o.memberNameEnc) : null, cipher.decrypt(o.headNameEnc)], dictionary),
          response: o.response as 'adopted' | null,
          reason: o.reason,
        })),
      };
    },

    async requestCode(id: string, phone: string) {
      const c = await found(id);
      if (!isTaking(c, today())) throw notOpen();
      return verifier.sendCode(`consultation:${c.id}`, c.title, audienceOf(c), phone);
    },

    /** An opinion verified by its SMS code: one per household or per resident, as the rule says. */
    async submit(id: string, body: PublicOpinion) {
      const c = await found(id);
      if (!isTaking(c, today())) throw notOpen();
      if (body.optionId && !(await repo.options(db, c.id)).some((o) => o.id === body.optionId)) throw new AppError(400, 'error.unknown_reference', { what: 'option' }, 'optionId');
      const opinionId = randomUUID();
      const createdAt = clock.now().toISOString();
      try {
        await db.transaction().execute(async (trx) => {
          const [member] = await verifier.verify(trx, `consultation:${c.id}`, audienceOf(c), body.phone, body.code);
          const voterKey = c.rule === 'resident' ? `member:${member.id}` : `household:${member.householdId}`;
          if (await repo.hasVoted(trx, c.id, voterKey)) throw alreadyVoted(c.rule);
          await trx
            .insertInto('consultationOpinions')
            .values({
              id: opinionId,
              consultationId: c.id,
              voterKey,
              channel: 'portal',
              householdId: member.householdId,
              memberId: member.id,
              areaCode: member.areaCode,
              optionId: body.optionId ?? null,
              text: body.text,
              phoneEnc: cipher.encrypt(body.phone),
              recordedBy: null,
              visitId: null,
              createdAt,
              response: null,
              reason: null,
              respondedAt: null,
            })
            .execute();
          await audit.append({ actorUserId: null, action: 'consultation_opinion', subjectType: 'consultation', subjectId: c.id, detail: { opinionId, householdId: member.householdId, channel: 'portal' } }, trx);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw alreadyVoted(c.rule);
        throw e;
      }
      return { id: opinionId, createdAt };
    },
  };
}
export type ConsultationsPortal = ReturnType<typeof createConsultationsPortal>;

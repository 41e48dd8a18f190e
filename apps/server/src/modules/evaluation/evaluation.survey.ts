import { randomInt, randomUUID } from 'node:crypto';
import type { SurveyBallot } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound, unknownReference, unprocessable } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { Notifier } from '../notifications/notifier.js';
import { OTP_MINUTES } from '../portal/portal.service.js';

export interface SurveyDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  notifier: Pick<Notifier, 'sms'>;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * The residents' survey of a cycle (群众测评) on the portal or a QR link at a service window: the
 * voter's phone is verified by an SMS code sent through the outbox like the portal's tracking
 * codes (only a keyed hash of code and phone is kept), and each phone votes once per cycle.
 */
export function createSurveyService({ db, clock, cipher, notifier }: SurveyDeps) {
  const phoneKey = (cycleId: string, phone: string) => cipher.blindIndex(`survey-phone:${cycleId}:${digits(phone)}`);
  const otpHash = (cycleId: string, key: string, otp: string) => cipher.blindIndex(`survey-otp:${cycleId}:${key}:${otp}`);

  async function openCycle(id: string) {
    const cycle = await db.selectFrom('evalCycles').select(['id', 'name', 'state']).where('id', '=', id).executeTakeFirst();
    if (!cycle) throw notFound();
    return cycle;
  }

  return {
    /** The cadres to rate: names and units only (public for cadres), nothing else. */
    async survey(id: string) {
      const cycle = await openCycle(id);
      const cadres = await db
        .selectFrom('evalMembers as m')
        .innerJoin('users as u', 'u.id', 'm.userId')
        .innerJoin('units as n', 'n.id', 'm.unitId')
        .select(['m.userId', 'u.displayName as name', 'n.name as unitName'])
        .where('m.cycleId', '=', id)
        .orderBy('n.name')
        .orderBy('u.displayName')
        .execute();
      return { cycleId: cycle.id, name: cycle.name, open: cycle.state === 'open', cadres };
    },

    async requestOtp(id: string, phone: string) {
      const cycle = await openCycle(id);
      if (cycle.state !== 'open') throw unprocessable('error.cycle_closed');
      const key = phoneKey(id, phone);
      const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + OTP_MINUTES * 60_000).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('evalSurveyOtps').values({ id: randomUUID(), cycleId: id, phoneKey: key, otpHash: otpHash(id, key, otp), createdAt: now.toISOString(), expiresAt, usedAt: null }).execute();
        // The outbox keeps the message with the code masked; only the gateway gets it in clear.
        await notifier.sms(trx, { phone: digits(phone) }, 'sms.survey_otp', { otp, minutes: OTP_MINUTES }, { secret: { key: 'otp', expiresAt } });
      });
      return { sent: true as const, expiresInMinutes: OTP_MINUTES };
    },

    /** One ballot per verified phone: a wrong or used code is 400, a second ballot 409; nothing half-written. */
    async vote(id: string, body: SurveyBallot) {
      const cycle = await openCycle(id);
      if (cycle.state !== 'open') throw unprocessable('error.cycle_closed');
      const key = phoneKey(id, body.phone);
      const now = clock.now().toISOString();
      const members = new Set((await db.selectFrom('evalMembers').select('userId').where('cycleId', '=', id).execute()).map((m) => m.userId));
      const answers = new Map(body.answers.map((a) => [a.userId, a.result]));
      if ([...answers.keys()].some((u) => !members.has(u))) throw unknownReference('answers', 'member');
      await db.transaction().execute(async (trx) => {
        const voted = await trx.selectFrom('evalBallots').select('id').where('cycleId', '=', id).where('phoneKey', '=', key).executeTakeFirst();
        if (voted) throw new AppError(409, 'error.already_voted', {}, 'phone');
        const live = await trx.selectFrom('evalSurveyOtps').select(['id', 'otpHash']).where('cycleId', '=', id).where('phoneKey', '=', key).where('usedAt', 'is', null).where('expiresAt', '>', now).execute();
        const match = live.find((o) => o.otpHash === otpHash(id, key, body.otp));
        if (!match) throw new AppError(400, 'error.survey_failed', {}, 'otp');
        const used = await trx.updateTable('evalSurveyOtps').set({ usedAt: now }).where('id', '=', match.id).where('usedAt', 'is', null).executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) throw new AppError(400, 'error.survey_failed', {}, 'otp');
        const ballotId = randomUUID();
        await trx.insertInto('evalBallots').values({ id: ballotId, cycleId: id, phoneKey: key, createdAt: now }).execute();
        await trx.insertInto('evalBallotAnswers').values([...answers].map(([memberUserId, result]) => ({ ballotId, cycleId: id, memberUserId, result }))).execute();
      });
      return { ok: true as const };
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;

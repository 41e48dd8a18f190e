import { randomUUID } from 'node:crypto';
import {
  type CadreOpinion,
  type ConsultationCreate,
  type ConsultationDetail,
  type ConsultationListQuery,
  type ConsultationState,
  type Decision,
  grantsWith,
  isInSubtree,
  reachesArea,
  type Locale,
  localDate,
  maskName,
  type ConsultationMeetingCreate,
} from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan, can, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { ConsultationRow } from '../../db/consultations.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound, outOfScope, unknownReference, unprocessable } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { type Audience, consultationsRepository as repo, tagColumn, tagList } from './consultations.repository.js';
import { tallyResults } from './consultations.results.js';

export interface ConsultationsDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  audit: AuditLog;
  notifier: Notifier;
  publicBaseUrl: string;
}

/** The audience of a consultation row. */
export const audienceOf = (c: { areaCode: string; tagCodes: string; householdIds?: string }): Audience => ({
  areaCode: c.areaCode,
  tagCodes: c.tagCodes,
  householdIds: c.householdIds ? (JSON.parse(c.householdIds) as string[]) : [],
});

/** open · closed (its period is over) · decided, on the China-time date `today`. */
export const stateOf = (c: Pick<ConsultationRow, 'decidedAt' | 'closesOn'>, today: string): ConsultationState => (c.decidedAt ? 'decided' : today > c.closesOn ? 'closed' : 'open');

/** Whether opinions are taken on `today`: inside the period and not decided. */
export const isTaking = (c: Pick<ConsultationRow, 'decidedAt' | 'opensOn' | 'closesOn'>, today: string) => !c.decidedAt && today >= c.opensOn && today <= c.closesOn;

export const alreadyVoted = (rule: string) => new AppError(409, 'error.consultation_already', { rule: rule === 'household' ? '每户限一次' : '每人限一次' });

/** True when the error is a unique-index violation (SQLite or PostgreSQL). */
export const isUniqueViolation = (e: unknown) => /unique/i.test(String((e as { message?: string })?.message ?? '')) || (e as { code?: string })?.code === '23505';

/**
 * The actor reaches a consultation (or survey) of `areaCode` with `ability`: its area lies in the
 * actor's ranges, or one of the actor's areas lies inside it — a village cadre and the township's
 * consultation, where they enter their own households' opinions.
 */
export function reaches(actor: Actor, ability: 'consultation.read' | 'consultation.manage' | 'consultation.record', areaCode: string): boolean {
  return reachesArea(actor.grants, ability, areaCode);
}

/** 征求意见 for staff: start, meetings and votes, opinions entered on visits, results, the decision. */
export function createConsultationsService({ db, clock, cipher, audit, notifier, publicBaseUrl }: ConsultationsDeps) {
  const nowIso = () => clock.now().toISOString();
  const today = () => localDate(clock.now());

  /** The consultation, if the actor reads its area (403 out of scope, 404 unknown). */
  async function visible(q: Kysely<DB> | Transaction<DB>, actor: Actor, id: string): Promise<ConsultationRow> {
    assertCan(actor, 'consultation.read');
    const c = await repo.find(q, id);
    if (!c) throw notFound();
    if (!reaches(actor, 'consultation.read', c.areaCode)) throw outOfScope();
    return c;
  }

  async function detailOf(q: Kysely<DB> | Transaction<DB>, actor: Actor, c: ConsultationRow, locale: Locale): Promise<ConsultationDetail> {
    const [options, attachments, meetings, opinions] = await Promise.all([repo.options(q, c.id), repo.attachments(q, c.id), repo.meetings(q, c.id), repo.opinions(q, c.id)]);
    const ids = meetings.map((m) => m.id);
    const [counts, attendees] = await Promise.all([repo.counts(q, ids), repo.attendees(q, ids)]);
    const tagRows = await q.selectFrom('tags').select(['code', 'nameZh', 'nameEn']).execute();
    const tagNames = new Map(tagRows.map((t) => [t.code, locale === 'en-US' ? t.nameEn : t.nameZh]));
    const areaNames = await repo.areaNames(q, [c.areaCode, ...opinions.map((o) => o.areaCode.slice(0, 12))]);
    const meetingViews = meetings.map((m) => ({
      id: m.id,
      kind: m.kind as 'forum',
      heldAt: m.heldAt,
      place: m.place,
      minutes: m.minutes,
      isPublic: m.isPublic === 1,
      voting: m.voting as 'counts',
      counts: counts.filter((k) => k.meetingId === m.id).map((k) => ({ optionId: k.optionId, count: Number(k.count) })),
      attendees: attendees
        .filter((a) => a.meetingId === m.id)
        .map((a) => ({ id: a.id, name: a.nameMasked, householdId: a.householdId, role: a.role, signedInAt: a.signedInAt, optionId: a.optionId })),
    }));
    const heard = new Set(opinions.map((o) => o.householdId)).size;
    const consulted = await repo.audienceSize(q, audienceOf(c));
    const results = tallyResults(options, opinions, meetingViews, { area: areaNames, tag: tagNames }, { consulted, heard }, locale);
    const state = stateOf(c, today());
    const manage = can(actor, 'consultation.manage', c);
    return {
      id: c.id,
      title: c.title,
      areaCode: c.areaCode,
      areaName: areaNames.get(c.areaCode) ?? c.areaCode,
      rule: c.rule as 'household',
      state,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      projectId: c.projectId,
      opinionCount: opinions.length,
      meetingCount: meetings.length,
      createdAt: c.createdAt,
      background: c.background,
      tags: tagList(c.tagCodes),
      householdIds: JSON.parse(c.householdIds) as string[],
      groups: JSON.parse(c.groups) as ['party_reps'],
      options,
      questions: JSON.parse(c.questions) as string[],
      attachments,
      meetings: meetingViews,
      opinions: opinions.map((o) => ({
        id: o.id,
        channel: o.channel as 'portal',
        householdId: o.householdId,
        householdLabel: `${o.headNameMasked} · ${o.address}`,
        areaCode: o.areaCode,
        memberNameMasked: o.memberNameMasked ?? null,
        optionId: o.optionId,
        text: o.text,
        recordedByName: o.recordedByName ?? null,
        createdAt: o.createdAt,
        response: o.response as 'adopted' | null,
        reason: o.reason,
      })),
      results,
      decision: c.decision,
      decidedAt: c.decidedAt,
      decidedByName: await repo.userName(q, c.decidedBy),
      may: { manage: manage && state !== 'decided', record: reaches(actor, 'consultation.record', c.areaCode) && isTaking(c, today()), decide: manage && state !== 'decided' },
    };
  }

  /** The consultation for a change by `ability`, refused once decided. */
  async function forChange(trx: Transaction<DB>, actor: Actor, id: string, ability: 'consultation.manage' | 'consultation.record') {
    const c = await visible(trx, actor, id);
    if (!reaches(actor, ability, c.areaCode)) throw outOfScope();
    if (c.decidedAt) throw new AppError(409, 'error.consultation_decided');
    return c;
  }

  const optionIdsOf = async (q: Kysely<DB> | Transaction<DB>, id: string) => new Set((await repo.options(q, id)).map((o) => o.id));

  return {
    visible,
    detailOf,

    async list(actor: Actor, query: ConsultationListQuery, locale: Locale) {
      assertCan(actor, 'consultation.read');
      const ranges = narrowRanges(rangesFor(actor, 'consultation.read'), query.areaCode);
      const own = grantsWith(actor.grants, 'consultation.read').map((g) => g.areaCode);
      const ancestors = query.areaCode ? [] : await repo.ancestors(db, own);
      const rows = await repo.list(db, ranges, { projectId: query.projectId, ancestors }, query.offset, query.limit + 1);
      const now = today();
      const items = rows
        .map((r) => ({
          id: r.id,
          title: r.title,
          areaCode: r.areaCode,
          areaName: r.areaName ?? r.areaCode,
          rule: r.rule as 'household',
          state: stateOf(r, now),
          opensOn: r.opensOn,
          closesOn: r.closesOn,
          projectId: r.projectId,
          opinionCount: Number(r.opinionCount ?? 0),
          meetingCount: Number(r.meetingCount ?? 0),
          createdAt: r.createdAt,
        }))
        .filter((r) => !query.state || r.state === query.state);
      void locale;
      return { items: items.slice(0, query.limit), nextOffset: rows.length > query.limit ? query.offset + query.limit : null };
    },

    async create(actor: Actor, body: ConsultationCreate, locale: Locale) {
      assertCan(actor, 'consultation.manage', { areaCode: body.areaCode });
      const id = randomUUID();
      return db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('areas').select('code').where('code', '=', body.areaCode).executeTakeFirst())) throw unknownReference('areaCode', 'area');
        for (const hid of body.householdIds) {
          const h = await trx.selectFrom('households').select('areaCode').where('id', '=', hid).executeTakeFirst();
          if (!h) throw unknownReference('householdIds', 'household');
          if (!can(actor, 'consultation.manage', h)) throw outOfScope();
        }
        for (const aid of body.attachmentIds) {
          if (!(await trx.selectFrom('attachments').select('id').where('id', '=', aid).where('caseId', 'is', null).executeTakeFirst())) throw unknownReference('attachmentIds', 'attachment');
        }
        await trx
          .insertInto('consultations')
          .values({
            id,
            title: body.title,
            background: body.background,
            areaCode: body.areaCode,
            tagCodes: tagColumn(body.tags),
            householdIds: JSON.stringify(body.householdIds),
            groups: JSON.stringify(body.groups),
            questions: JSON.stringify(body.questions),
            rule: body.rule,
            opensOn: body.opensOn,
            closesOn: body.closesOn,
            projectId: body.projectId ?? null,
            decision: null,
            decidedAt: null,
            decidedBy: null,
            createdBy: actor.userId,
            createdAt: nowIso(),
          })
          .execute();
        if (body.options.length) await trx.insertInto('consultationOptions').values(body.options.map((label, sort) => ({ id: randomUUID(), consultationId: id, label, sort }))).execute();
        if (body.attachmentIds.length) await trx.insertInto('consultationAttachments').values(body.attachmentIds.map((attachmentId) => ({ consultationId: id, attachmentId }))).execute();
        await audit.append({ actorUserId: actor.userId, action: 'consultation_create', subjectType: 'consultation', subjectId: id, detail: { title: body.title, areaCode: body.areaCode } }, trx);
        return detailOf(trx, actor, (await repo.find(trx, id))!, locale);
      });
    },

    async detail(actor: Actor, id: string, locale: Locale) {
      return detailOf(db, actor, await visible(db, actor, id), locale);
    },

    /** A meeting with its attendees (registry or typed), minutes and votes (counts, or named). */
    async addMeeting(actor: Actor, id: string, body: ConsultationMeetingCreate, locale: Locale) {
      return db.transaction().execute(async (trx) => {
        const c = await forChange(trx, actor, id, 'consultation.manage');
        const options = await optionIdsOf(trx, c.id);
        body.counts.forEach((k) => {
          if (!options.has(k.optionId)) throw unknownReference('counts', 'option');
        });
        for (const a of body.attendees) {
          if (a.optionId && !options.has(a.optionId)) throw unknownReference('attendees', 'option');
          if (a.householdId) {
            const h = await trx.selectFrom('households').select('areaCode').where('id', '=', a.householdId).executeTakeFirst();
            if (!h) throw unknownReference('attendees', 'household');
            if (!isInSubtree(h.areaCode, c.areaCode) && !can(actor, 'consultation.manage', h)) throw outOfScope();
          }
        }
        const meetingId = randomUUID();
        const at = nowIso();
        await trx
          .insertInto('consultationMeetings')
          .values({ id: meetingId, consultationId: c.id, kind: body.kind, heldAt: new Date(body.heldAt).toISOString(), place: body.place, minutes: body.minutes, isPublic: body.isPublic ? 1 : 0, voting: body.voting, recordedBy: actor.userId, createdAt: at })
          .execute();
        if (body.attendees.length) {
          await trx
            .insertInto('consultationAttendees')
            .values(
              body.attendees.map((a, sort) => ({
                id: randomUUID(),
                meetingId,
                nameEnc: cipher.encrypt(a.name),
                nameMasked: maskName(a.name),
                householdId: a.householdId ?? null,
                role: a.role ?? null,
                signedInAt: a.signedIn ? at : null,
                optionId: body.voting === 'named' ? (a.optionId ?? null) : null,
                sort,
              })),
            )
            .execute();
        }
        // Named votes are counted from the attendees, so a meeting's counts always read from one table.
        const tally = new Map<string, number>();
        if (body.voting === 'counts') for (const k of body.counts) tally.set(k.optionId, (tally.get(k.optionId) ?? 0) + k.count);
        if (body.voting === 'named') for (const a of body.attendees) if (a.optionId) tally.set(a.optionId, (tally.get(a.optionId) ?? 0) + 1);
        if (tally.size) await trx.insertInto('consultationMeetingCounts').values([...tally].map(([optionId, count]) => ({ meetingId, optionId, count }))).execute();
        await audit.append({ actorUserId: actor.userId, action: 'consultation_meeting', subjectType: 'consultation', subjectId: c.id, detail: { meetingId, kind: body.kind, voting: body.voting } }, trx);
        return detailOf(trx, actor, c, locale);
      });
    },

    /** Signs an attendee in (the door's sign-in sheet). */
    async signIn(actor: Actor, id: string, meetingId: string, attendeeId: string, locale: Locale) {
      return db.transaction().execute(async (trx) => {
        const c = await forChange(trx, actor, id, 'consultation.manage');
        const row = await trx
          .selectFrom('consultationAttendees')
          .innerJoin('consultationMeetings', 'consultationMeetings.id', 'consultationAttendees.meetingId')
          .select(['consultationAttendees.id', 'consultationAttendees.signedInAt'])
          .where('consultationAttendees.id', '=', attendeeId)
          .where('consultationMeetings.id', '=', meetingId)
          .where('consultationMeetings.consultationId', '=', c.id)
          .executeTakeFirst();
        if (!row) throw notFound();
        if (!row.signedInAt) await trx.updateTable('consultationAttendees').set({ signedInAt: nowIso() }).where('id', '=', row.id).execute();
        return detailOf(trx, actor, c, locale);
      });
    },

    /** An opinion a cadre enters for a resident met on a visit, marked as entered by the cadre. */
    async addOpinion(actor: Actor, id: string, body: CadreOpinion, locale: Locale) {
      return db.transaction().execute(async (trx) => {
        const c = await forChange(trx, actor, id, 'consultation.record');
        if (!isTaking(c, today())) throw new AppError(409, 'error.consultation_closed');
        const h = await repo.householdInAudience(trx, audienceOf(c), body.householdId);
        if (!h) {
          if (!(await trx.selectFrom('households').select('id').where('id', '=', body.householdId).executeTakeFirst())) throw unknownReference('householdId', 'household');
          throw unprocessable('error.consultation_out_of_scope', {}, 'householdId');
        }
        if (!can(actor, 'consultation.record', h)) throw outOfScope();
        if (body.optionId && !(await optionIdsOf(trx, c.id)).has(body.optionId)) throw unknownReference('optionId', 'option');
        if (c.rule === 'resident' && !body.memberId) throw unprocessable('error.consultation_member_required', {}, 'memberId');
        if (body.memberId && !(await repo.member(trx, h.id, body.memberId))) throw unknownReference('memberId', 'member');
        const voterKey = c.rule === 'resident' ? `member:${body.memberId}` : `household:${h.id}`;
        if (await repo.hasVoted(trx, c.id, voterKey)) throw alreadyVoted(c.rule);
        const opinionId = randomUUID();
        try {
          await trx
            .insertInto('consultationOpinions')
            .values({
              id: opinionId,
              consultationId: c.id,
              voterKey,
              channel: 'cadre',
              householdId: h.id,
              memberId: body.memberId ?? null,
              areaCode: h.areaCode,
              optionId: body.optionId ?? null,
              text: body.text,
              phoneEnc: null,
              recordedBy: actor.userId,
              visitId: body.visitId ?? null,
              createdAt: nowIso(),
              response: null,
              reason: null,
              respondedAt: null,
            })
            .execute();
        } catch (e) {
          if (isUniqueViolation(e)) throw alreadyVoted(c.rule);
          throw e;
        }
        await audit.append({ actorUserId: actor.userId, action: 'consultation_opinion', subjectType: 'consultation', subjectId: c.id, detail: { opinionId, householdId: h.id, channel: 'cadre' } }, trx);
        return detailOf(trx, actor, c, locale);
      });
    },

    /**
     * Publishes the decision with a response to every opinion (采纳反馈); each opinion-giver with a
     * phone is told by SMS (the portal opinion's phone, or the member's or head's in the registry).
     */
    async decide(actor: Actor, id: string, body: Decision, locale: Locale) {
      return db.transaction().execute(async (trx) => {
        const c = await forChange(trx, actor, id, 'consultation.manage');
        const opinions = await repo.opinions(trx, c.id);
        const byId = new Map(body.responses.map((r) => [r.opinionId, r]));
        for (const r of body.responses) if (!opinions.some((o) => o.id === r.opinionId)) throw unknownReference('responses', 'opinion');
        const missing = opinions.filter((o) => !byId.has(o.id)).length;
        if (missing) throw unprocessable('error.consultation_responses', { missing }, 'responses');
        const at = nowIso();
        const url = `${publicBaseUrl.replace(/\/$/, '')}/m/consultations/${c.id}`;
        for (const o of opinions) {
          const r = byId.get(o.id)!;
          await trx.updateTable('consultationOpinions').set({ response: r.response, reason: r.reason || null, respondedAt: at }).where('id', '=', o.id).execute();
          const phoneEnc = o.phoneEnc ?? o.memberPhoneEnc ?? (await trx.selectFrom('householdMembers').select('phoneEnc').where('householdId', '=', o.householdId).where('isHead', '=', 1).executeTakeFirst())?.phoneEnc ?? null;
          if (!phoneEnc) continue;
          const response = r.response === 'adopted' ? '采纳' : r.response === 'partly' ? '部分采纳' : '不采纳';
          await notifier.sms(trx, { phone: cipher.decrypt(phoneEnc) }, 'sms.consultation_feedback', { title: c.title, response, reason: r.reason ? `理由：${r.reason}。` : '', url });
        }
        await trx.updateTable('consultations').set({ decision: body.decision, decidedAt: at, decidedBy: actor.userId }).where('id', '=', c.id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'consultation_decide', subjectType: 'consultation', subjectId: c.id, detail: { opinions: opinions.length } }, trx);
        return detailOf(trx, actor, (await repo.find(trx, c.id))!, locale);
      });
    },
  };
}
export type ConsultationsService = ReturnType<typeof createConsultationsService>;

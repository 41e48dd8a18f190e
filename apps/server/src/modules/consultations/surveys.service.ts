import { randomUUID } from 'node:crypto';
import { type Answer, isInSubtree, type Locale, localDate, type Question, type SurveyCreate, type SurveyDetail } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { assertCan, can, narrowRanges, rangesFor, inRanges } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { SurveyRow } from '../../db/consultations.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound, outOfScope, unknownReference, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import type { ResidentVerifier } from './consultations.portal.js';
import { type Audience, consultationsRepository as repo, tagColumn, tagList } from './consultations.repository.js';
import { portalQr } from './consultations.records.js';
import { villageOf } from './consultations.results.js';
import { type ConsultationsService, isUniqueViolation, reaches } from './consultations.service.js';

const audienceOf = (s: SurveyRow): Audience => ({ areaCode: s.areaCode, tagCodes: s.tagCodes, householdIds: [] });
const questionsOf = (s: SurveyRow) => JSON.parse(s.questions) as Question[];
const answered = () => new AppError(409, 'error.survey_answered');

/** Checks each answer against its question's kind; one answer per question. */
function checkAnswers(questions: readonly Question[], answers: readonly Answer[]) {
  const seen = new Set<number>();
  for (const a of answers) {
    const q = questions[a.index];
    const bad = () => unprocessable('error.survey_answer', { number: a.index + 1 }, 'answers');
    if (!q || seen.has(a.index)) throw bad();
    seen.add(a.index);
    if (q.kind === 'single' && (a.choice === undefined || a.choice >= q.options.length)) throw bad();
    if (q.kind === 'multiple' && (!a.choices?.length || a.choices.some((c) => c >= q.options.length))) throw bad();
    if (q.kind === 'scale' && a.scale === undefined) throw bad();
    if (q.kind === 'text' && !a.text) throw bad();
  }
}

/** 问需于民: questionnaires, answers on the portal or on visits, coverage per cadre, results by area and tag. */
export function createSurveysService({ db, clock, audit, verifier, consultations, campaigns, publicBaseUrl }: { db: Kysely<DB>; clock: Clock; audit: AuditLog; verifier: ResidentVerifier; consultations: ConsultationsService; campaigns: Pick<CampaignsService, 'create' | 'addTargets'>; publicBaseUrl: string }) {
  const today = () => localDate(clock.now());
  const find = (q: Kysely<DB> | Transaction<DB>, id: string) => q.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();

  async function visible(q: Kysely<DB> | Transaction<DB>, actor: Actor, id: string) {
    assertCan(actor, 'consultation.read');
    const s = await find(q, id);
    if (!s) throw notFound();
    if (!reaches(actor, 'consultation.read', s.areaCode)) throw outOfScope();
    return s;
  }

  async function detailOf(q: Kysely<DB> | Transaction<DB>, actor: Actor, s: SurveyRow, locale: Locale): Promise<SurveyDetail> {
    const questions = questionsOf(s);
    const rows = await q.selectFrom('surveyAnswers').innerJoin('households', 'households.id', 'surveyAnswers.householdId').select(['surveyAnswers.answers', 'surveyAnswers.areaCode', 'households.tagCodes']).where('surveyId', '=', s.id).orderBy('surveyAnswers.createdAt', 'desc').execute();
    const parsed = rows.map((r) => ({ answers: JSON.parse(r.answers) as Answer[], village: villageOf(r.areaCode), tags: tagList(r.tagCodes) }));
    const areaNames = await repo.areaNames(q, [s.areaCode, ...parsed.map((p) => p.village)]);
    const tagRows = await q.selectFrom('tags').select(['code', 'nameZh', 'nameEn']).execute();
    const tagName = new Map(tagRows.map((t) => [t.code, locale === 'en-US' ? t.nameEn : t.nameZh]));
    const keysOf = (qn: Question, a: Answer | undefined): string[] =>
      !a ? [] : qn.kind === 'single' ? [String(a.choice)] : qn.kind === 'multiple' ? (a.choices ?? []).map(String) : qn.kind === 'scale' ? [String(a.scale)] : [];
    const labelsOf = (qn: Question) => (qn.kind === 'scale' ? ['1', '2', '3', '4', '5'].map((k) => ({ key: k, label: `${k}分` })) : qn.options.map((o, i) => ({ key: String(i), label: o })));
    const tally = (qn: Question, index: number, subset: typeof parsed) => {
      const counts = new Map<string, number>();
      let n = 0;
      for (const p of subset) {
        const a = p.answers.find((x) => x.index === index);
        if (a) n += 1;
        for (const k of keysOf(qn, a)) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      return { counts: labelsOf(qn).map((l) => ({ ...l, count: counts.get(l.key) ?? 0 })), answered: n };
    };
    const villages = [...new Set(parsed.map((p) => p.village))];
    const tags = [...new Set(parsed.flatMap((p) => p.tags))];
    const results = questions.map((qn, index) => {
      const scores = parsed.map((p) => p.answers.find((x) => x.index === index)?.scale).filter((v): v is number => v !== undefined);
      return {
        index,
        kind: qn.kind,
        text: qn.text,
        counts: tally(qn, index, parsed).counts,
        average: qn.kind === 'scale' && scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
        texts: qn.kind === 'text' ? parsed.map((p) => p.answers.find((x) => x.index === index)?.text).filter((t): t is string => !!t).slice(0, 50) : [],
        byArea: villages.map((v) => ({ areaCode: v, areaName: areaNames.get(v) ?? v, ...tally(qn, index, parsed.filter((p) => p.village === v)) })),
        byTag: tags.map((t) => ({ tag: tagName.get(t) ?? t, ...tally(qn, index, parsed.filter((p) => p.tags.includes(t))) })),
      };
    });
    return {
      id: s.id,
      title: s.title,
      areaCode: s.areaCode,
      areaName: areaNames.get(s.areaCode) ?? s.areaCode,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      projectId: s.projectId,
      answered: rows.length,
      households: await repo.audienceSize(q, audienceOf(s)),
      intro: s.intro,
      tags: tagList(s.tagCodes),
      questions: questions.map((qn) => ({ kind: qn.kind, text: qn.text, options: qn.options })),
      results,
      may: { manage: can(actor, 'consultation.manage', s), record: reaches(actor, 'consultation.record', s.areaCode) && today() >= s.opensOn && today() <= s.closesOn },
    };
  }

  const isOpen = (s: SurveyRow) => today() >= s.opensOn && today() <= s.closesOn;

  async function insertAnswer(trx: Transaction<DB>, s: SurveyRow, householdId: string, areaCode: string, channel: 'portal' | 'cadre', answers: Answer[], recordedBy: string | null, visitId: string | null) {
    checkAnswers(questionsOf(s), answers);
    if (await trx.selectFrom('surveyAnswers').select('id').where('surveyId', '=', s.id).where('householdId', '=', householdId).executeTakeFirst()) throw answered();
    const id = randomUUID();
    const createdAt = clock.now().toISOString();
    await trx.insertInto('surveyAnswers').values({ id, surveyId: s.id, householdId, areaCode, channel, answers: JSON.stringify(answers), recordedBy, visitId, createdAt }).execute();
    await audit.append({ actorUserId: recordedBy, action: 'survey_answer', subjectType: 'survey', subjectId: s.id, detail: { householdId, channel } }, trx);
    return { id, createdAt };
  }

  return {
    async list(actor: Actor, query: { areaCode?: string; offset: number; limit: number }) {
      assertCan(actor, 'consultation.read');
      const ranges = narrowRanges(rangesFor(actor, 'consultation.read'), query.areaCode);
      if (ranges.length === 0) return { items: [], nextOffset: null };
      const rows = await db
        .selectFrom('surveys')
        .leftJoin('areas', 'areas.code', 'surveys.areaCode')
        .selectAll('surveys')
        .select('areas.name as areaName')
        .select((eb) => eb.selectFrom('surveyAnswers').select(eb.fn.countAll<number>().as('n')).whereRef('surveyAnswers.surveyId', '=', 'surveys.id').as('answered'))
        .where((eb) => inRanges(eb, 'surveys.areaCode', ranges))
        .orderBy('surveys.createdAt', 'desc')
        .offset(query.offset)
        .limit(query.limit + 1)
        .execute();
      const items = await Promise.all(
        rows.slice(0, query.limit).map(async (s) => ({
          id: s.id,
          title: s.title,
          areaCode: s.areaCode,
          areaName: s.areaName ?? s.areaCode,
          opensOn: s.opensOn,
          closesOn: s.closesOn,
          projectId: s.projectId,
          answered: Number(s.answered ?? 0),
          households: await repo.audienceSize(db, audienceOf(s)),
        })),
      );
      return { items, nextOffset: rows.length > query.limit ? query.offset + query.limit : null };
    },

    async create(actor: Actor, body: SurveyCreate, locale: Locale) {
      assertCan(actor, 'consultation.manage', { areaCode: body.areaCode });
      if (!(await db.selectFrom('areas').select('code').where('code', '=', body.areaCode).executeTakeFirst())) throw unknownReference('areaCode', 'area');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('surveys')
          .values({ id, title: body.title, intro: body.intro, areaCode: body.areaCode, tagCodes: tagColumn(body.tags), questions: JSON.stringify(body.questions), opensOn: body.opensOn, closesOn: body.closesOn, projectId: body.projectId ?? null, createdBy: actor.userId, createdAt: clock.now().toISOString() })
          .execute();
        await audit.append({ actorUserId: actor.userId, action: 'survey_create', subjectType: 'survey', subjectId: id, detail: { title: body.title } }, trx);
      });
      return detailOf(db, actor, (await find(db, id))!, locale);
    },

    async detail(actor: Actor, id: string, locale: Locale) {
      return detailOf(db, actor, await visible(db, actor, id), locale);
    },

    /** Households not yet answered, per contact cadre (联户干部), like a campaign's coverage. */
    async coverage(actor: Actor, id: string) {
      const s = await visible(db, actor, id);
      const [households, done] = await Promise.all([
        repo.audienceHouseholds(db, audienceOf(s), 20_000),
        db.selectFrom('surveyAnswers').select('householdId').where('surveyId', '=', s.id).execute(),
      ]);
      const answeredSet = new Set(done.map((d) => d.householdId));
      const byCadre = new Map<string, { userId: string | null; name: string; total: number; answered: number; pending: Array<{ householdId: string; label: string }> }>();
      for (const h of households) {
        const key = h.contactUserId ?? '';
        let row = byCadre.get(key);
        if (!row) byCadre.set(key, (row = { userId: h.contactUserId, name: h.cadreName ?? '未分配联户干部', total: 0, answered: 0, pending: [] }));
        row.total += 1;
        if (answeredSet.has(h.id)) row.answered += 1;
        else if (row.pending.length < 50) row.pending.push({ householdId: h.id, label: `${h.headNameMasked} · ${h.address}` });
      }
      return { cadres: [...byCadre.values()].sort((a, b) => b.total - b.answered - (a.total - a.answered)) };
    },

    /**
     * The open surveys a visited household is in (area subtree and tags) and has not answered: what
     * the visit form offers the cadre to answer with the household (`answer` with the visit's id).
     */
    async pending(actor: Actor, householdId: string) {
      assertCan(actor, 'consultation.record');
      const h = await db.selectFrom('households').select(['id', 'areaCode', 'tagCodes']).where('id', '=', householdId).executeTakeFirst();
      if (!h) throw unknownReference('householdId', 'household');
      if (!can(actor, 'consultation.record', h)) throw outOfScope();
      const now = today();
      const open = await db.selectFrom('surveys').selectAll().where('opensOn', '<=', now).where('closesOn', '>=', now).orderBy('closesOn').limit(200).execute();
      const tags = new Set(tagList(h.tagCodes ?? ''));
      const reaching = open.filter((s) => isInSubtree(h.areaCode, s.areaCode) && (tagList(s.tagCodes).length === 0 || tagList(s.tagCodes).some((t) => tags.has(t))));
      if (reaching.length === 0) return { items: [] };
      const done = new Set((await db.selectFrom('surveyAnswers').select('surveyId').where('householdId', '=', h.id).where('surveyId', 'in', reaching.map((s) => s.id)).execute()).map((r) => r.surveyId));
      return { items: reaching.filter((s) => !done.has(s.id)).map((s) => ({ id: s.id, title: s.title, closesOn: s.closesOn, questions: questionsOf(s).map((q) => ({ kind: q.kind, text: q.text, options: q.options })) })) };
    },

    /** A household's answers entered by a cadre on a visit (the visit form carries the survey). */
    async answer(actor: Actor, id: string, body: { householdId: string; answers: Answer[]; visitId?: string }, locale: Locale) {
      return db.transaction().execute(async (trx) => {
        const s = await visible(trx, actor, id);
        if (!isOpen(s)) throw new AppError(409, 'error.consultation_closed');
        const h = await repo.householdInAudience(trx, audienceOf(s), body.householdId);
        if (!h) {
          if (!(await trx.selectFrom('households').select('id').where('id', '=', body.householdId).executeTakeFirst())) throw unknownReference('householdId', 'household');
          throw unprocessable('error.consultation_out_of_scope', {}, 'householdId');
        }
        if (!can(actor, 'consultation.record', h)) throw outOfScope();
        try {
          await insertAnswer(trx, s, h.id, h.areaCode, 'cadre', body.answers, actor.userId, body.visitId ?? null);
        } catch (e) {
          if (isUniqueViolation(e)) throw answered();
          throw e;
        }
        return detailOf(trx, actor, s, locale);
      });
    },

    /** Turns a single-choice question into a consultation over the same area and tags. */
    async toConsultation(actor: Actor, id: string, body: { questionIndex: number; opensOn: string; closesOn: string; rule: 'household' | 'resident' }, locale: Locale) {
      const s = await visible(db, actor, id);
      const q = questionsOf(s)[body.questionIndex];
      if (!q || q.kind !== 'single') throw unprocessable('error.survey_answer', { number: body.questionIndex + 1 }, 'questionIndex');
      const input = z
        .object({ closesOn: z.string() })
        .refine((v) => v.closesOn >= body.opensOn, { path: ['closesOn'], message: 'before_start' })
        .safeParse(body);
      if (!input.success) throw new AppError(400, 'error.validation', {}, 'closesOn');
      return consultations.create(
        actor,
        {
          title: q.text.slice(0, 120),
          background: `${s.title}${s.intro ? `：${s.intro}` : ''}`.slice(0, 5000),
          areaCode: s.areaCode,
          tags: tagList(s.tagCodes),
          householdIds: [],
          groups: [],
          options: q.options,
          questions: [],
          rule: body.rule,
          opensOn: body.opensOn,
          closesOn: body.closesOn,
          projectId: s.projectId ?? undefined,
          attachmentIds: [],
        },
        locale,
      );
    },

    /** The QR card's code: the survey's portal page. */
    async qr(actor: Actor, id: string) {
      const s = await visible(db, actor, id);
      return portalQr(publicBaseUrl, `surveys/${s.id}`);
    },

    /** Turns a survey into a campaign (三送-style visits) over the same area and tags. */
    async toCampaign(actor: Actor, id: string, body: { startsOn: string; endsOn: string }) {
      const s = await visible(db, actor, id);
      const campaign = await campaigns.create(actor, { name: `${s.title}·入户走访`.slice(0, 100), areaCode: s.areaCode, startsOn: body.startsOn, endsOn: body.endsOn, description: s.intro || undefined });
      const added = await campaigns.addTargets(actor, campaign.id, { tags: tagList(s.tagCodes), match: 'any' });
      return { campaignId: campaign.id, targets: added.added };
    },

    async publicView(id: string) {
      const s = await find(db, id);
      if (!s || s.opensOn > today()) throw notFound();
      const areaNames = await repo.areaNames(db, [s.areaCode]);
      return {
        id: s.id,
        title: s.title,
        intro: s.intro,
        areaName: areaNames.get(s.areaCode) ?? s.areaCode,
        opensOn: s.opensOn,
        closesOn: s.closesOn,
        open: isOpen(s),
        questions: questionsOf(s).map((q) => ({ kind: q.kind, text: q.text, options: q.options })),
      };
    },

    async requestCode(id: string, phone: string) {
      const s = await find(db, id);
      if (!s) throw notFound();
      if (!isOpen(s)) throw new AppError(409, 'error.consultation_closed');
      return verifier.sendCode(`survey:${s.id}`, s.title, audienceOf(s), phone);
    },

    async publicAnswer(id: string, body: { phone: string; code: string; answers: Answer[] }) {
      const s = await find(db, id);
      if (!s) throw notFound();
      if (!isOpen(s)) throw new AppError(409, 'error.consultation_closed');
      checkAnswers(questionsOf(s), body.answers);
      try {
        return await db.transaction().execute(async (trx) => {
          const [member] = await verifier.verify(trx, `survey:${s.id}`, audienceOf(s), body.phone, body.code);
          return insertAnswer(trx, s, member.householdId, member.areaCode, 'portal', body.answers, null, null);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw answered();
        throw e;
      }
    },
  };
}
export type SurveysService = ReturnType<typeof createSurveysService>;

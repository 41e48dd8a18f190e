import { z } from 'zod';
import { PHONE_PATTERN } from '../identity.js';
import { ConsultationDetailSchema } from './consultations.js';
import { defineEndpoints } from './endpoint.js';
import { areaCode, id } from './fields.js';

/**
 * 问需于民 · 调查研究 (issue 15 item 3): a questionnaire over the households of an area, answered
 * once per household on the portal (verified by SMS against the registry) or by a cadre on a visit;
 * coverage per contact cadre, results by area and tag, and a survey turned into a consultation.
 */

/** 单选 · 多选 · 量表 · 文字. */
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, [string, string]> = {
  single: ['单选', 'Single choice'],
  multiple: ['多选', 'Multiple choice'],
  scale: ['量表（1-5分）', 'Scale (1–5)'],
  text: ['文字', 'Text'],
};

const text = (max: number) => z.string().trim().min(1).max(max);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A China-time date, YYYY-MM-DD');
const phone = z.string().trim().regex(PHONE_PATTERN).describe('Mobile phone 手机号 as in the household registry');

export const QuestionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    text: text(300).describe('The question'),
    options: z.array(text(100)).max(12).default([]).describe('Choices (single and multiple)'),
  })
  .refine((q) => (q.kind === 'single' || q.kind === 'multiple' ? q.options.length >= 2 : q.options.length === 0), { path: ['options'], message: 'options_for_choices' });
export type Question = z.infer<typeof QuestionSchema>;

/** Body of POST /api/surveys. */
export const SurveyCreateSchema = z
  .object({
    title: text(120).describe('e.g. 2026年城关镇群众需求调查'),
    intro: z.string().trim().max(2000).default(''),
    areaCode: areaCode.describe('Households of this area subtree are asked'),
    tags: z.array(z.string().min(1).max(64)).max(20).default([]).describe('Only households with any of these tags'),
    questions: z.array(QuestionSchema).min(1).max(30),
    opensOn: localDate,
    closesOn: localDate,
    projectId: id.optional(),
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], message: 'before_start' });
export type SurveyCreate = z.infer<typeof SurveyCreateSchema>;

/** One answer: `index` is the question's position; the value field matches its kind. */
export const AnswerSchema = z.object({
  index: z.number().int().min(0).max(29),
  choice: z.number().int().min(0).max(11).optional().describe('single: the option index'),
  choices: z.array(z.number().int().min(0).max(11)).max(12).optional().describe('multiple: option indexes'),
  scale: z.number().int().min(1).max(5).optional(),
  text: z.string().trim().max(2000).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** Body of POST /api/surveys/:id/answers: a cadre's entry for a household on a visit. */
export const CadreAnswersSchema = z.object({ householdId: id, answers: z.array(AnswerSchema).min(1).max(30), visitId: id.optional() });
/** Body of POST /api/public/surveys/:id/answers. */
export const PublicAnswersSchema = z.object({ phone, code: z.string().trim().regex(/^\d{6}$/), answers: z.array(AnswerSchema).min(1).max(30) });

export const SurveyIdParamsSchema = z.object({ id });
export const SurveyListQuerySchema = z.object({ areaCode: areaCode.optional(), offset: z.coerce.number().int().min(0).max(100_000).default(0), limit: z.coerce.number().int().min(1).max(100).default(20) });

export const SurveySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  projectId: z.string().nullable(),
  answered: z.number().int(),
  households: z.number().int(),
});

const CountSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

/** Aggregates of one question, overall and by area and tag. */
export const QuestionResultSchema = z.object({
  index: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  counts: z.array(CountSchema).describe('Per option (choices) or per score (scale)'),
  average: z.number().nullable().describe('Scale: the mean score'),
  texts: z.array(z.string()).describe('Text answers (latest 50)'),
  byArea: z.array(z.object({ areaCode: z.string(), areaName: z.string(), counts: z.array(CountSchema), answered: z.number().int() })),
  byTag: z.array(z.object({ tag: z.string(), counts: z.array(CountSchema), answered: z.number().int() })),
});

export const SurveyDetailSchema = SurveySummarySchema.extend({
  intro: z.string(),
  tags: z.array(z.string()),
  questions: z.array(z.object({ kind: z.enum(QUESTION_KINDS), text: z.string(), options: z.array(z.string()) })),
  results: z.array(QuestionResultSchema),
  may: z.object({ manage: z.boolean(), record: z.boolean() }),
});
export type SurveyDetail = z.infer<typeof SurveyDetailSchema>;

/** Households not yet answered, per contact cadre 联户干部 (like campaign coverage). */
export const SurveyCoverageSchema = z.object({
  cadres: z.array(
    z.object({
      userId: z.string().nullable(),
      name: z.string().describe('The cadre (or 未分配联户干部)'),
      total: z.number().int(),
      answered: z.number().int(),
      pending: z.array(z.object({ householdId: z.string(), label: z.string().describe('Masked head and address') })).describe('Up to 50 households not answered'),
    }),
  ),
});

/** Body of POST /api/surveys/:id/consultation: turn a choice question into a consultation. */
export const SurveyToConsultationSchema = z.object({
  questionIndex: z.number().int().min(0).max(29).describe('A single-choice question: its options become the consultation’s'),
  opensOn: localDate,
  closesOn: localDate,
  rule: z.enum(['household', 'resident']).default('household'),
});

/** Body of POST /api/surveys/:id/campaign: a 三送-style campaign visiting the survey's households. */
export const SurveyToCampaignSchema = z
  .object({ startsOn: localDate, endsOn: localDate })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'before_start' });

export const PublicSurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  areaName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
  questions: z.array(z.object({ kind: z.enum(QUESTION_KINDS), text: z.string(), options: z.array(z.string()) })),
});

/** Query of GET /api/surveys/pending: the household being visited. */
export const PendingSurveysQuerySchema = z.object({ householdId: id.describe('The household visited') });
/** Open surveys that reach a household and that it has not answered: what the visit form offers. */
export const PendingSurveysSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), closesOn: z.string(), questions: z.array(z.object({ kind: z.enum(QUESTION_KINDS), text: z.string(), options: z.array(z.string()) })) })),
});
export type PendingSurveys = z.infer<typeof PendingSurveysSchema>;

export const surveysEndpoints = defineEndpoints({
  'GET /api/surveys/pending': { tag: 'surveys', summary: '走访可带问卷 Open surveys a visited household has not answered (the visit form)', query: PendingSurveysQuerySchema, response: PendingSurveysSchema },
  'GET /api/surveys': { tag: 'surveys', summary: '问需调查列表 Needs surveys of my areas', query: SurveyListQuerySchema, response: z.object({ items: z.array(SurveySummarySchema), nextOffset: z.number().int().nullable() }) },
  'POST /api/surveys': { tag: 'surveys', summary: '发起问需调查 Start a needs survey', body: SurveyCreateSchema, status: 201, response: SurveyDetailSchema },
  'GET /api/surveys/:id': { tag: 'surveys', summary: '问需调查与结果 A survey with results by area and tag', params: SurveyIdParamsSchema, response: SurveyDetailSchema },
  'GET /api/surveys/:id/coverage': { tag: 'surveys', summary: '未答复户（按联户干部） Households not answered, per cadre', params: SurveyIdParamsSchema, response: SurveyCoverageSchema },
  'POST /api/surveys/:id/answers': {
    tag: 'surveys',
    summary: '走访代录问卷 Enter a household’s answers on a visit',
    params: SurveyIdParamsSchema,
    body: CadreAnswersSchema,
    status: 201,
    response: SurveyDetailSchema,
    // Answers given offline wait in the phone's queue (issue 17): a retry answers the first answer.
    idempotent: true,
  },
  'POST /api/surveys/:id/consultation': {
    tag: 'surveys',
    summary: '转为征求意见 Turn a survey question into a consultation',
    params: SurveyIdParamsSchema,
    body: SurveyToConsultationSchema,
    status: 201,
    response: ConsultationDetailSchema,
  },
  'POST /api/surveys/:id/campaign': {
    tag: 'surveys',
    summary: '转为专项活动 Turn a survey into a campaign visiting its households',
    params: SurveyIdParamsSchema,
    body: SurveyToCampaignSchema,
    status: 201,
    response: z.object({ campaignId: z.string(), targets: z.number().int() }),
  },
  'GET /api/surveys/:id/qr.png': { tag: 'surveys', summary: '问卷二维码 QR code of the survey’s portal page (the QR card)', params: SurveyIdParamsSchema, file: ['image/png'] },
  'GET /api/public/surveys/:id': { tag: 'portal', summary: '问卷（公开） A survey to answer', public: true, params: SurveyIdParamsSchema, response: PublicSurveySchema },
  'POST /api/public/surveys/:id/code': {
    tag: 'portal',
    summary: '问卷验证码 SMS code to a phone registered in the surveyed households',
    public: true,
    params: SurveyIdParamsSchema,
    body: z.object({ phone }),
    response: z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() }),
  },
  'POST /api/public/surveys/:id/answers': {
    tag: 'portal',
    summary: '提交问卷 Answer a survey (one per household)',
    public: true,
    params: SurveyIdParamsSchema,
    body: PublicAnswersSchema,
    status: 201,
    response: z.object({ id: z.string(), createdAt: z.string() }),
  },
});

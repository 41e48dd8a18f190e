import { z } from 'zod';
import { areaCode } from './fields.js';
import { defineEndpoints, pageOf } from './endpoint.js';
import { EvaluationSchema, EvaluationTokenParamsSchema } from './case.js';
import { PolicyIdParamsSchema } from './policies.js';
import { PHONE_PATTERN } from '../identity.js';
import { CASE_KINDS } from '../vocabulary.js';
import { TRACKING_CODE_PATTERN, TRACKING_SECRET_PATTERN } from './values.js';
export { TRACKING_CODE_PATTERN, TRACKING_SECRET_PATTERN } from './values.js';

/**
 * Contracts of the residents' portal (群众端, SPEC §10): the public API under /api/public (no
 * login), the official documents (SPEC §11) and the contact cards (民情联系卡, SPEC §3).
 */

const villageCode = z.string().regex(/^\d{12}$/);
const trackingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(TRACKING_CODE_PATTERN)
  .describe('Tracking code 受理编号, e.g. LX20261121-000123');

/** The largest photo a resident may upload, in MB (the portal compresses on the device first). */
export const PORTAL_PHOTO_MAX_MB = 5;
/** How many photos one submission may carry. */
export const PORTAL_MAX_PHOTOS = 6;

/** Body of POST /api/public/cases: what a resident submits from the phone. */
export const PublicCaseSubmitSchema = z
  .object({
    kind: z.enum(CASE_KINDS).describe('诉求类型 inquiry 咨询 | help 求助 | complaint 投诉 | report 举报 | suggestion 建议 | praise 表扬 | petition 信访'),
    categoryCode: z.string().min(1).max(64).describe('Category code (GET /api/public/options lists the tree)'),
    title: z.string().trim().min(1).max(120).optional().describe('One-line summary 标题; default: the start of the description'),
    description: z.string().trim().min(5).max(2000).describe('What the matter is 诉求内容'),
    photos: z
      .array(z.string().min(10).max(400))
      .max(PORTAL_MAX_PHOTOS)
      .default([])
      .describe('Upload tokens returned by POST /api/public/photos, in order'),
    areaCode: areaCode.optional().describe('Area picked from the area list (village or grid); required when no map pin'),
    lat: z.number().min(-90).max(90).optional().describe('Map pin latitude (WGS-84)'),
    lng: z.number().min(-180).max(180).optional().describe('Map pin longitude (WGS-84)'),
    address: z.string().trim().max(200).optional().describe('Address or landmark 地址'),
    name: z.string().trim().min(1).max(50).optional().describe('Name 姓名 (optional)'),
    phone: z.string().trim().regex(PHONE_PATTERN).optional().describe('Mobile phone 手机号: receives the tracking code by SMS'),
    anonymous: z.boolean().default(false).describe('匿名: no name or phone is kept; track with the access token returned'),
    publicConsent: z.boolean().default(false).describe('同意公开: publish an anonymised version on the public board'),
    website: z
      .string()
      .max(500)
      .optional()
      .describe('Anti-bot field: the form hides it and people leave it empty. A filled value gets a normal-looking answer and nothing is stored'),
  })
  .superRefine((v, ctx) => {
    if (!v.anonymous && !v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone_required' });
    if (!v.areaCode && (v.lat === undefined || v.lng === undefined)) ctx.addIssue({ code: 'custom', path: ['areaCode'], message: 'location_required' });
    if ((v.lat === undefined) !== (v.lng === undefined)) ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'location_required' });
  });
export type PublicCaseSubmit = z.infer<typeof PublicCaseSubmitSchema>;
/** The submission as the portal's form sends it (defaults not yet applied). */
export type PublicCaseSubmitInput = z.input<typeof PublicCaseSubmitSchema>;


/** Body of POST /api/public/track: the tracking code and its 查询码. */
export const TrackBySecretSchema = z.object({
  code: trackingCode,
  secret: z
    .string()
    .trim()
    .toUpperCase()
    .regex(TRACKING_SECRET_PATTERN)
    .describe('查询码: the 8-character secret given with the code (receipt page, registration SMS), e.g. 7K3M-Q9TD'),
});
export type TrackBySecret = z.infer<typeof TrackBySecretSchema>;

/** Body of POST /api/public/track/otp: asks for a one-time code by SMS. */
export const TrackOtpRequestSchema = z.object({
  code: trackingCode,
  phone: z.string().trim().regex(PHONE_PATTERN).describe('The phone given when submitting'),
});
export type TrackOtpRequest = z.infer<typeof TrackOtpRequestSchema>;

/** Body of POST /api/public/track/verify: the one-time code received by SMS. */
export const TrackOtpVerifySchema = z.object({
  code: trackingCode,
  otp: z.string().trim().regex(/^\d{6}$/).describe('The 6-digit code from the SMS 短信验证码'),
});
export type TrackOtpVerify = z.infer<typeof TrackOtpVerifySchema>;

/** Path of GET /api/public/track/:token (the access token of a tracked or anonymous case). */
export const TrackTokenParamsSchema = z.object({ token: z.string().min(10).max(400).describe('Access token 查询凭证') });

/** Query of GET /api/public/board (keyset paged, newest first). */
export const PublicBoardQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/).optional().describe('Only cases registered in this month (China time), YYYY-MM'),
  areaCode: areaCode.optional().describe('Only cases in this area subtree'),
  kind: z.enum(CASE_KINDS).optional(),
  categoryCode: z.string().trim().min(1).max(64).regex(/^[a-z0-9_.]+$/).optional().describe('Only cases of this category or its subcategories'),
  cursor: z.string().max(200).optional().describe('Opaque cursor of the next page'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PublicBoardQuery = z.infer<typeof PublicBoardQuerySchema>;

/** Query of GET /api/public/board/map. */
export const PublicMapQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/).optional().describe('Only cases registered in this month, YYYY-MM; default the last 90 days'),
  areaCode: areaCode.optional(),
});
export type PublicMapQuery = z.infer<typeof PublicMapQuerySchema>;

/** Query of GET /api/public/metrics. */
export const PublicMetricsQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().describe('YYYY-MM (China time); default the previous month'),
});
export type PublicMetricsQuery = z.infer<typeof PublicMetricsQuerySchema>;

/** Query of GET /api/public/policies. */
export const PublicPolicyQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional().describe('Words to find (all must match)'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PublicPolicyQuery = z.infer<typeof PublicPolicyQuerySchema>;

/** Query of GET /api/public/areas: the children of an area (the area picker). */
export const PublicAreasQuerySchema = z.object({
  parentCode: areaCode.optional().describe('Children of this area; default the top of the deployment (counties)'),
});

/** The official documents generated per case (SPEC §11). */
export const DOCUMENT_TYPES = ['acceptance', 'not_accepted', 'reply', 'extension'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The official document that goes with each SMS notice to a resident (kept on the outbox row). */
export const DOCUMENT_FOR_SMS: Readonly<Record<string, DocumentType>> = {
  'sms.registered': 'acceptance',
  'sms.not_accepted': 'not_accepted',
  'sms.replied': 'reply',
  'sms.extended': 'extension',
};

/** Path of GET /api/cases/:id/documents/:file, file = `<type>.<format>`. */
export const CaseDocumentParamsSchema = z.object({
  id: z.string().min(1).max(64),
  file: z
    .string()
    .regex(/^(acceptance|not_accepted|reply|extension)\.(docx|pdf)$/)
    .describe('acceptance 受理告知书 | not_accepted 不予受理告知书 | reply 处理意见书 | extension 延期告知书, then .docx or .pdf'),
});

/** Path of GET /api/outbox/:id/document.:format — the document attached to an outbox message. */
export const OutboxDocumentParamsSchema = z.object({
  id: z.string().min(1).max(64),
  format: z.enum(DOCUMENT_FORMATS),
});

/** Query of GET /api/contact-cards.pdf: a village, or the village of a list of households. */
export const ContactCardsQuerySchema = z
  .object({
    area: villageCode.optional().describe('Village code 村/社区区划代码: one card per contact cadre, repeated to fill the sheet'),
    households: z
      .string()
      .max(4000)
      .optional()
      // An empty item (`households=,`) is refused, not dropped: the list says what it asks for.
      .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
      .pipe(z.array(z.string().min(1).max(64)).min(1).max(200).optional())
      .describe('Comma-separated household ids: one card per household, addressed to it'),
    copies: z.coerce.number().int().min(1).max(100).optional().describe('Cards per cadre for a village sheet (default: fill one A4 page)'),
  })
  .refine((v) => v.area || v.households, { message: 'area_or_households', path: ['area'] });
export type ContactCardsQuery = z.infer<typeof ContactCardsQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Responses. Every text a resident sees has been through the anonymiser (no name, phone or ID
// number); nothing here carries a case id, a person or an exact house position.

const isoInstant = z.string().describe('ISO instant (UTC)');

/** GET /api/public/options: what the submission form needs. */
export const PublicOptionsSchema = z.object({
  kinds: z.array(z.object({ code: z.string(), label: z.string() })).describe('Kinds of request 诉求类型, in the caller’s language'),
  categories: z
    .array(z.object({ code: z.string(), parentCode: z.string().nullable().describe('Parent category; null at the top'), name: z.string() }))
    .describe('Active categories, a tree by parentCode'),
  maxPhotos: z.number().int().describe('Photos one submission may carry'),
  maxPhotoMb: z.number().describe('Largest photo upload, in MB'),
  hotline: z.string().describe('The public hotline 热线'),
});
export type PublicOptions = z.infer<typeof PublicOptionsSchema>;

/** One area of the area picker (GET /api/public/areas). */
export const PublicAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string().describe('county | township | village | grid'),
  lat: z.number().nullable().describe('Centroid latitude (WGS-84)'),
  lng: z.number().nullable(),
});
export type PublicArea = z.infer<typeof PublicAreaSchema>;
export const PublicAreaListSchema = z.object({ items: z.array(PublicAreaSchema) });

/** One area of GET /api/public/map/areas: public geography, no people. */
export const PublicMapAreaSchema = PublicAreaSchema.extend({
  parentCode: z.string().nullable(),
  boundary: z.unknown().nullable().describe('GeoJSON Polygon or MultiPolygon of the outline; null when none is known'),
});
export type PublicMapArea = z.infer<typeof PublicMapAreaSchema>;
export const PublicMapAreaListSchema = z.object({ items: z.array(PublicMapAreaSchema) });

/** POST /api/public/photos: the upload token of one re-encoded photo. */
export const PhotoUploadSchema = z.object({
  token: z.string().describe('Upload token for `photos` of POST /api/public/cases (valid 24 hours)'),
  size: z.number().int().describe('Bytes stored after re-encoding'),
  mimeType: z.string().describe('Always image/jpeg'),
});
export type PhotoUpload = z.infer<typeof PhotoUploadSchema>;

/** POST /api/public/cases: the tracking code and the access token of the submission. */
export const PublicSubmitResultSchema = z.object({
  code: z.string().describe('Tracking code 受理编号'),
  status: z.string().describe('State of the case (registered)'),
  accessToken: z.string().describe('Access token for GET /api/public/track/:token (the only way to track an anonymous request)'),
  secret: z.string().describe('查询码: with the tracking code it opens the case on the portal; shown once, stored only as a keyed hash'),
  smsSent: z.boolean().describe('Whether the code also goes by SMS'),
});
export type PublicSubmitResult = z.infer<typeof PublicSubmitResultSchema>;

/** One step of the public timeline: the step, when, and the unit (never a person). */
export const PublicTimelineEventSchema = z.object({
  action: z.string(),
  label: z.string().describe('The step in the caller’s language'),
  at: isoInstant,
  unitName: z.string().nullable().describe('The unit that acted (for a dispatch: the unit it went to)'),
});

/** What the requester may see of their case (the tracking answers). */
export const TrackedCaseSchema = z.object({
  code: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  categoryName: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  areaName: z.string().nullable(),
  unitName: z.string().nullable().describe('The unit handling it now'),
  registeredAt: isoInstant,
  dueAt: z.string().nullable().describe('Handling deadline while a unit handles it'),
  timeline: z.array(PublicTimelineEventSchema),
  reply: z.object({ text: z.string().nullable(), at: z.string().nullable() }).nullable(),
  notAcceptedReason: z.string().nullable().describe('Why it was not accepted 不予受理'),
  extension: z.object({ days: z.number().int(), reason: z.string().nullable() }).nullable().describe('The approved extension 延期, if any'),
  evaluation: z
    .object({ result: z.string(), resultLabel: z.string(), solved: z.boolean(), at: z.string().nullable() })
    .nullable()
    .describe('The resident’s rating, once given'),
  awaitingEvaluation: z.boolean().describe('Replied and waiting for the resident’s rating'),
  evaluationUrl: z.string().nullable().describe('The signed evaluation link, while the rating is awaited'),
  evaluationToken: z.string().nullable().describe('The token of that link, for /api/public/evaluations/:token'),
  accessToken: z.string().describe('A fresh access token for GET /api/public/track/:token'),
});
export type TrackedCase = z.infer<typeof TrackedCaseSchema>;

/** POST /api/public/track/otp: the same answer whether or not code and phone match. */
export const OtpSentSchema = z.object({ sent: z.boolean(), expiresInMinutes: z.number().int() });

/** One entry of the public board: anonymised, without id or tracking code. */
export const BoardItemSchema = z.object({
  ref: z.string().describe('Opaque public reference (neither the id nor the tracking code)'),
  kind: z.string(),
  kindLabel: z.string(),
  categoryName: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  unitName: z.string().nullable(),
  areaName: z.string().nullable(),
  month: z.string().describe('Month registered, YYYY-MM (China time)'),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable().describe('Date replied, YYYY-MM-DD (China time)'),
});
export type BoardItem = z.infer<typeof BoardItemSchema>;
export const BoardPageSchema = pageOf(BoardItemSchema);

/** GET /api/public/board/map: points rounded to 0.01° (about 1 km). */
export const BoardMapSchema = z.object({
  points: z.array(
    z.object({
      ref: z.string(),
      lat: z.number().describe('Rounded to 0.01°'),
      lng: z.number().describe('Rounded to 0.01°'),
      kind: z.string(),
      status: z.string(),
      statusLabel: z.string(),
    }),
  ),
  truncated: z.boolean().describe('More points than one answer carries'),
});
export type BoardPoint = z.infer<typeof BoardMapSchema>['points'][number];

/** One unit's monthly 三率 (rates are 0–1, null when nothing was measured). */
export const PublicUnitRatesSchema = z.object({
  unitName: z.string(),
  assigned: z.number().int().describe('Cases assigned to the unit in the month'),
  evaluated: z.number().int().describe('Of those, rated by residents'),
  responseRate: z.number().nullable().describe('响应率'),
  resolutionRate: z.number().nullable().describe('解决率'),
  satisfactionRate: z.number().nullable().describe('满意率'),
  composite: z.number().nullable().describe('Weighted mean of the three'),
});
export type PublicUnitRates = z.infer<typeof PublicUnitRatesSchema>;

/** GET /api/public/metrics. */
export const PublicMetricsSchema = z.object({
  month: z.string().describe('YYYY-MM'),
  units: z.array(PublicUnitRatesSchema),
  total: PublicUnitRatesSchema.describe('All units together'),
});
export type PublicMetrics = z.infer<typeof PublicMetricsSchema>;

/** One published policy in the list. */
export const PublicPolicyItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().nullable().describe('Issuing organ and document number'),
  publishedAt: z.string().nullable().describe('YYYY-MM-DD'),
  excerpt: z.string().describe('The first 120 characters'),
  snippet: z.string().nullable().describe('With a search: the best matching passage, words marked 【】'),
});
export type PublicPolicyItem = z.infer<typeof PublicPolicyItemSchema>;
export const PublicPolicyPageSchema = pageOf(PublicPolicyItemSchema);

/** GET /api/public/policies/:id. */
export const PublicPolicySchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: isoInstant,
});
export type PublicPolicy = z.infer<typeof PublicPolicySchema>;

/** The case behind an evaluation link, anonymised (a link can be forwarded). */
export const EvaluationViewSchema = z.object({
  code: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  rated: z.boolean().describe('The link was used already: the page says so instead of asking again'),
  ratedResultLabel: z.string().nullable().describe('The rating given, when the link was used'),
});
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;

const tag = 'public';

/** The residents' operations: no login (`public`), each limited per client (and per phone or code). */
export const portalEndpoints = defineEndpoints({
  'GET /api/public/options': { tag, public: true, summary: '提交表单选项 Kinds, categories, photo limits and hotline for the submission form', response: PublicOptionsSchema },
  'GET /api/public/areas': { tag, public: true, summary: '区划选择 Children of an area (area picker)', query: PublicAreasQuerySchema, response: PublicAreaListSchema },
  'GET /api/public/map/areas': { tag, public: true, summary: '地图区划 Area centroids and outlines for maps without a tile service', response: PublicMapAreaListSchema },
  'POST /api/public/photos': {
    tag,
    public: true,
    multipart: true,
    status: 201,
    summary: '上传照片 Upload one photo (multipart field "file": JPEG, PNG or WebP, ≤ 5 MB); re-encoded as JPEG without metadata; returns an upload token for POST /api/public/cases',
    response: PhotoUploadSchema,
  },
  'POST /api/public/cases': {
    tag,
    public: true,
    status: 201,
    summary: '群众提交诉求 Submit a request (channel online); limited per IP (10/hour) and per phone (5/day)',
    body: PublicCaseSubmitSchema,
    response: PublicSubmitResultSchema,
  },
  'POST /api/public/track': {
    tag,
    public: true,
    summary: '查询办理进度 Track by code and 查询码; failures limited per address (10/hour) and per code and address (5/hour)',
    body: TrackBySecretSchema,
    response: TrackedCaseSchema,
  },
  'GET /api/public/track/:token': {
    tag,
    public: true,
    summary: '凭证查询 Track with the access token (anonymous requests, or after a verified code)',
    params: TrackTokenParamsSchema,
    response: TrackedCaseSchema,
  },
  'POST /api/public/track/otp': {
    tag,
    public: true,
    status: 202,
    summary: '获取短信验证码 Ask for a one-time code by SMS (same answer whether or not code and phone match)',
    body: TrackOtpRequestSchema,
    response: OtpSentSchema,
  },
  'POST /api/public/track/verify': { tag, public: true, summary: '验证码查询 Track with the one-time code; failures limited per address and per code and address', body: TrackOtpVerifySchema, response: TrackedCaseSchema },
  'GET /api/public/board': {
    tag,
    public: true,
    summary: '诉求公开栏 Public board: anonymised cases whose requesters consented (not before staff triage), newest first, keyset paged',
    query: PublicBoardQuerySchema,
    response: BoardPageSchema,
  },
  'GET /api/public/board/map': { tag, public: true, summary: '诉求地图 Map points of the public board, rounded to about 1 km', query: PublicMapQuerySchema, response: BoardMapSchema },
  'GET /api/public/metrics': { tag, public: true, summary: '月度三率 Monthly response, resolution and satisfaction rates by unit', query: PublicMetricsQuerySchema, response: PublicMetricsSchema },
  'GET /api/public/policies': { tag, public: true, summary: '政策库 Published policies, with search', query: PublicPolicyQuerySchema, response: PublicPolicyPageSchema },
  'GET /api/public/policies/:id': { tag, public: true, summary: '政策全文 One published policy', params: PolicyIdParamsSchema, response: PublicPolicySchema },
  'GET /api/public/evaluations/:token': { tag, public: true, summary: '评价页 The case behind an evaluation link', params: EvaluationTokenParamsSchema, response: EvaluationViewSchema },
  'POST /api/public/evaluations/:token': { tag, public: true, summary: '群众评价 Rate the answer', params: EvaluationTokenParamsSchema, body: EvaluationSchema, response: EvaluationViewSchema },
});

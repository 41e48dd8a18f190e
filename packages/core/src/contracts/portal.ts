import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { PHONE_PATTERN } from '../identity.js';
import { CASE_KINDS } from '../vocabulary.js';

/**
 * Contracts of the residents' portal (群众端, SPEC §10): the public API under /api/public (no
 * login), the official documents (SPEC §11) and the contact cards (民情联系卡, SPEC §3).
 */

const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);
const villageCode = z.string().regex(/^\d{12}$/);
/** Tracking codes read LX20261121-000123. */
const trackingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^LX\d{8}-\d{6}$/)
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

/** Body of POST /api/public/track: tracking code and the last four digits of the phone. */
export const TrackByPhoneSchema = z.object({
  code: trackingCode,
  phoneLast4: z.string().trim().regex(/^\d{4}$/).describe('Last four digits of the phone given when submitting 手机尾号后四位'),
});
export type TrackByPhone = z.infer<typeof TrackByPhoneSchema>;

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
      .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined))
      .pipe(z.array(z.string().min(1).max(64)).max(200).optional())
      .describe('Comma-separated household ids: one card per household, addressed to it'),
    copies: z.coerce.number().int().min(1).max(100).optional().describe('Cards per cadre for a village sheet (default: fill one A4 page)'),
  })
  .refine((v) => v.area || v.households, { message: 'area_or_households', path: ['area'] });
export type ContactCardsQuery = z.infer<typeof ContactCardsQuerySchema>;

/** The portal operations. */
export const portalEndpoints = defineEndpoints({});

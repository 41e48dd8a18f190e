import { z } from 'zod';
import { defineEndpoints, MEDIA } from './endpoint.js';
import { areaCode, id } from './fields.js';
import { BULLETIN_KINDS, TYPICAL_KINDS } from './values.js';
export { BULLETIN_KINDS, TYPICAL_KINDS } from './values.js';

export type BulletinKind = (typeof BULLETIN_KINDS)[number];

/** draft → published (to the units concerned; optionally also on the portal). */
export const BULLETIN_STATES = ['draft', 'published'] as const;
export type BulletinState = (typeof BULLETIN_STATES)[number];

export type TypicalKind = (typeof TYPICAL_KINDS)[number];

/** Peer groups of the rankings: units are compared only with units of the same group. */
export const PEER_GROUPS = ['village', 'township', 'department'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

/** A period label: 2026-11 (monthly) or 2026-W47 (weekly). */
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/);

export const BulletinListQuerySchema = z.object({
  kind: z.enum(BULLETIN_KINDS).optional(),
  state: z.enum(BULLETIN_STATES).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type BulletinListQuery = z.infer<typeof BulletinListQuerySchema>;

/** Body of POST /api/bulletins: generate (or regenerate, while a draft) one bulletin now. */
export const BulletinGenerateSchema = z.object({
  kind: z.enum(BULLETIN_KINDS),
  period: period.describe('2026-11 for a monthly bulletin, 2026-W47 for a weekly one'),
  areaCode: areaCode.optional().describe('The area it covers (default: the widest area the author manages bulletins for)'),
  minCases: z.number().int().min(1).max(1000).optional().describe('Units with fewer cases in the period are listed but not ranked (default: setting bulletins.min_cases, 5)'),
});
export type BulletinGenerate = z.infer<typeof BulletinGenerateSchema>;

/** Body of PUT /api/bulletins/:id/typical-cases: the typical cases, chosen before publishing. */
export const BulletinTypicalCasesSchema = z.object({
  cases: z
    .array(z.object({ caseId: id, kind: z.enum(TYPICAL_KINDS), note: z.string().trim().max(500).default('') }))
    .max(20),
});
export type BulletinTypicalCases = z.infer<typeof BulletinTypicalCasesSchema>;

/** Body of POST /api/bulletins/:id/publish. */
export const BulletinPublishSchema = z.object({
  public: z.boolean().default(false).describe('Also publish the public version (unit names and figures only) on the portal'),
});
export type BulletinPublish = z.infer<typeof BulletinPublishSchema>;

export const BulletinIdParamsSchema = z.object({ id });

/** One table of a section, already in the reader's language. */
export const BulletinTableSchema = z.object({
  caption: z.string().nullable(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});

/** One section of the body, in order, already in the reader's language. */
export const BulletinSectionSchema = z.object({
  key: z.string().describe('ranking | resolution | overdue | accountability | typical … (more may be added)'),
  title: z.string(),
  paragraphs: z.array(z.string()),
  tables: z.array(BulletinTableSchema),
});
export type BulletinSectionView = z.infer<typeof BulletinSectionSchema>;

/** A bulletin as lists show it. */
export const BulletinSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(BULLETIN_KINDS),
  periodKey: z.string(),
  areaCode: z.string(),
  number: z.string().describe('文号, e.g. 青溪通〔2026〕3号'),
  title: z.string(),
  state: z.enum(BULLETIN_STATES),
  isPublic: z.boolean(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type BulletinSummary = z.infer<typeof BulletinSummarySchema>;

/** GET /api/bulletins/:id. */
export const BulletinDetailSchema = BulletinSummarySchema.extend({
  issuer: z.string().describe('The issuing organ'),
  from: z.string(),
  to: z.string(),
  minCases: z.number().int(),
  recipients: z.string().describe('主送: the units concerned'),
  sections: z.array(BulletinSectionSchema),
  typicalCases: z.array(z.object({ caseId: z.string(), code: z.string(), title: z.string(), kind: z.enum(TYPICAL_KINDS), note: z.string() })),
  canManage: z.boolean().describe('The reader may edit and publish it (while a draft)'),
});
export type BulletinDetail = z.infer<typeof BulletinDetailSchema>;

export const BulletinPageSchema = z.object({ items: z.array(BulletinSummarySchema), nextOffset: z.number().int().nullable() });

/** The public version: unit names and figures only. */
export const PublicBulletinSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  issuer: z.string(),
  publishedAt: z.string().nullable(),
  sections: z.array(BulletinSectionSchema),
});
export const PublicBulletinListSchema = z.object({
  items: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), publishedAt: z.string().nullable() })),
});

export const bulletinsEndpoints = defineEndpoints({
  'GET /api/bulletins': { tag: 'bulletins', summary: '定期通报 Bulletins (drafts for their authors; published ones for the units concerned)', query: BulletinListQuerySchema, response: BulletinPageSchema },
  'POST /api/bulletins': { tag: 'bulletins', summary: '生成通报 Generate a weekly or monthly bulletin now', status: 201, body: BulletinGenerateSchema, response: BulletinDetailSchema },
  'GET /api/bulletins/:id': { tag: 'bulletins', summary: '通报详情 A bulletin', params: BulletinIdParamsSchema, response: BulletinDetailSchema },
  'PUT /api/bulletins/:id/typical-cases': { tag: 'bulletins', summary: '选定典型案例 Choose the typical cases (draft)', params: BulletinIdParamsSchema, body: BulletinTypicalCasesSchema, response: BulletinDetailSchema },
  'POST /api/bulletins/:id/publish': { tag: 'bulletins', summary: '发布通报 Publish to the units concerned (and optionally on the portal)', params: BulletinIdParamsSchema, body: BulletinPublishSchema, response: BulletinDetailSchema },
  'GET /api/bulletins/:id/bulletin.pdf': { tag: 'bulletins', summary: '通报 PDF', params: BulletinIdParamsSchema, file: [MEDIA.pdf] },
  'GET /api/bulletins/:id/bulletin.docx': { tag: 'bulletins', summary: '通报 DOCX', params: BulletinIdParamsSchema, file: [MEDIA.docx] },
  'GET /api/bulletins/:id/bulletin.xlsx': { tag: 'bulletins', summary: '通报 Excel', params: BulletinIdParamsSchema, file: [MEDIA.xlsx] },
  'GET /api/public/bulletins': { tag: 'public', public: true, summary: '公开通报 Published public bulletins', response: PublicBulletinListSchema },
  'GET /api/public/bulletins/:id': { tag: 'public', public: true, summary: '公开通报 A public bulletin (unit names and figures only)', params: BulletinIdParamsSchema, response: PublicBulletinSchema },
});

import { z } from 'zod';
import { defineEndpoints, pageOf } from './endpoint.js';
import { POLICY_KINDS } from './values.js';
export { POLICY_KINDS } from './values.js';

export type PolicyKind = (typeof POLICY_KINDS)[number];

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** Body of POST /api/admin/policies. */
export const PolicyCreateSchema = z.object({
  kind: z.enum(POLICY_KINDS).describe('policy: a policy document; answer: a standard answer (标准答复口径)'),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20000),
  source: z.string().trim().min(1).max(200).nullish().describe('Issuing organ and document number (发文机关、文号)'),
  categoryCode: z.string().trim().min(1).max(64).nullish(),
  publishedAt: dateOnly.nullish().describe('Date of publication, YYYY-MM-DD'),
});
export type PolicyCreate = z.infer<typeof PolicyCreateSchema>;

/** Body of PATCH /api/admin/policies/:id: any field, and isActive to withdraw or restore. */
export const PolicyUpdateSchema = PolicyCreateSchema.partial()
  .extend({ isActive: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type PolicyUpdate = z.infer<typeof PolicyUpdateSchema>;

/** Query of GET /api/policies. */
export const PolicyListQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional().describe('Words to find in title, body and source (all must match; the last may be a prefix)'),
  kind: z.enum(POLICY_KINDS).optional(),
  categoryCode: z.string().trim().min(1).max(64).optional(),
  includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  cursor: z.string().max(200).optional().describe('Opaque cursor of the next page'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PolicyListQuery = z.infer<typeof PolicyListQuerySchema>;

export const PolicyIdParamsSchema = z.object({ id: z.uuid() });

/** A policy or standard answer. */
export const PolicySchema = z.object({
  id: z.string(),
  kind: z.enum(POLICY_KINDS),
  title: z.string(),
  body: z.string(),
  source: z.string().nullable().describe('Issuing organ and document number (发文机关、文号)'),
  categoryCode: z.string().nullable(),
  publishedAt: z.string().nullable().describe('Date of publication, YYYY-MM-DD'),
  isActive: z.boolean().describe('false: withdrawn (shown to admins only)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PolicyView = z.infer<typeof PolicySchema>;

/** A policy in a list: with a search, its best passage. */
export const PolicyHitSchema = PolicySchema.extend({
  snippet: z.string().nullable().describe('With `q`: the best passage, matched words in 【】; null without a search'),
});
export type PolicyHit = z.infer<typeof PolicyHitSchema>;

/** GET /api/policies/:id/quote: a ready-to-paste quotation for a reply. */
export const PolicyQuoteSchema = z.object({
  text: z.string().describe('The quotation, in the caller’s language: the whole text, or whole sentences with a note that it is an excerpt'),
  excerpt: z.boolean().describe('The text was longer than a quotation carries; the quotation says so'),
});

/** The policies operations. */
export const policiesEndpoints = defineEndpoints({
  'GET /api/policies': {
    tag: 'policies',
    summary: '政策知识库 List or search policies and standard answers',
    query: PolicyListQuerySchema,
    response: pageOf(PolicyHitSchema),
  },
  'GET /api/policies/:id': { tag: 'policies', summary: '政策详情 One policy or standard answer', params: PolicyIdParamsSchema, response: PolicySchema },
  'GET /api/policies/:id/quote': { tag: 'policies', summary: '引用到答复 Quotation for a reply', params: PolicyIdParamsSchema, response: PolicyQuoteSchema },
  'POST /api/admin/policies': { tag: 'policies', summary: '新增政策或标准答复 Create (admin)', body: PolicyCreateSchema, status: 201, response: PolicySchema },
  'PATCH /api/admin/policies/:id': {
    tag: 'policies',
    summary: '修改或停用 Update or withdraw (admin)',
    params: PolicyIdParamsSchema,
    body: PolicyUpdateSchema,
    response: PolicySchema,
  },
});

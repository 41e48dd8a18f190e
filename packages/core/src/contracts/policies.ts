import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** The two kinds of entry of the policy and answer library (政策知识库). */
export const POLICY_KINDS = ['policy', 'answer'] as const;
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

/** The policies operations. */
export const policiesEndpoints = defineEndpoints({});

import { z } from 'zod';
import { caseRefFields } from './fields.js';
import { IdParamsSchema } from './case.js';
import { defineEndpoints } from './endpoint.js';
import { PHONE_PATTERN } from '../identity.js';
import { DUPLICATE_SCORE } from '../similarity.js';

/** The most similar cases one request may ask for. */
export const SIMILAR_LIMIT_MAX = 20;

/** Query of GET /api/cases/:id/similar. */
export const SimilarCasesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(SIMILAR_LIMIT_MAX).default(5).describe(`How many similar cases (1–${SIMILAR_LIMIT_MAX}, default 5)`),
});

/** Body of POST /api/cases/similar: the matter being registered, before it is saved. */
export const SimilarCasesRequestSchema = z.object({
  title: z.string().trim().min(1).max(120).describe('One-line summary 标题'),
  content: z.string().trim().max(5000).default('').describe('What the resident says 诉求内容'),
  areaCode: z.string().regex(/^\d{12}(\d{3})?$/).optional().describe('Area where the matter is (same village counts)'),
  phone: z.string().trim().regex(PHONE_PATTERN).optional().describe('Requester phone (same requester counts); never stored or returned'),
  limit: z.coerce.number().int().min(1).max(SIMILAR_LIMIT_MAX).default(5).describe(`How many similar cases (1–${SIMILAR_LIMIT_MAX}, default 5)`),
});
export type SimilarCasesRequest = z.infer<typeof SimilarCasesRequestSchema>;


/** A similar case, best first. */
export const SimilarCaseSchema = z.object({
  ...caseRefFields,
  areaCode: z.string(),
  registeredAt: z.string(),
  score: z.number().describe('Text similarity plus bonuses for the same village and the same requester (not capped)'),
  possibleDuplicate: z.boolean().describe(`Open, and scored at least ${DUPLICATE_SCORE}: possibly the same matter (可合并)`),
  reply: z.string().nullable().describe('Its reply, to borrow from (借鉴类比)'),
});
export type SimilarCaseView = z.infer<typeof SimilarCaseSchema>;

/** The similar cases, best first. */
export const SimilarCasesSchema = z.object({ items: z.array(SimilarCaseSchema) });

/** The similar operations. */
export const similarEndpoints = defineEndpoints({
  'POST /api/cases/similar': {
    tag: 'cases',
    summary: '相似诉求 Similar cases of a matter being registered',
    body: SimilarCasesRequestSchema,
    response: SimilarCasesSchema,
  },
  'GET /api/cases/:id/similar': { tag: 'cases', summary: '相似诉求 Cases similar to this one', params: IdParamsSchema, query: SimilarCasesQuerySchema, response: SimilarCasesSchema },
});

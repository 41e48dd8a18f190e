import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { PHONE_PATTERN } from '../identity.js';

/** Body of POST /api/cases/similar: the matter being registered, before it is saved. */
export const SimilarCasesRequestSchema = z.object({
  title: z.string().trim().min(1).max(120).describe('One-line summary 标题'),
  content: z.string().trim().max(5000).default('').describe('What the resident says 诉求内容'),
  areaCode: z.string().regex(/^\d{12}(\d{3})?$/).optional().describe('Area where the matter is (same village counts)'),
  phone: z.string().trim().regex(PHONE_PATTERN).optional().describe('Requester phone (same requester counts); never stored or returned'),
});
export type SimilarCasesRequest = z.infer<typeof SimilarCasesRequestSchema>;

/** Score from which an open similar case is marked as a possible duplicate (可合并). */
export const DUPLICATE_SCORE = 0.55;

/** The similar operations. */
export const similarEndpoints = defineEndpoints({});

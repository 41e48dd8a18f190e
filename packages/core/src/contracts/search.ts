import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { CaseListQuerySchema } from './case.js';

/** Query of the case search (GET /api/search/cases): words to find, plus the ledger's filters. */
export const CaseSearchQuerySchema = CaseListQuerySchema.pick({
  status: true,
  kind: true,
  channel: true,
  categoryCode: true,
  areaCode: true,
  unitId: true,
  from: true,
  to: true,
}).extend({
  q: z.string().trim().min(1).max(100).describe('Words to find in title, content, address and reply (all must match; the last may be a prefix)'),
  cursor: z.string().max(200).optional().describe('Opaque cursor of the next page (nextCursor of the previous one)'),
  limit: z.coerce.number().int().min(1).max(50).default(20).describe('Page size'),
});
export type CaseSearchQuery = z.infer<typeof CaseSearchQuerySchema>;

/** The search operations. */
export const searchEndpoints = defineEndpoints({});

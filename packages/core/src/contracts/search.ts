import { z } from 'zod';
import { CaseListQuerySchema, CaseSummarySchema } from './case.js';
import { defineEndpoints } from './endpoint.js';

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

/**
 * A case found by the search: the ledger's case summary (cases.presenter `presentCaseSummary`,
 * personal data masked) and the best passage.
 */
export const CaseSearchHitSchema = CaseSummarySchema.extend({
  snippet: z.string().nullable().describe('The best passage, matched words in 【】'),
});
export type CaseSearchHit = z.infer<typeof CaseSearchHitSchema>;

/** GET /api/search/cases: a page of hits, best first. */
export const CaseSearchPageSchema = z.object({
  items: z.array(CaseSearchHitSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end'),
  partial: z.boolean().describe('The search stopped early: a narrower query may find more'),
});
export type CaseSearchPage = z.infer<typeof CaseSearchPageSchema>;

/** POST /api/admin/search/reindex. */
export const ReindexResultSchema = z.object({ indexed: z.number().int().describe('Cases indexed') });

/** The search operations. */
export const searchEndpoints = defineEndpoints({
  'GET /api/search/cases': { tag: 'search', summary: '全文检索 Search cases', query: CaseSearchQuerySchema, response: CaseSearchPageSchema },
  'POST /api/admin/search/reindex': { tag: 'search', summary: '重建检索索引 Rebuild the search index (admin)', response: ReindexResultSchema },
});

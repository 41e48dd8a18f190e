import { type CaseSearchQuery, CaseSearchQuerySchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { presentCaseSummary } from '../cases/cases.presenter.js';
import { createSearchService } from './search.service.js';

/** The search API. The service is wired here from the shared database, as no other module calls it. */
export async function searchRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { cipher, clock } = services;
  const search = createSearchService({ db: services.db, audit: services.audit, clock: services.clock });
  const tags = ['search'];

  app.get('/api/search/cases', { schema: { tags, summary: '全文检索 Search cases', querystring: CaseSearchQuerySchema } }, async (request) => {
    const page = await search.searchCases(actorOf(request), request.query as CaseSearchQuery);
    const now = clock.now();
    return {
      items: page.items.map((hit) => ({ ...presentCaseSummary(hit.row, cipher, now), snippet: hit.snippet })),
      nextCursor: page.nextCursor,
      partial: page.partial,
    };
  });

  app.post('/api/admin/search/reindex', { schema: { tags, summary: '重建检索索引 Rebuild the search index (admin)' } }, async (request) =>
    search.reindex(actorOf(request)),
  );
}

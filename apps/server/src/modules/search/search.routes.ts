import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { SearchService } from './search.service.js';

/** Full-text search over cases, and the rebuild of its index. */
export async function searchRoutes(app: FastifyInstance, { search }: { search: SearchService }) {
  route(app, 'GET /api/search/cases', (request) => search.searchCases(actorOf(request), request.query));
  route(app, 'POST /api/admin/search/reindex', (request) => search.reindex(actorOf(request)));
}

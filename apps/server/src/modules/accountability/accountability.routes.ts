import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { AccountabilityService } from './accountability.service.js';

/** The accountability ledger (责任追究): list, manual entry, decision, appeal. */
export async function accountabilityRoutes(app: FastifyInstance, { accountability }: { accountability: AccountabilityService }) {
  route(app, 'GET /api/accountability', (request) => accountability.list(actorOf(request), request.query));
  route(app, 'POST /api/accountability', (request) => accountability.create(actorOf(request), request.body));
  route(app, 'POST /api/accountability/:id/decide', (request) => accountability.decide(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/accountability/:id/appeal', (request) => accountability.appeal(actorOf(request), request.params.id, request.body));
}

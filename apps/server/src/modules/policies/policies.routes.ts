import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { requestLocale } from '../../http/request.js';
import type { PoliciesService } from './policies.service.js';

/** The policy and answer library (政策知识库). */
export async function policiesRoutes(app: FastifyInstance, { policies }: { policies: PoliciesService }) {
  route(app, 'GET /api/policies', (request) => policies.list(actorOf(request), request.query));
  route(app, 'GET /api/policies/:id', (request) => policies.get(actorOf(request), request.params.id));
  route(app, 'GET /api/policies/:id/quote', (request) => policies.quote(actorOf(request), request.params.id, requestLocale(request)));
  route(app, 'POST /api/admin/policies', (request) => policies.create(actorOf(request), request.body));
  route(app, 'PATCH /api/admin/policies/:id', (request) => policies.update(actorOf(request), request.params.id, request.body));
}

import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { SimilarService } from './similar.service.js';

/** Similar cases at registration and on a case page, always within the actor's scope. */
export async function similarRoutes(app: FastifyInstance, { similar }: { similar: SimilarService }) {
  route(app, 'POST /api/cases/similar', (request) => similar.forDraft(actorOf(request), request.body));
  route(app, 'GET /api/cases/:id/similar', (request) => similar.forCase(actorOf(request), request.params.id, request.query.limit));
}

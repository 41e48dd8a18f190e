import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { SuggestService } from './suggest.service.js';

/** Category and unit suggestion at registration, and its retraining. */
export async function suggestRoutes(app: FastifyInstance, { suggest }: { suggest: SuggestService }) {
  route(app, 'POST /api/cases/suggest', (request) => suggest.suggest(actorOf(request), request.body));
  route(app, 'POST /api/admin/suggest/retrain', (request) => suggest.retrain(actorOf(request)));
  route(app, 'GET /api/admin/suggest', (request) => suggest.state(actorOf(request)));
  route(app, 'PUT /api/admin/suggest/keywords/:code', (request) => suggest.setKeywords(actorOf(request), request.params.code, request.body));
  route(app, 'DELETE /api/admin/suggest/keywords/:code', (request) => suggest.resetKeywords(actorOf(request), request.params.code));
}

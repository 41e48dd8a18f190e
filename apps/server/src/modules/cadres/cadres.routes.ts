import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { CadresService } from './cadres.service.js';

/** A cadre's page (干部档案页). */
export async function cadresRoutes(app: FastifyInstance, { cadres }: { cadres: CadresService }) {
  route(app, 'GET /api/cadres/:userId', (request) => cadres.page(actorOf(request), request.params.userId, request.query));
}

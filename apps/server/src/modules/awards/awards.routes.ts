import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { byIp, limitBy, PORTAL_LIMITS as L } from '../portal/portal.limits.js';
import type { AwardsService } from './awards.service.js';

/** Awards (评先评优): kinds, awards with candidates, votes, decisions, publication; the portal's list. */
export async function awardsRoutes(app: FastifyInstance, { awards }: { awards: AwardsService }) {
  route(app, 'GET /api/awards/kinds', (request) => awards.kinds(actorOf(request)));
  route(app, 'POST /api/awards/kinds', (request) => awards.createKind(actorOf(request), request.body));
  route(app, 'GET /api/awards', (request) => awards.list(actorOf(request)));
  route(app, 'POST /api/awards', (request) => awards.create(actorOf(request), request.body));
  route(app, 'GET /api/awards/:id', (request) => awards.detail(actorOf(request), request.params.id));
  route(app, 'POST /api/awards/:id/candidates', (request) => awards.nominate(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/awards/:id/votes', (request) => awards.vote(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/awards/:id/decide', (request) => awards.decide(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/awards/:id/publish', (request) => awards.publish(actorOf(request), request.params.id));
  route(app, 'GET /api/public/awards', () => awards.publicList(), { preHandler: limitBy(app, 'read', L.readPerIp, byIp) });
}

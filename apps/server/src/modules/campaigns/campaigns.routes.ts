import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { CampaignsService } from './campaigns.service.js';

/** Campaigns (三送): targets by area and tag, cadres' shares, coverage. Visits join a campaign by campaignId. */
export async function campaignsRoutes(app: FastifyInstance, { campaigns }: { campaigns: CampaignsService }) {
  route(app, 'POST /api/campaigns', (request) => campaigns.create(actorOf(request), request.body));
  route(app, 'GET /api/campaigns', (request) => campaigns.list(actorOf(request), request.query));
  route(app, 'GET /api/campaigns/:id', (request) => campaigns.get(actorOf(request), request.params.id));
  route(app, 'POST /api/campaigns/:id/targets', (request) => campaigns.addTargets(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/campaigns/:id/assign', (request) => campaigns.assign(actorOf(request), request.params.id, request.body));
  route(app, 'GET /api/campaigns/:id/targets', (request) => campaigns.targets(actorOf(request), request.params.id, request.query));
  route(app, 'GET /api/campaigns/:id/coverage', (request) => campaigns.coverage(actorOf(request), request.params.id));
}

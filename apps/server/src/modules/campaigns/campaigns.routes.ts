import {
  type CampaignAssign,
  CampaignAssignSchema,
  type CampaignCreate,
  CampaignCreateSchema,
  CampaignIdParamsSchema,
  type CampaignListQuery,
  CampaignListQuerySchema,
  type CampaignTargetListQuery,
  CampaignTargetListQuerySchema,
  type CampaignTargets,
  CampaignTargetsSchema,
} from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { createCampaignsService } from './campaigns.service.js';

/** Campaigns (三送): targets by area and tag, cadres' shares, coverage. Visits join a campaign by campaignId. */
export async function campaignsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const campaigns = createCampaignsService(services);
  const tags = ['campaigns'];
  const params = CampaignIdParamsSchema;
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.post('/api/campaigns', { schema: { tags, summary: '发起活动 Create a campaign', body: CampaignCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await campaigns.create(actorOf(request), request.body as CampaignCreate)),
  );
  app.get('/api/campaigns', { schema: { tags, summary: '活动列表 Campaigns reaching my area', querystring: CampaignListQuerySchema } }, async (request) =>
    campaigns.list(actorOf(request), request.query as CampaignListQuery),
  );
  app.get('/api/campaigns/:id', { schema: { tags, summary: '活动详情 A campaign with its coverage', params } }, async (request) => campaigns.get(actorOf(request), idOf(request)));
  app.post('/api/campaigns/:id/targets', { schema: { tags, summary: '选定对象户 Add target households by area and tags', params, body: CampaignTargetsSchema } }, async (request) =>
    campaigns.addTargets(actorOf(request), idOf(request), request.body as CampaignTargets),
  );
  app.post('/api/campaigns/:id/assign', { schema: { tags, summary: '分配到干部 Assign targets to cadres', params, body: CampaignAssignSchema } }, async (request) =>
    campaigns.assign(actorOf(request), idOf(request), request.body as CampaignAssign),
  );
  app.get('/api/campaigns/:id/targets', { schema: { tags, summary: '对象户 Targets (in my area)', params, querystring: CampaignTargetListQuerySchema } }, async (request) =>
    campaigns.targets(actorOf(request), idOf(request), request.query as CampaignTargetListQuery),
  );
  app.get('/api/campaigns/:id/coverage', { schema: { tags, summary: '覆盖进度 Coverage per village and cadre', params } }, async (request) => campaigns.coverage(actorOf(request), idOf(request)));
}

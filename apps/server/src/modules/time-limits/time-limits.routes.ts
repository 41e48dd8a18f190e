import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { presentRule } from './time-limits.presenter.js';
import type { TimeLimitsService } from './time-limits.service.js';

/** The time-limit rule table (限时办结规则): read by all staff, maintained by admins. */
export async function timeLimitsRoutes(app: FastifyInstance, { timeLimits }: { timeLimits: TimeLimitsService }) {
  route(app, 'GET /api/time-limit-rules', async (request) => ({ items: (await timeLimits.list(actorOf(request), request.query.stage)).map(presentRule) }));
  route(app, 'POST /api/admin/time-limit-rules', async (request) => presentRule(await timeLimits.create(actorOf(request), request.body)));
  route(app, 'PATCH /api/admin/time-limit-rules/:id', async (request) => presentRule(await timeLimits.update(actorOf(request), request.params.id, request.body)));
  route(app, 'DELETE /api/admin/time-limit-rules/:id', (request) => timeLimits.remove(actorOf(request), request.params.id));
}

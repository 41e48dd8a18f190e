import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { AlertsService } from './alerts.service.js';

/** Early-warning alerts (预警 · 未诉先办, SPEC §8). */
export async function alertsRoutes(app: FastifyInstance, { alerts }: { alerts: AlertsService }) {
  route(app, 'GET /api/alerts', (request) => alerts.list(actorOf(request), request.query));
  route(app, 'GET /api/alerts/:id', (request) => alerts.detail(actorOf(request), request.params.id));
  route(app, 'POST /api/alerts/:id/acknowledge', (request) => alerts.acknowledge(actorOf(request), request.params.id));
  route(app, 'POST /api/alerts/:id/dismiss', (request) => alerts.dismiss(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/alerts/:id/task', (request) => alerts.createTask(actorOf(request), request.params.id, request.body));
}

import { type AlertDismiss, AlertDismissSchema, AlertIdParamsSchema, type AlertListQuery, AlertListQuerySchema, type AlertTask, AlertTaskSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { createAlertsService } from './alerts.service.js';

/** Early-warning alerts (预警 · 未诉先办, SPEC §8). The service is wired here, as no other module calls it. */
export async function alertsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const alerts = createAlertsService(services);
  const tags = ['alerts'];
  const params = AlertIdParamsSchema;
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.get('/api/alerts', { schema: { tags, summary: '预警列表 Alerts in my area', querystring: AlertListQuerySchema } }, async (request) =>
    alerts.list(actorOf(request), request.query as AlertListQuery),
  );
  app.get('/api/alerts/:id', { schema: { tags, summary: '预警详情 Alert with its cases', params } }, async (request) => alerts.detail(actorOf(request), idOf(request)));
  app.post('/api/alerts/:id/acknowledge', { schema: { tags, summary: '确认预警 Acknowledge an alert', params } }, async (request) =>
    alerts.acknowledge(actorOf(request), idOf(request)),
  );
  app.post('/api/alerts/:id/dismiss', { schema: { tags, summary: '忽略预警 Dismiss an alert', params, body: AlertDismissSchema } }, async (request) =>
    alerts.dismiss(actorOf(request), idOf(request), request.body as AlertDismiss),
  );
  app.post('/api/alerts/:id/task', { schema: { tags, summary: '转为主动治理任务 Make a proactive task', params, body: AlertTaskSchema } }, async (request) =>
    alerts.createTask(actorOf(request), idOf(request), request.body as AlertTask),
  );
}

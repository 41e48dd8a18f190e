import type { MetricWeights } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import { type MetricsQuery, MetricsQuerySchema, MetricWeightsSchema } from './metrics.schemas.js';

/** Metrics (响应率, 解决率, 满意率 …, see docs/METRICS.md) and the composite-score weights. */
export async function metricsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { metrics } = services;
  const tags = ['metrics'];

  app.get(
    '/api/metrics',
    { schema: { tags, summary: '考核指标 Metrics per unit, area, category or month (within your scope)', querystring: MetricsQuerySchema } },
    async (request) => metrics.report(actorOf(request), request.query as MetricsQuery, requestLocale(request)),
  );

  app.get('/api/settings/metric-weights', { schema: { tags, summary: '综合得分权重 Composite-score weights' } }, async (request) =>
    metrics.weights(actorOf(request)),
  );

  app.put(
    '/api/admin/settings/metric-weights',
    { schema: { tags: [...tags, 'admin'], summary: '设置综合得分权重 Set the composite-score weights (admin)', body: MetricWeightsSchema } },
    async (request) => metrics.setWeights(actorOf(request), request.body as MetricWeights),
  );
}

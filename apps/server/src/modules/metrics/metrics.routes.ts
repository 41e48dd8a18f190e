import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { requestLocale } from '../../http/request.js';
import type { MetricsService } from './metrics.service.js';
import type { ResolutionLevels } from './resolution-levels.service.js';

/** Metrics (响应率, 解决率, 满意率 …, see docs/METRICS.md) and the composite-score weights. */
export async function metricsRoutes(app: FastifyInstance, { metrics, resolutionLevels }: { metrics: MetricsService; resolutionLevels: ResolutionLevels }) {
  route(app, 'GET /api/metrics', (request) => metrics.report(actorOf(request), request.query, requestLocale(request)));
  route(app, 'GET /api/settings/metric-weights', (request) => metrics.weights(actorOf(request)));
  route(app, 'PUT /api/admin/settings/metric-weights', (request) => metrics.setWeights(actorOf(request), request.body));
  // 小事不出村、大事不出乡
  route(app, 'GET /api/metrics/resolution-levels', (request) => resolutionLevels.report(actorOf(request), request.query, requestLocale(request)));
}

import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import { jobsRoutes } from '../jobs/jobs.routes.js';
import { alertsRoutes } from './alerts/alerts.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { attachmentsRoutes } from './attachments/attachments.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { casesRoutes } from './cases/cases.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { publicEvaluationRoutes } from './cases/evaluation.routes.js';
import { metricsRoutes } from './metrics/metrics.routes.js';
import { policiesRoutes } from './policies/policies.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { siteRoutes } from './site/site.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { similarRoutes } from './similar/similar.routes.js';
import { suggestRoutes } from './suggest/suggest.routes.js';
import { testHooksRoutes } from './test-hooks/test-hooks.routes.js';

/** Registers every module's routes; a new module adds one line here. */
export async function registerModules(app: FastifyInstance, services: Services, config: Config): Promise<void> {
  await app.register(healthRoutes, { services });
  await app.register(siteRoutes, { config });
  await app.register(authRoutes, { auth: services.auth, secureCookies: config.secureCookies });
  await app.register(casesRoutes, { services });
  await app.register(publicEvaluationRoutes, { services });
  await app.register(adminRoutes, { services });
  await app.register(attachmentsRoutes, { attachments: services.attachments });
  await app.register(notificationsRoutes, { services });
  await app.register(metricsRoutes, { services });
  await app.register(jobsRoutes, { services });
  await app.register(searchRoutes, { services });
  await app.register(similarRoutes, { services });
  await app.register(suggestRoutes, { services });
  await app.register(alertsRoutes, { services });
  await app.register(policiesRoutes, { services });
  if (config.enableTestHooks) await app.register(testHooksRoutes, { clock: services.clock });
}

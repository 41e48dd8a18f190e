import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import { attachmentsRoutes } from './attachments/attachments.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { casesRoutes } from './cases/cases.routes.js';
import { publicEvaluationRoutes } from './cases/evaluation.routes.js';

/** Registers every module's routes; a new module adds one line here. */
export async function registerModules(app: FastifyInstance, services: Services, config: Config): Promise<void> {
  await app.register(authRoutes, { auth: services.auth, secureCookies: config.secureCookies });
  await app.register(casesRoutes, { services });
  await app.register(publicEvaluationRoutes, { services });
  await app.register(attachmentsRoutes, { attachments: services.attachments });
}

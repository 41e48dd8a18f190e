import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { type AdjustableClock, createClock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { authPlugin } from './plugins/auth.js';
import { readContextPlugin } from './plugins/read-context.js';
import { clientErrorHandler, frameworkErrors, securityHeaders } from './plugins/security.js';
import { problemPlugin, zodValidatorCompiler } from './plugins/problem.js';
import { openApiTransform, responseSerializer } from './http/route.js';
import { createServices, type Services } from './services.js';
import type { Cipher } from './security/cipher.js';
import type { SmsGateway } from './modules/notifications/sms-gateway.js';
import { registerModules } from './modules/index.js';
import { jobsRoutes } from './jobs/jobs.routes.js';
import { webPlugin } from './plugins/web.js';
import { databaseStore } from './http/rate-limit-store.js';

export interface BuildAppOptions {
  database: Database;
  config: Config;
  cipher: Cipher;
  clock?: AdjustableClock;
  smsGateway?: SmsGateway;
  logger?: boolean | Record<string, unknown>;
  /** Serve the built console and portal pages (main.ts does; API tests do not). */
  serveWeb?: boolean;
  /**
   * Refuse (500) an answer carrying a field its response contract does not declare, instead of
   * dropping it silently: the test suite runs this way, so a presenter that drifts fails its test.
   */
  strictResponses?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Builds the whole API as a Fastify instance; it never listens (main.ts does, tests inject). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? createClock();
  const services = createServices({ ...options, clock });
  const app = Fastify({
    logger: options.logger ?? false,
    // Forwarded addresses count only when the proxy that adds them is trusted (LIANXIN_TRUSTED_PROXIES);
    // otherwise the peer's own address is the client's, so no header can dodge a per-address limit.
    trustProxy: options.config.trustedProxies.length ? options.config.trustedProxies : false,
    frameworkErrors,
    clientErrorHandler,
    bodyLimit: 1024 * 1024,
    // Signed evaluation tokens travel in the path.
    routerOptions: { maxParamLength: 400 },
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.decorate('services', services);
  // — several processes (issue 19) — the cache bus's LISTEN connection ends with the app
  app.addHook('onClose', () => services.cacheBus.close());
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.strictResponses ?? false));
  await app.register(problemPlugin);
  await app.register(securityHeaders, { tileUrl: options.config.tileUrl, secure: options.config.secureCookies });
  await app.register(cookie);
  // Read-your-writes over the replica (DATABASE_READ_URL): first, so every later hook runs in it.
  await app.register(readContextPlugin, { routing: options.database.routing });
  // Every limit counts in the database (`rate_limits`), so several processes over one database share it.
  await app.register(rateLimit, { global: false, hook: 'preHandler', store: databaseStore(services.rateLimiter) });
  await app.register(swagger, {
    openapi: {
      info: { title: '连心 Lianxin API', version: '0.1.0', description: '基层群众工作平台接口 — grassroots mass-work platform API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lx_session' } } },
      security: [{ session: [] }],
    },
    transform: openApiTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { auth: services.auth });
  await registerModules(app, services, options.config);
  // The jobs call the modules, never the reverse: their route is registered here, beside them.
  await app.register(jobsRoutes, { jobs: services.jobs });
  if (options.serveWeb) await app.register(webPlugin, { root: options.config.webDist });
  return app;
}

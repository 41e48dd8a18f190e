import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { route } from '../../http/route.js';

/** GET /api/config: what the web pages need before sign-in (base map, hotline). No secrets. */
export async function siteRoutes(app: FastifyInstance, { config }: { config: Config }) {
  route(app, 'GET /api/config', () => ({
    tileUrl: config.tileUrl ?? null,
    tileAttribution: config.tileAttribution ?? null,
    hotline: config.hotline,
    publicBaseUrl: config.publicBaseUrl,
  }));
}

import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';

/** GET /api/config: what the web pages need before sign-in (base map, hotline). No secrets. */
export async function siteRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/api/config', { schema: { tags: ['site'], summary: '站点配置 Public site settings' }, config: { public: true } }, async () => ({
    tileUrl: config.tileUrl ?? null,
    tileAttribution: config.tileAttribution ?? null,
    hotline: config.hotline,
    publicBaseUrl: config.publicBaseUrl,
  }));
}

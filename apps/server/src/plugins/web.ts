import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Where `vite build` puts the console (/) and the portal (/m/). */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built web pages from the same process as the API. Other paths outside /api get the
 * page's index.html, so the browser's router handles deep links; unknown /api paths stay 404.
 */
export const webPlugin = fp(async (app: FastifyInstance, { root = WEB_DIST }: { root?: string | undefined }) => {
  if (!existsSync(root)) {
    app.log.warn({ root }, 'web pages not built; run `npm run build:web`');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Built assets carry a content hash in their names, so they never change.
    setHeaders: (reply: FastifyReply, path: string) => reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const sendPage = (page: string) => (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile(page, root);
  };
  const hide = { schema: { hide: true }, config: { public: true } };
  app.get('/m', hide, sendPage('m/index.html'));
  app.get('/m/*', hide, sendPage('m/index.html'));
  app.get('/', hide, sendPage('index.html'));
  app.get('/*', hide, sendPage('index.html'));
});

import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import type { BulletinsService } from './bulletins.service.js';

/** Periodic bulletins (定期通报): generate, edit, publish, download; the portal's public version. */
export async function bulletinsRoutes(app: FastifyInstance, { bulletins }: { bulletins: BulletinsService }) {
  route(app, 'GET /api/bulletins', (request) => bulletins.list(actorOf(request), request.query, requestLocale(request)));
  route(app, 'POST /api/bulletins', (request) => bulletins.generate(actorOf(request), request.body, requestLocale(request)));
  route(app, 'GET /api/bulletins/:id', (request) => bulletins.detail(actorOf(request), request.params.id, requestLocale(request)));
  route(app, 'PUT /api/bulletins/:id/typical-cases', (request) => bulletins.setTypical(actorOf(request), request.params.id, request.body, requestLocale(request)));
  route(app, 'POST /api/bulletins/:id/publish', (request) => bulletins.publish(actorOf(request), request.params.id, request.body, requestLocale(request)));
  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    route(app, `GET /api/bulletins/:id/bulletin.${format}`, async (request, reply) =>
      sendFile(reply, await bulletins.file(actorOf(request), request.params.id, format, requestLocale(request))),
    );
  }
  route(app, 'GET /api/public/bulletins', (request) => bulletins.publicList(requestLocale(request)));
  route(app, 'GET /api/public/bulletins/:id', (request) => bulletins.publicDetail(request.params.id, requestLocale(request)));
}

import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { requestLocale } from '../../http/request.js';
import type { NotificationsService } from './notifications.service.js';

/** The staff member's notices (首问负责 and every other step) and, for admins, the SMS outbox. */
export async function notificationsRoutes(app: FastifyInstance, { notifications }: { notifications: NotificationsService }) {
  route(app, 'GET /api/notifications', (request) => notifications.notices(actorOf(request), request.query, requestLocale(request)));
  route(app, 'POST /api/notifications/:id/read', (request) => notifications.markRead(actorOf(request), request.params.id));
  route(app, 'GET /api/outbox', (request) => notifications.outbox(actorOf(request), request.query));
}

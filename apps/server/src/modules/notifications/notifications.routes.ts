import type { FastifyInstance } from 'fastify';
import { closeEventStreams, openEventStream } from '../../http/event-stream.js';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { requestLocale } from '../../http/request.js';
import type { NoticeBus } from './notice-bus.js';
import type { NotificationsService } from './notifications.service.js';

export interface NotificationsRoutesOptions {
  notifications: NotificationsService;
  /** Closed with the server (its PostgreSQL LISTEN connection). */
  bus?: NoticeBus;
  /** Heartbeat of the live stream. */
  heartbeatMs?: number;
}

/** The staff member's notices (首问负责 and every other step), live, their SMS choices and, for admins, the SMS outbox. */
export async function notificationsRoutes(app: FastifyInstance, { notifications, bus, heartbeatMs }: NotificationsRoutesOptions) {
  route(app, 'GET /api/notifications', (request) => notifications.notices(actorOf(request), request.query, requestLocale(request)));
  route(app, 'POST /api/notifications/:id/read', (request) => notifications.markRead(actorOf(request), request.params.id));
  route(app, 'GET /api/notifications/unread-count', (request) => notifications.unreadCount(actorOf(request)));
  route(app, 'POST /api/notifications/read-all', (request) => notifications.markAllRead(actorOf(request)));
  route(app, 'GET /api/notifications/preferences', (request) => notifications.preferences(actorOf(request)));
  route(app, 'PUT /api/notifications/preferences', (request) => notifications.savePreferences(actorOf(request), request.body));
  route(app, 'GET /api/notifications/stream', async (request, reply) => {
    const actor = actorOf(request);
    const stream = openEventStream('GET /api/notifications/stream', request, reply, { heartbeatMs });
    try {
      const stop = await notifications.watch(actor, request.query.locale ?? requestLocale(request), {
        count: (unread) => stream.send('count', { unread }),
        notice: (notice) => stream.send('notice', notice),
      });
      stream.onClose(stop);
    } catch (error) {
      request.log.error(error);
      stream.close();
    }
    return reply;
  });
  route(app, 'GET /api/outbox', (request) => notifications.outbox(actorOf(request), request.query));
  // Open streams end first, so closing the server does not wait for them; then the bus stops listening.
  app.addHook('preClose', (done) => {
    closeEventStreams(app);
    done();
  });
  app.addHook('onClose', async () => {
    await bus?.close();
  });
}

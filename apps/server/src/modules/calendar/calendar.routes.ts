import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { presentDay } from './calendar.presenter.js';
import type { CalendarService } from './calendar.service.js';

/** The holiday calendar (节假日): read by all staff, maintained by admins. */
export async function calendarRoutes(app: FastifyInstance, { calendar }: { calendar: CalendarService }) {
  route(app, 'GET /api/calendar', async (request) => ({ year: request.query.year, days: (await calendar.year(actorOf(request), request.query.year)).map(presentDay) }));
  route(app, 'PUT /api/admin/calendar/:date', async (request, reply) => {
    const { day, created } = await calendar.put(actorOf(request), request.params.date, request.body);
    if (created) reply.status(201);
    return presentDay(day);
  });
  route(app, 'DELETE /api/admin/calendar/:date', (request) => calendar.remove(actorOf(request), request.params.date));
}

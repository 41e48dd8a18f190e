import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { OfficeDaysService } from './office-days.service.js';

/** Joint office days (联合办公日): schedules, sessions, attendance and the cases of each day. */
export async function officeDaysRoutes(app: FastifyInstance, { officeDays }: { officeDays: OfficeDaysService }) {
  route(app, 'PUT /api/office-days/schedules', (request) => officeDays.upsertSchedule(actorOf(request), request.body));
  route(app, 'GET /api/office-days/schedules', (request) => officeDays.listSchedules(actorOf(request), request.query));
  route(app, 'POST /api/office-days/sessions/generate', (request) => officeDays.generate(actorOf(request), request.body));
  route(app, 'GET /api/office-days/sessions', (request) => officeDays.listSessions(actorOf(request), request.query));
  route(app, 'GET /api/office-days/sessions/:id', (request) => officeDays.session(actorOf(request), request.params.id));
  route(app, 'POST /api/office-days/sessions/:id/attendance', (request) => officeDays.attend(actorOf(request), request.params.id, request.body.userIds));
  route(app, 'DELETE /api/office-days/sessions/:id/attendance/:userId', (request) => officeDays.removeAttendee(actorOf(request), request.params.id, request.params.userId));
}

import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { ReceptionService } from './reception.service.js';

/** Per client address: residents book rarely; a burst is a script. */
const BOOKING_LIMIT = { max: 5, timeWindow: '1 minute' };
const SCHEDULE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** Leader reception days (领导接访日): staff routes and the public schedule and booking. */
export async function receptionRoutes(app: FastifyInstance, { reception }: { reception: ReceptionService }) {
  route(app, 'POST /api/reception/sessions', (request) => reception.create(actorOf(request), request.body));
  route(app, 'GET /api/reception/sessions', (request) => reception.list(actorOf(request), request.query));
  route(app, 'GET /api/reception/sessions/:id', (request) => reception.session(actorOf(request), request.params.id));
  route(app, 'PATCH /api/reception/sessions/:id', (request) => reception.update(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/reception/sessions/:id/appointments', (request) => reception.staffRequest(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/reception/sessions/:id/cases', (request) => reception.linkCase(actorOf(request), request.params.id, request.body.caseId));
  route(app, 'PATCH /api/reception/appointments/:id', (request) => reception.updateAppointment(actorOf(request), request.params.id, request.body));
  route(app, 'GET /api/reception/appointments/:id/contact', (request) => reception.revealAppointment(actorOf(request), request.params.id));

  // Residents: no session needed.
  route(app, 'GET /api/public/reception-sessions', (request) => reception.publicSchedule(request.query), { config: { rateLimit: SCHEDULE_LIMIT } });
  route(app, 'POST /api/public/reception-sessions/:id/appointments', (request) => reception.publicRequest(request.params.id, request.body), { config: { rateLimit: BOOKING_LIMIT } });
  // — screens —
  route(app, 'POST /api/public/reception-appointments/cancel', (request) => reception.publicCancel(request.body.token), { config: { rateLimit: BOOKING_LIMIT } });
}

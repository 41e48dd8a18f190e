import {
  type ReceptionAppointmentCreate,
  ReceptionAppointmentCreateSchema,
  type ReceptionAppointmentUpdate,
  ReceptionAppointmentUpdateSchema,
  type ReceptionCaseLink,
  ReceptionCaseLinkSchema,
  ReceptionIdParamsSchema,
  type ReceptionListQuery,
  ReceptionListQuerySchema,
  type ReceptionSessionCreate,
  ReceptionSessionCreateSchema,
  type ReceptionSessionUpdate,
  ReceptionSessionUpdateSchema,
} from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { createReceptionService } from './reception.service.js';

/** Per client address: residents book rarely; a burst is a script. */
const BOOKING_LIMIT = { max: 5, timeWindow: '1 minute' };
const SCHEDULE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** Leader reception days (领导接访日): staff routes and the public schedule and booking. */
export async function receptionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const reception = createReceptionService(services);
  const tags = ['reception'];
  const params = ReceptionIdParamsSchema;
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.post('/api/reception/sessions', { schema: { tags, summary: '安排接访日 Schedule a reception session', body: ReceptionSessionCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await reception.create(actorOf(request), request.body as ReceptionSessionCreate)),
  );
  app.get('/api/reception/sessions', { schema: { tags, summary: '接访日安排 Sessions in my area', querystring: ReceptionListQuerySchema } }, async (request) =>
    reception.list(actorOf(request), request.query as ReceptionListQuery),
  );
  app.get('/api/reception/sessions/:id', { schema: { tags, summary: '接访详情 Appointments (masked) and cases', params } }, async (request) => reception.session(actorOf(request), idOf(request)));
  app.patch('/api/reception/sessions/:id', { schema: { tags, summary: '修改、公布或取消 Update, publish or cancel', params, body: ReceptionSessionUpdateSchema } }, async (request) =>
    reception.update(actorOf(request), idOf(request), request.body as ReceptionSessionUpdate),
  );
  app.post('/api/reception/sessions/:id/appointments', { schema: { tags, summary: '代为预约 Register an appointment for a resident', params, body: ReceptionAppointmentCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await reception.staffRequest(actorOf(request), idOf(request), request.body as ReceptionAppointmentCreate)),
  );
  app.post('/api/reception/sessions/:id/cases', { schema: { tags, summary: '关联接访诉求件 Link a case taken at the session', params, body: ReceptionCaseLinkSchema } }, async (request) =>
    reception.linkCase(actorOf(request), idOf(request), (request.body as ReceptionCaseLink).caseId),
  );
  app.patch('/api/reception/appointments/:id', { schema: { tags, summary: '预约状态 Confirm, complete or cancel an appointment', params, body: ReceptionAppointmentUpdateSchema } }, async (request) =>
    reception.updateAppointment(actorOf(request), idOf(request), request.body as ReceptionAppointmentUpdate),
  );
  app.get('/api/reception/appointments/:id/contact', { schema: { tags, summary: '查看联系方式 The requester’s name and phone (audited)', params } }, async (request) =>
    reception.revealAppointment(actorOf(request), idOf(request)),
  );

  // Residents: no session needed.
  app.get(
    '/api/public/reception-sessions',
    { schema: { tags: ['public'], security: [], summary: '领导接访日安排 The published schedule', querystring: ReceptionListQuerySchema }, config: { public: true, rateLimit: SCHEDULE_LIMIT } },
    async (request) => reception.publicSchedule(request.query as ReceptionListQuery),
  );
  app.post(
    '/api/public/reception-sessions/:id/appointments',
    { schema: { tags: ['public'], security: [], summary: '预约接访 Request an appointment', params, body: ReceptionAppointmentCreateSchema }, config: { public: true, rateLimit: BOOKING_LIMIT } },
    async (request, reply) => reply.status(201).send(await reception.publicRequest(idOf(request), request.body as ReceptionAppointmentCreate)),
  );
}

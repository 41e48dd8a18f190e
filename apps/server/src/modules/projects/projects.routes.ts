import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import { AppError } from '../../errors.js';
import { bodyField, byIp, failureLimit, inTurn, limitBy, PORTAL_LIMITS } from '../portal/portal.limits.js';

/** Wrong SMS codes per address and per phone, and codes per address (as for consultations). */
const OBJECTION_FAILURES = { perIp: { max: 20, timeWindow: 3_600_000 }, perPhone: { max: 5, timeWindow: 3_600_000 }, codesPerIp: { max: 20, timeWindow: 3_600_000 } };
import type { ProjectsPublic } from './projects.public.js';
import type { ProjectsService } from './projects.service.js';
import type { SelectionObjections } from './selection.objections.js';
import type { SelectionService } from './selection.service.js';

/** 重点项目 · 选房登记 · 公开. */
export async function projectsRoutes(app: FastifyInstance, { projects, selection, publicPages, objections }: { projects: ProjectsService; selection: SelectionService; publicPages: ProjectsPublic; objections: SelectionObjections }) {
  route(app, 'GET /api/projects', (request) => projects.list(actorOf(request), request.query));
  route(app, 'POST /api/projects', (request) => projects.create(actorOf(request), request.body));
  route(app, 'GET /api/projects/:id', (request) => projects.detail(actorOf(request), request.params.id));
  route(app, 'POST /api/projects/:id/households', (request) => projects.addHouseholds(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/projects/:id/disclosures', (request) => projects.disclose(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/projects/:id/cases', (request) => projects.linkCase(actorOf(request), request.params.id, request.body.caseId));
  route(app, 'GET /api/projects/:id/case-suggestions', (request) => projects.caseSuggestions(actorOf(request), request.params.id));

  route(app, 'GET /api/projects/:id/selection', (request) => selection.get(actorOf(request), request.params.id));
  route(app, 'PUT /api/projects/:id/selection/households', (request) => selection.setHouseholds(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/projects/:id/selection/flats', (request) => selection.addFlats(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/projects/:id/selection/slots', (request) => selection.addSlots(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/projects/:id/selection/draw', (request) => selection.draw(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/projects/:id/selection/households/:householdId/book', (request) =>
    selection.book(actorOf(request), request.params.id, request.params.householdId, request.body.slotId),
  );
  route(app, 'POST /api/projects/:id/selection/call-next', (request) => selection.callNext(actorOf(request), request.params.id, request.body.desk));
  route(app, 'POST /api/projects/:id/selection/households/:householdId/call', (request) =>
    selection.call(actorOf(request), request.params.id, request.params.householdId, request.body.desk),
  );
  route(app, 'POST /api/projects/:id/selection/households/:householdId/absent', (request) => selection.absent(actorOf(request), request.params.id, request.params.householdId));
  route(app, 'POST /api/projects/:id/selection/households/:householdId/confirm', (request) =>
    selection.confirm(actorOf(request), request.params.id, request.params.householdId, request.body),
  );
  route(app, 'GET /api/projects/:id/selection/households/:householdId/sheet.pdf', async (request, reply) =>
    sendFile(reply, await selection.sheet(actorOf(request), request.params.id, request.params.householdId, requestLocale(request))),
  );
  route(app, 'POST /api/projects/:id/selection/publish', (request) => selection.publish(actorOf(request), request.params.id, request.body.objectionDays));
  route(app, 'GET /api/projects/:id/selection/objections', (request) => objections.list(actorOf(request), request.params.id));
  route(app, 'POST /api/projects/:id/selection/objections', async (request, reply) => {
    reply.status(201);
    return objections.record(actorOf(request), request.params.id, request.body);
  });
  route(app, 'POST /api/projects/:id/selection/objections/:objectionId/handle', (request) => objections.handle(actorOf(request), request.params.id, request.params.objectionId, request.body));

  // The portal: read limits per client like the other public pages; booking by code counts like tracking.
  const read = { preHandler: limitBy(app, 'read', PORTAL_LIMITS.readPerIp, byIp) };
  const booking = { preHandler: limitBy(app, 'selection-booking-ip', PORTAL_LIMITS.trackPerIp, byIp) };
  route(app, 'GET /api/public/projects', () => publicPages.list(), read);
  route(app, 'GET /api/public/projects/:id', (request) => publicPages.project(request.params.id), read);
  route(app, 'GET /api/public/projects/:id/board', (request) => publicPages.board(request.params.id), read);
  route(app, 'GET /api/public/projects/:id/booking', (request) => publicPages.booking(request.params.id, request.query.code), booking);
  route(app, 'POST /api/public/projects/:id/booking', (request) => publicPages.book(request.params.id, request.body.code, request.body.slotId), booking);
  // Objections to the 公示: codes limited per address like the consultations', wrong codes counted per address and phone.
  const failures = [failureLimit(app.services.rateLimiter, 'objection-fail-ip', OBJECTION_FAILURES.perIp, byIp), failureLimit(app.services.rateLimiter, 'objection-fail-phone', OBJECTION_FAILURES.perPhone, bodyField('phone'))];
  route(app, 'POST /api/public/projects/:id/objections/code', (request) => objections.requestCode(request.params.id, request.body.phone), { preHandler: limitBy(app, 'objection-code-ip', OBJECTION_FAILURES.codesPerIp, byIp) });
  route(
    app,
    'POST /api/public/projects/:id/objections',
    async (request, reply) => {
      try {
        const receipt = await objections.submit(request.params.id, request.body);
        reply.status(201);
        return receipt;
      } catch (error) {
        if (error instanceof AppError && error.code === 'error.consultation_code') for (const f of failures) await f.record(request);
        throw error;
      }
    },
    { preHandler: inTurn(...failures.map((f) => f.guard)) },
  );
  route(app, 'GET /api/public/villages/:code', (request) => publicPages.village(request.params.code), read);
}

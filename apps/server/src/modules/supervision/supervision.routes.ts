import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import type { SupervisionService } from './supervision.service.js';

/** 督办 · 催办 · 批示. */
export async function supervisionRoutes(app: FastifyInstance, { supervision }: { supervision: SupervisionService }) {
  const { orders, caseSteps } = supervision;
  route(app, 'GET /api/supervision/orders', (request) => orders.list(actorOf(request), request.query));
  route(app, 'POST /api/supervision/orders', (request) => orders.issue(actorOf(request), request.body));
  route(app, 'GET /api/supervision/orders/:id', (request) => orders.detail(actorOf(request), request.params.id));
  route(app, 'POST /api/supervision/orders/:id/sign', (request) => orders.sign(actorOf(request), request.params.id));
  route(app, 'POST /api/supervision/orders/:id/respond', (request) => orders.respond(actorOf(request), request.params.id, request.body.response));
  route(app, 'POST /api/supervision/orders/:id/accept', (request) => orders.accept(actorOf(request), request.params.id, request.body.note ?? null));
  route(app, 'POST /api/supervision/orders/:id/return', (request) => orders.return(actorOf(request), request.params.id, request.body.note));
  route(app, 'GET /api/supervision/orders/:id/document.:format', async (request, reply) =>
    sendFile(reply, await orders.document(actorOf(request), request.params.id, request.params.format, requestLocale(request))),
  );
  route(app, 'GET /api/cases/:id/supervision', (request) => caseSteps.ofCase(actorOf(request), request.params.id));
  route(app, 'POST /api/cases/:id/urges', (request) => caseSteps.urge(actorOf(request), request.params.id, request.body.note ?? null));
  route(app, 'POST /api/cases/:id/instructions', (request) => caseSteps.instruct(actorOf(request), request.params.id, request.body.text));
  route(app, 'POST /api/cases/:id/instructions/:instructionId/acknowledge', (request) =>
    caseSteps.acknowledge(actorOf(request), request.params.id, request.params.instructionId),
  );
  route(app, 'POST /api/cases/:id/instructions/:instructionId/report', (request) =>
    caseSteps.report(actorOf(request), request.params.id, request.params.instructionId, request.body.report),
  );
}

import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { VisitsService } from './visits.service.js';

/** Visits, the diary, check-ins and problems → cases (走访 · 民情日记, SPEC §4). */
export async function visitsRoutes(app: FastifyInstance, { visits }: { visits: VisitsService }) {
  route(app, 'POST /api/visits', (request) => visits.create(actorOf(request), request.body));
  route(app, 'GET /api/visits', (request) => visits.list(actorOf(request), request.query));
  route(app, 'GET /api/visits/:id', (request) => visits.get(actorOf(request), request.params.id));
  route(app, 'GET /api/visits/:id/photos/:attachmentId', async (request, reply) => {
    const { row, data } = await visits.photo(actorOf(request), request.params.id, request.params.attachmentId);
    return reply
      .header('content-type', row.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(data);
  });
  route(app, 'POST /api/visits/:id/problems/:problemId/case', (request) => visits.convertProblem(actorOf(request), request.params.id, request.params.problemId, request.body));
  route(app, 'GET /api/diary', (request) => visits.diary(actorOf(request), request.query));
  route(app, 'GET /api/households/:id/visits', (request) => visits.forHousehold(actorOf(request), request.params.id, request.query));
  route(app, 'POST /api/check-ins', (request) => visits.checkIn(actorOf(request), request.body));
}

import {
  type CheckInCreate,
  CheckInCreateSchema,
  type DiaryQuery,
  DiaryQuerySchema,
  HouseholdVisitsParamsSchema,
  HouseholdVisitsQuerySchema,
  type ProblemToCase,
  ProblemToCaseSchema,
  type VisitCreate,
  VisitCreateSchema,
  VisitIdParamsSchema,
  type VisitListQuery,
  VisitListQuerySchema,
  VisitPhotoParamsSchema,
  VisitProblemParamsSchema,
} from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { createVisitsService } from './visits.service.js';

/** Visits, the diary, check-ins and problems → cases (走访 · 民情日记, SPEC §4). */
export async function visitsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const visits = createVisitsService(services);
  const tags = ['visits'];

  app.post('/api/visits', { schema: { tags, summary: '记录走访 Record a visit', body: VisitCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await visits.create(actorOf(request), request.body as VisitCreate)),
  );
  app.get('/api/visits', { schema: { tags, summary: '走访记录 Visits in my area', querystring: VisitListQuerySchema } }, async (request) =>
    visits.list(actorOf(request), request.query as VisitListQuery),
  );
  app.get('/api/visits/:id', { schema: { tags, summary: '走访详情 One visit', params: VisitIdParamsSchema } }, async (request) =>
    visits.get(actorOf(request), (request.params as { id: string }).id),
  );
  app.get('/api/visits/:id/photos/:attachmentId', { schema: { tags, summary: '走访照片 A photo of a visit', params: VisitPhotoParamsSchema } }, async (request, reply) => {
    const { id, attachmentId } = request.params as { id: string; attachmentId: string };
    const { row, data } = await visits.photo(actorOf(request), id, attachmentId);
    return reply
      .header('content-type', row.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(data);
  });
  app.post(
    '/api/visits/:id/problems/:problemId/case',
    { schema: { tags, summary: '问题转诉求件 Turn a problem found into a case (走访发现)', params: VisitProblemParamsSchema, body: ProblemToCaseSchema } },
    async (request, reply) => {
      const { id, problemId } = request.params as { id: string; problemId: string };
      return reply.status(201).send(await visits.convertProblem(actorOf(request), id, problemId, request.body as ProblemToCase));
    },
  );
  app.get('/api/diary', { schema: { tags, summary: '民情日记 A cadre’s diary by week or month', querystring: DiaryQuerySchema } }, async (request) =>
    visits.diary(actorOf(request), request.query as DiaryQuery),
  );
  app.get(
    '/api/households/:id/visits',
    { schema: { tags, summary: '走访历史 A household’s visits', params: HouseholdVisitsParamsSchema, querystring: HouseholdVisitsQuerySchema } },
    async (request) => {
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      return visits.forHousehold(actorOf(request), (request.params as { id: string }).id, limit, cursor);
    },
  );
  app.post('/api/check-ins', { schema: { tags, summary: '定位签到 Location check-in', body: CheckInCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await visits.checkIn(actorOf(request), request.body as CheckInCreate)),
  );
}

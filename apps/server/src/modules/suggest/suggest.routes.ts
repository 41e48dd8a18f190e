import { SuggestRequestSchema, type SuggestRequest } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';

/** Category and unit suggestion at registration, and its retraining. */
export async function suggestRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { suggest } = services;

  app.post(
    '/api/cases/suggest',
    { schema: { tags: ['cases'], summary: '智能推荐 Suggest category and unit', body: SuggestRequestSchema } },
    async (request) => suggest.suggest(actorOf(request), request.body as SuggestRequest),
  );

  app.post('/api/admin/suggest/retrain', { schema: { tags: ['admin'], summary: '重新训练推荐模型 Retrain the suggestion models' } }, async (request) =>
    suggest.retrain(actorOf(request)),
  );
}

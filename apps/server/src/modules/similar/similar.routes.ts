import { IdParamsSchema, type SimilarCasesRequest, SimilarCasesRequestSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { forbidden } from '../../errors.js';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { scopeOf } from '../../access/actor.js';
import { findSimilarCases } from './similar.js';

/** Similar cases at registration and on a case page, always within the actor's scope. */
export async function similarRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, dialect, cipher, cases } = services;
  const tags = ['cases'];

  app.post('/api/cases/similar', { schema: { tags, summary: '相似诉求 Similar cases of a matter being registered', body: SimilarCasesRequestSchema } }, async (request) => {
    const actor = actorOf(request);
    if (actor.grants.length === 0) throw forbidden();
    const body = request.body as SimilarCasesRequest;
    const probe = { title: body.title, content: body.content, areaCode: body.areaCode ?? null, requesterKey: body.phone ? cipher.blindIndex(body.phone) : null };
    return { items: await findSimilarCases(db, dialect, probe, { scope: scopeOf(actor.grants) }) };
  });

  app.get('/api/cases/:id/similar', { schema: { tags, summary: '相似诉求 Cases similar to this one', params: IdParamsSchema } }, async (request) => {
    const actor = actorOf(request);
    const c = await cases.visibleCase(actor, (request.params as { id: string }).id);
    const probe = { title: c.title, content: c.content, areaCode: c.areaCode, requesterKey: c.requesterKey, excludeId: c.id };
    return { items: await findSimilarCases(db, dialect, probe, { scope: scopeOf(actor.grants) }) };
  });
}

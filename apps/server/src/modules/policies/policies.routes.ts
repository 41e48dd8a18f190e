import { type PolicyCreate, PolicyCreateSchema, PolicyIdParamsSchema, type PolicyListQuery, PolicyListQuerySchema, type PolicyUpdate, PolicyUpdateSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import type { PolicyRow } from './policies.repository.js';
import { createPoliciesService } from './policies.service.js';

const present = (p: PolicyRow) => ({
  id: p.id,
  kind: p.kind,
  title: p.title,
  body: p.body,
  source: p.source,
  categoryCode: p.categoryCode,
  publishedAt: p.publishedAt,
  isActive: !!p.isActive,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** The policy and answer library (政策知识库). The service is wired here, as no other module calls it. */
export async function policiesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const policies = createPoliciesService({ db: services.db, audit: services.audit, clock: services.clock });
  const tags = ['policies'];
  type IdParams = { id: string };

  app.get('/api/policies', { schema: { tags, summary: '政策知识库 List or search policies and standard answers', querystring: PolicyListQuerySchema } }, async (request) => {
    const page = await policies.list(actorOf(request), request.query as PolicyListQuery);
    return { items: page.items.map((i) => ({ ...present(i.row), snippet: i.snippet })), nextCursor: page.nextCursor };
  });

  app.get('/api/policies/:id', { schema: { tags, summary: '政策详情 One policy or standard answer', params: PolicyIdParamsSchema } }, async (request) =>
    present(await policies.get(actorOf(request), (request.params as IdParams).id)),
  );

  app.get('/api/policies/:id/quote', { schema: { tags, summary: '引用到答复 Quotation for a reply', params: PolicyIdParamsSchema } }, async (request) =>
    policies.quote(actorOf(request), (request.params as IdParams).id, requestLocale(request)),
  );

  app.post('/api/admin/policies', { schema: { tags, summary: '新增政策或标准答复 Create (admin)', body: PolicyCreateSchema } }, async (request, reply) =>
    reply.status(201).send(present(await policies.create(actorOf(request), request.body as PolicyCreate))),
  );

  app.patch('/api/admin/policies/:id', { schema: { tags, summary: '修改或停用 Update or withdraw (admin)', params: PolicyIdParamsSchema, body: PolicyUpdateSchema } }, async (request) =>
    present(await policies.update(actorOf(request), (request.params as IdParams).id, request.body as PolicyUpdate)),
  );
}

import { type AreaCreate, AreaCodeParamsSchema, AreaCreateSchema, type AreaListQuery, AreaListQuerySchema, type AreaUpdate, AreaUpdateSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import { buildAreaTree, presentArea } from './areas.presenter.js';
import type { AreasService } from './areas.service.js';

/** GET /api/areas, GET /api/areas/:code, POST /api/admin/areas, PATCH /api/admin/areas/:code. */
export async function areasRoutes(app: FastifyInstance, { areas }: { areas: AreasService }) {
  const tags = ['areas'];

  app.get('/api/areas', { schema: { tags, summary: '区划列表 List areas (flat or tree)', querystring: AreaListQuerySchema } }, async (request) => {
    const query = request.query as AreaListQuery;
    const rows = await areas.list(actorOf(request), query);
    return { items: query.format === 'tree' ? buildAreaTree(rows) : rows.map(presentArea) };
  });

  app.get('/api/areas/:code', { schema: { tags, summary: '区划详情 Area with ancestors and children', params: AreaCodeParamsSchema } }, async (request) => {
    const { area, path, children } = await areas.get(actorOf(request), (request.params as { code: string }).code);
    return { ...presentArea(area), path: path.map(presentArea), children: children.map(presentArea) };
  });

  app.post('/api/admin/areas', { schema: { tags, summary: '新增区划 Create an area', body: AreaCreateSchema } }, async (request, reply) => {
    const created = await areas.create(actorOf(request), request.body as AreaCreate);
    return reply.status(201).send(presentArea(created));
  });

  app.patch(
    '/api/admin/areas/:code',
    { schema: { tags, summary: '修改区划 Update an area', params: AreaCodeParamsSchema, body: AreaUpdateSchema } },
    async (request) => presentArea(await areas.update(actorOf(request), (request.params as { code: string }).code, request.body as AreaUpdate)),
  );
}

import { IdParamsSchema, type UnitCreate, UnitCreateSchema, type UnitListQuery, UnitListQuerySchema, type UnitUpdate, UnitUpdateSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import { presentUnit } from './units.presenter.js';
import type { UnitsService } from './units.service.js';

/** GET /api/units, POST /api/admin/units, PATCH /api/admin/units/:id. */
export async function unitsRoutes(app: FastifyInstance, { units }: { units: UnitsService }) {
  const tags = ['units'];

  app.get('/api/units', { schema: { tags, summary: '单位列表 List units', querystring: UnitListQuerySchema } }, async (request) => {
    const query = request.query as UnitListQuery;
    const { rows, total } = await units.list(actorOf(request), query);
    return { items: rows.map(presentUnit), total, page: query.page, pageSize: query.pageSize };
  });

  app.post('/api/admin/units', { schema: { tags, summary: '新增单位 Create a unit', body: UnitCreateSchema } }, async (request, reply) => {
    const created = await units.create(actorOf(request), request.body as UnitCreate);
    return reply.status(201).send(presentUnit(created));
  });

  app.patch(
    '/api/admin/units/:id',
    { schema: { tags, summary: '修改或停用单位 Update or deactivate a unit', params: IdParamsSchema, body: UnitUpdateSchema } },
    async (request) => presentUnit(await units.update(actorOf(request), (request.params as { id: string }).id, request.body as UnitUpdate)),
  );
}

import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { presentUnit } from './units.presenter.js';
import type { UnitsService } from './units.service.js';

/** Units (单位): listed for every staff member, maintained by admins of the unit's area. */
export async function unitsRoutes(app: FastifyInstance, { units }: { units: UnitsService }) {
  route(app, 'GET /api/units', async (request) => {
    const { rows, total } = await units.list(actorOf(request), request.query);
    return { items: rows.map(presentUnit), total, page: request.query.page, pageSize: request.query.pageSize };
  });
  route(app, 'POST /api/admin/units', async (request) => presentUnit(await units.create(actorOf(request), request.body)));
  route(app, 'PATCH /api/admin/units/:id', async (request) => presentUnit(await units.update(actorOf(request), request.params.id, request.body)));
}

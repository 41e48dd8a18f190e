import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { buildAreaTree, presentArea, presentAreaDetail } from './areas.presenter.js';
import type { AreasService } from './areas.service.js';

/** The area tree (区划): read by all staff, maintained by admins of the area. */
export async function areasRoutes(app: FastifyInstance, { areas }: { areas: AreasService }) {
  route(app, 'GET /api/areas', async (request) => {
    const rows = await areas.list(actorOf(request), request.query);
    return { items: request.query.format === 'tree' ? buildAreaTree(rows) : rows.map(presentArea) };
  });
  route(app, 'GET /api/areas/:code', async (request) => presentAreaDetail(await areas.get(actorOf(request), request.params.code)));
  route(app, 'POST /api/admin/areas', async (request) => presentArea(await areas.create(actorOf(request), request.body)));
  route(app, 'PATCH /api/admin/areas/:code', async (request) => presentArea(await areas.update(actorOf(request), request.params.code, request.body)));
}

import { MEDIA } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { stationingWorkbook } from './stationing.excel.js';
import type { StationingService } from './stationing.service.js';

/** Stationing (驻村): assignments, the global rule and the compliance report (JSON and Excel). */
export async function stationingRoutes(app: FastifyInstance, { stationing }: { stationing: StationingService }) {
  route(app, 'POST /api/stationing/assignments', (request) => stationing.assign(actorOf(request), request.body));
  route(app, 'GET /api/stationing/assignments', (request) => stationing.list(actorOf(request), request.query));
  route(app, 'PATCH /api/stationing/assignments/:id', (request) => stationing.update(actorOf(request), request.params.id, request.body));
  route(app, 'GET /api/stationing/report', (request) => stationing.report(actorOf(request), request.query));
  route(app, 'GET /api/stationing/report.xlsx', async (request, reply) => {
    const { query } = request;
    const data = await stationingWorkbook(await stationing.report(actorOf(request), query));
    const name = `驻村考勤_${query.from}_${query.to}.xlsx`;
    return reply.header('content-type', MEDIA.xlsx).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(data);
  });
  route(app, 'GET /api/stationing/settings', (request) => stationing.settings(actorOf(request)));
  route(app, 'PUT /api/stationing/settings', (request) => stationing.setSettings(actorOf(request), request.body.minDaysPerWeek));
}

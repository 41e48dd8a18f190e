import {
  type StationingCreate,
  StationingCreateSchema,
  StationingIdParamsSchema,
  type StationingListQuery,
  StationingListQuerySchema,
  type StationingReportQuery,
  StationingReportQuerySchema,
  type StationingSettings,
  StationingSettingsSchema,
  type StationingUpdate,
  StationingUpdateSchema,
} from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { stationingWorkbook } from './stationing.excel.js';
import { createStationingService } from './stationing.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Stationing (驻村): assignments, the global rule and the compliance report (JSON and Excel). */
export async function stationingRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const stationing = createStationingService(services);
  const tags = ['stationing'];

  app.post('/api/stationing/assignments', { schema: { tags, summary: '安排驻村 Assign a cadre to a village', body: StationingCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await stationing.assign(actorOf(request), request.body as StationingCreate)),
  );
  app.get('/api/stationing/assignments', { schema: { tags, summary: '驻村安排 Assignments in my area', querystring: StationingListQuerySchema } }, async (request) =>
    stationing.list(actorOf(request), request.query as StationingListQuery),
  );
  app.patch(
    '/api/stationing/assignments/:id',
    { schema: { tags, summary: '调整驻村安排 End or change an assignment', params: StationingIdParamsSchema, body: StationingUpdateSchema } },
    async (request) => stationing.update(actorOf(request), (request.params as { id: string }).id, request.body as StationingUpdate),
  );
  app.get('/api/stationing/report', { schema: { tags, summary: '驻村考勤 Compliance report per township and cadre', querystring: StationingReportQuerySchema } }, async (request) =>
    stationing.report(actorOf(request), request.query as StationingReportQuery),
  );
  app.get('/api/stationing/report.xlsx', { schema: { tags, summary: '导出驻村考勤 The report as Excel', querystring: StationingReportQuerySchema } }, async (request, reply) => {
    const query = request.query as StationingReportQuery;
    const data = await stationingWorkbook(await stationing.report(actorOf(request), query));
    const name = `驻村考勤_${query.from}_${query.to}.xlsx`;
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(data);
  });
  app.get('/api/stationing/settings', { schema: { tags, summary: '驻村规则 The global rule' } }, async (request) => stationing.settings(actorOf(request)));
  app.put('/api/stationing/settings', { schema: { tags, summary: '设置驻村规则 Set the global rule (admin)', body: StationingSettingsSchema } }, async (request) =>
    stationing.setSettings(actorOf(request), (request.body as StationingSettings).minDaysPerWeek),
  );
}

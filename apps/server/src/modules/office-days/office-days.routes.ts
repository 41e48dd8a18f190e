import {
  type OfficeDayAttendance,
  OfficeDayAttendanceSchema,
  OfficeDayAttendeeParamsSchema,
  type OfficeDayGenerate,
  OfficeDayGenerateSchema,
  type OfficeDayListQuery,
  OfficeDayListQuerySchema,
  type OfficeDaySchedule,
  OfficeDayScheduleListQuerySchema,
  OfficeDayScheduleSchema,
  OfficeDaySessionParamsSchema,
} from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { createOfficeDaysService } from './office-days.service.js';

/** Joint office days (联合办公日): schedules, sessions, attendance and the cases of each day. */
export async function officeDaysRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const officeDays = createOfficeDaysService(services);
  const tags = ['office-days'];
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.put('/api/office-days/schedules', { schema: { tags, summary: '设置联合办公日 Set a village’s recurring day', body: OfficeDayScheduleSchema } }, async (request) =>
    officeDays.upsertSchedule(actorOf(request), request.body as OfficeDaySchedule),
  );
  app.get('/api/office-days/schedules', { schema: { tags, summary: '联合办公日安排 Schedules in my area', querystring: OfficeDayScheduleListQuerySchema } }, async (request) =>
    officeDays.listSchedules(actorOf(request), (request.query as { areaCode?: string }).areaCode),
  );
  app.post('/api/office-days/sessions/generate', { schema: { tags, summary: '生成场次 Create the sessions of a period', body: OfficeDayGenerateSchema } }, async (request) =>
    officeDays.generate(actorOf(request), request.body as OfficeDayGenerate),
  );
  app.get('/api/office-days/sessions', { schema: { tags, summary: '联合办公日场次 Sessions in my area', querystring: OfficeDayListQuerySchema } }, async (request) =>
    officeDays.listSessions(actorOf(request), request.query as OfficeDayListQuery),
  );
  app.get('/api/office-days/sessions/:id', { schema: { tags, summary: '场次详情 Attendance and the cases of the day', params: OfficeDaySessionParamsSchema } }, async (request) =>
    officeDays.session(actorOf(request), idOf(request)),
  );
  app.post(
    '/api/office-days/sessions/:id/attendance',
    { schema: { tags, summary: '登记出席 Record attendance (default: me)', params: OfficeDaySessionParamsSchema, body: OfficeDayAttendanceSchema } },
    async (request) => officeDays.attend(actorOf(request), idOf(request), (request.body as OfficeDayAttendance).userIds),
  );
  app.delete('/api/office-days/sessions/:id/attendance/:userId', { schema: { tags, summary: '撤销出席 Remove an attendee', params: OfficeDayAttendeeParamsSchema } }, async (request) => {
    const { id, userId } = request.params as { id: string; userId: string };
    return officeDays.removeAttendee(actorOf(request), id, userId);
  });
}

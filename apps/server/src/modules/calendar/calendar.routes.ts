import { CalendarDateParamsSchema, type CalendarDayPut, CalendarDayPutSchema, CalendarQuerySchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import type { CalendarDayTable } from '../../db/schema.js';
import { actorOf } from '../../plugins/auth.js';
import type { CalendarService } from './calendar.service.js';

/** One listed day as the API shows it. */
function presentDay(d: Selectable<CalendarDayTable>) {
  return { date: d.date, kind: d.kind, name: d.name, provisional: d.provisional === 1 };
}

/** GET /api/calendar, PUT/DELETE /api/admin/calendar/:date. */
export async function calendarRoutes(app: FastifyInstance, { calendar }: { calendar: CalendarService }) {
  const tags = ['calendar'];

  app.get('/api/calendar', { schema: { tags, summary: '节假日安排 Holidays and swapped working days of a year', querystring: CalendarQuerySchema } }, async (request) => {
    const { year } = request.query as { year: number };
    return { year, days: (await calendar.year(actorOf(request), year)).map(presentDay) };
  });

  app.put(
    '/api/admin/calendar/:date',
    { schema: { tags, summary: '设置放假或调休上班 Set a holiday or a working day', params: CalendarDateParamsSchema, body: CalendarDayPutSchema } },
    async (request, reply) => {
      const { day, created } = await calendar.put(actorOf(request), (request.params as { date: string }).date, request.body as CalendarDayPut);
      return reply.status(created ? 201 : 200).send(presentDay(day));
    },
  );

  app.delete('/api/admin/calendar/:date', { schema: { tags, summary: '删除日历条目 Remove a calendar entry', params: CalendarDateParamsSchema } }, async (request, reply) => {
    await calendar.remove(actorOf(request), (request.params as { date: string }).date);
    return reply.status(204).send();
  });
}

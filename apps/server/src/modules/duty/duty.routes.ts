import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import { attendanceWorkbook, rosterPdf, rosterWorkbook } from './duty.export.js';
import type { DutyService } from './duty.service.js';
import type { AttendanceService } from '../leave/attendance.service.js';
import type { LeaveService } from '../leave/leave.service.js';

/** 值班 · 请假 · 考勤. */
export async function dutyRoutes(app: FastifyInstance, { duty, leave, attendance }: { duty: DutyService; leave: LeaveService; attendance: AttendanceService }) {
  route(app, 'GET /api/duty/roster', (request) => duty.roster(actorOf(request), request.query));
  route(app, 'PUT /api/duty/roster', (request) => duty.save(actorOf(request), request.body));
  route(app, 'GET /api/duty/roster.:format', async (request, reply) => {
    const locale = requestLocale(request);
    const roster = await duty.roster(actorOf(request), request.query);
    const file = request.params.format === 'pdf' ? await rosterPdf(roster, locale, duty.dateToday()) : await rosterWorkbook(roster, locale);
    return sendFile(reply, file);
  });
  route(app, 'GET /api/duty/swaps', (request) => duty.swaps(actorOf(request), request.query));
  route(app, 'POST /api/duty/swaps', (request) => duty.requestSwap(actorOf(request), request.body));
  route(app, 'POST /api/duty/swaps/:id/decide', (request) => duty.decideSwap(actorOf(request), request.params.id, request.body.approve));
  route(app, 'GET /api/duty/today', (request) => duty.today(actorOf(request)));

  route(app, 'GET /api/leave', (request) => leave.list(actorOf(request), request.query));
  route(app, 'POST /api/leave', (request) => leave.apply(actorOf(request), request.body));
  route(app, 'POST /api/leave/:id/decide', (request) => leave.decide(actorOf(request), request.params.id, request.body.approve, request.body.note ?? null));
  route(app, 'POST /api/leave/:id/cancel', (request) => leave.cancel(actorOf(request), request.params.id));
  route(app, 'GET /api/leave/:id/open-cases', (request) => leave.openCases(actorOf(request), request.params.id));
  route(app, 'POST /api/leave/:id/reassign', (request) => leave.reassign(actorOf(request), request.params.id, request.body));

  route(app, 'GET /api/attendance', (request) => attendance.sheet(actorOf(request), request.query));
  route(app, 'GET /api/attendance.xlsx', async (request, reply) => sendFile(reply, await attendanceWorkbook(await attendance.sheet(actorOf(request), request.query), requestLocale(request))));
  route(app, 'POST /api/attendance/corrections', (request) => attendance.correct(actorOf(request), request.body));
}

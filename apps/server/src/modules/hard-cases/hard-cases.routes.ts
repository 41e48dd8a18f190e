import { localDate, MEDIA } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import type { HardCasesService } from './hard-cases.service.js';
import type { MeetingsService } from './meetings.service.js';
import type { TaskForcesService } from './task-forces.service.js';

export interface HardCasesRouteDeps {
  hardCases: HardCasesService;
  meetings: MeetingsService;
  taskForces: TaskForcesService;
}

/** Long-standing hard cases (积案): the list, joint review meetings (集中会审), task forces (专案组). */
export async function hardCasesRoutes(app: FastifyInstance, { hardCases, meetings, taskForces }: HardCasesRouteDeps) {
  route(app, 'GET /api/hard-cases', (request) => hardCases.list(actorOf(request), request.query));
  route(app, 'GET /api/hard-cases/export.xlsx', async (request, reply) => {
    const { lang, ...query } = request.query;
    const data = await hardCases.exportXlsx(actorOf(request), query, lang ?? requestLocale(request));
    return sendFile(reply, { data, fileName: `积案清单_${localDate(new Date())}.xlsx`, mimeType: MEDIA.xlsx });
  });
  route(app, 'GET /api/hard-cases/settings', (request) => hardCases.settings(actorOf(request)));
  route(app, 'PUT /api/hard-cases/settings', (request) => hardCases.setSettings(actorOf(request), request.body));

  route(app, 'GET /api/hard-case-meetings', (request) => meetings.list(actorOf(request), request.query));
  route(app, 'POST /api/hard-case-meetings', (request) => meetings.schedule(actorOf(request), request.body));
  route(app, 'GET /api/hard-case-meetings/:id', (request) => meetings.get(actorOf(request), request.params.id));
  route(app, 'PATCH /api/hard-case-meetings/:id', (request) => meetings.update(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/hard-case-meetings/:id/decisions', (request) => meetings.decide(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/hard-case-meetings/:id/hold', (request) => meetings.hold(actorOf(request), request.params.id));
  route(app, 'GET /api/hard-case-meetings/:id/minutes.:format', async (request, reply) =>
    sendFile(reply, await meetings.minutes(actorOf(request), request.params.id, request.params.format, request.query.lang ?? requestLocale(request))),
  );

  route(app, 'GET /api/cases/:id/task-force', (request) => taskForces.ofCase(actorOf(request), request.params.id));
  route(app, 'POST /api/cases/:id/task-force', (request) => taskForces.form(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/task-forces/:id/members', (request) => taskForces.addMembers(actorOf(request), request.params.id, request.body.userIds));
  route(app, 'POST /api/task-forces/:id/milestones', (request) => taskForces.addMilestone(actorOf(request), request.params.id, request.body));
  route(app, 'PATCH /api/task-forces/:id/milestones/:milestoneId', (request) =>
    taskForces.setMilestone(actorOf(request), request.params.id, request.params.milestoneId, request.body.done),
  );
  route(app, 'POST /api/task-forces/:id/reports', (request) => taskForces.addReport(actorOf(request), request.params.id, request.body));
}

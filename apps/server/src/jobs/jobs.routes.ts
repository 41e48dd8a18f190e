import type { FastifyInstance } from 'fastify';
import { route } from '../http/route.js';
import { actorOf } from '../http/request.js';
import type { JobsService } from './jobs.service.js';

/** Jobs an administrator or supervisor may start by hand (registered by app.ts: jobs call modules, never the reverse). */
export async function jobsRoutes(app: FastifyInstance, { jobs }: { jobs: JobsService }) {
  route(app, 'POST /api/admin/jobs/time-limit-sweep', (request) => jobs.runTimeLimitSweep(actorOf(request)));
  // — several processes (issue 19) —
  route(app, 'GET /api/admin/jobs/dead-letters', (request) => jobs.deadLetters(actorOf(request), request.query));
  route(app, 'POST /api/admin/jobs/hotspot-scan', (request) => jobs.runHotspotScan(actorOf(request)));
}

import type { FastifyInstance } from 'fastify';
import { actorOf } from '../plugins/auth.js';
import type { Services } from '../services.js';
import { runTimeLimitSweepAs } from './time-limit-sweep.js';

/** Jobs an administrator or supervisor may start by hand. */
export async function jobsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.post(
    '/api/admin/jobs/time-limit-sweep',
    {
      schema: {
        tags: ['admin'],
        summary: '立即执行限时办结巡查 Run the time-limit sweep now (admin, supervisor)',
        description: 'Marks yellow / red clocks, escalates overdue cases and writes accountability records; returns what it did.',
      },
    },
    async (request) => runTimeLimitSweepAs(services, actorOf(request)),
  );
}

import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import type { HealthService } from './health.service.js';

/** GET /api/health — for load balancers and monitoring: the process answers and the database too. */
export async function healthRoutes(app: FastifyInstance, { health }: { health: HealthService }) {
  route(app, 'GET /api/health', async (_request, reply) => {
    const answer = await health.check();
    if (answer.status !== 'ok') return reply.status(503).send(answer);
    return answer;
  });
}

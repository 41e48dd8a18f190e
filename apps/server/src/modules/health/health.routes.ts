import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../../services.js';

/** GET /api/health — for load balancers and monitoring: the process answers and the database too. */
export async function healthRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get('/api/health', { schema: { tags: ['health'], summary: '健康检查 Health check' }, config: { public: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(services.db);
      return { status: 'ok', database: services.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: services.dialect });
    }
  });
}

import type { FastifyInstance } from 'fastify';
import type { AdjustableClock } from '../../clock.js';
import { route } from '../../http/route.js';

/**
 * Test hooks for end-to-end tests: read and move the server clock, so deadlines, the sweep and
 * evaluation windows can be exercised in real time. Registered only when `enableTestHooks` is
 * set (never in production); the routes need no session because a browser test drives them.
 */
export async function testHooksRoutes(app: FastifyInstance, { clock }: { clock: AdjustableClock }) {
  const present = () => ({ now: clock.now().toISOString() });

  route(app, 'GET /api/test/clock', () => present());

  route(app, 'POST /api/test/clock', (request) => {
    const change = request.body;
    if (change.set !== undefined) clock.set(new Date(change.set));
    if (change.advanceMs !== undefined) clock.advance(change.advanceMs);
    return present();
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AdjustableClock } from '../../clock.js';

const TEN_YEARS_MS = 10 * 366 * 86_400_000;

/** Moves the server's clock: `set` first (when given), then `advanceMs`. */
export const ClockChangeSchema = z
  .object({
    set: z.iso.datetime({ offset: true }).optional().describe('Jump to this instant (ISO 8601)'),
    advanceMs: z.number().int().min(-TEN_YEARS_MS).max(TEN_YEARS_MS).optional().describe('Then move by this many milliseconds (negative goes back)'),
  })
  .refine((v) => v.set !== undefined || v.advanceMs !== undefined, { message: 'clock_change_required' })
  .describe('A change of the server clock');
export type ClockChange = z.infer<typeof ClockChangeSchema>;

/**
 * Test hooks for end-to-end tests: read and move the server clock, so deadlines, the sweep and
 * evaluation windows can be exercised in real time. Registered only when `enableTestHooks` is
 * set (never in production); the routes need no session because a browser test drives them.
 */
export async function testHooksRoutes(app: FastifyInstance, { clock }: { clock: AdjustableClock }) {
  const tags = ['test'];
  const present = () => ({ now: clock.now().toISOString() });

  app.get('/api/test/clock', { schema: { tags, summary: '测试：当前时间 Test hook: the server clock' }, config: { public: true } }, async () => present());

  app.post(
    '/api/test/clock',
    { schema: { tags, summary: '测试：调整时间 Test hook: move the server clock', body: ClockChangeSchema }, config: { public: true } },
    async (request) => {
      const change = request.body as ClockChange;
      if (change.set !== undefined) clock.set(new Date(change.set));
      if (change.advanceMs !== undefined) clock.advance(change.advanceMs);
      return present();
    },
  );
}

import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/**
 * GET /api/health: the process answers, and its database answers and can read its data. Otherwise
 * 503 with status `unavailable` (the database does not answer) or `unhealthy` (it answers but
 * cannot read its tables, e.g. a corrupt file).
 */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable', 'unhealthy']).describe('ok (200); unavailable or unhealthy (503)'),
  database: z.enum(['sqlite', 'postgres']).describe('The database dialect the server runs on'),
});
export type HealthView = z.infer<typeof HealthSchema>;

/** GET /api/config: what the web pages need before sign-in. No secrets. */
export const SiteConfigSchema = z.object({
  tileUrl: z.string().nullable().describe('Base-map tile URL template; null: the map shows no base layer'),
  tileAttribution: z.string().nullable(),
  hotline: z.string().describe('The public hotline (contact cards, the portal)'),
  publicBaseUrl: z.string().describe('Where residents reach the portal'),
});
export type SiteConfigView = z.infer<typeof SiteConfigSchema>;

const TEN_YEARS_MS = 10 * 366 * 86_400_000;

/** Body of POST /api/test/clock: `set` first (when given), then `advanceMs`. */
export const ClockChangeSchema = z
  .object({
    set: z.iso.datetime({ offset: true }).optional().describe('Jump to this instant (ISO 8601)'),
    advanceMs: z.number().int().min(-TEN_YEARS_MS).max(TEN_YEARS_MS).optional().describe('Then move by this many milliseconds (negative goes back)'),
  })
  .refine((v) => v.set !== undefined || v.advanceMs !== undefined, { message: 'clock_change_required' })
  .describe('A change of the server clock');
export type ClockChange = z.infer<typeof ClockChangeSchema>;

/** The server clock (test hooks). */
export const ServerClockSchema = z.object({ now: z.string().describe('The server’s current instant (ISO)') });

/**
 * The system operations: health, public site settings, and the test hooks (registered only with
 * `enableTestHooks`, never in production; open without a session because a browser test drives them).
 */
export const systemEndpoints = defineEndpoints({
  'GET /api/health': { tag: 'health', summary: '健康检查 Health check', public: true, response: HealthSchema },
  'GET /api/config': { tag: 'site', summary: '站点配置 Public site settings', public: true, response: SiteConfigSchema },
  'GET /api/test/clock': { tag: 'test', summary: '测试：当前时间 Test hook: the server clock', public: true, response: ServerClockSchema },
  'POST /api/test/clock': { tag: 'test', summary: '测试：调整时间 Test hook: move the server clock', public: true, body: ClockChangeSchema, response: ServerClockSchema },
});

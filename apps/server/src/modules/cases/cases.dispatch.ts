import { IllegalTransitionError, label, type Locale, renderMessage, translate } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, forbidden } from '../../errors.js';
import { actorOf } from '../../plugins/auth.js';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import { hasRole } from '../../access/actor.js';
import { orgQueries } from '../org/org.repository.js';
import { presentCaseSummary } from './cases.presenter.js';
import { listCases } from './cases.queries.js';

const id = z.string().min(1).max(64);

/** The dispatch centre's queue: registered (and returned) cases, soonest deadline first. */
export const DispatchQueueQuerySchema = z.object({
  areaCode: z.string().regex(/^\d{12}(\d{3})?$/).optional().describe('Only this area subtree'),
  q: z.string().trim().max(100).optional().describe('Free text in code, title or content'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  suggest: z.enum(['true', 'false']).optional().transform((v) => v !== 'false').describe('Add a suggested unit per case (default true)'),
});

/** Several cases dispatched to one unit; each case is its own transaction. */
export const DispatchBatchSchema = z.object({
  caseIds: z
    .array(id)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'issue.duplicate' })
    .describe('Cases to dispatch (1–100, no repeats)'),
  unitId: id.describe('Unit that will handle every case'),
  note: z.string().trim().max(1000).optional().describe('Note 交办意见 written on each case'),
});
export type DispatchBatch = z.infer<typeof DispatchBatchSchema>;

/** What went wrong with one case of a batch, as the single-case endpoint would have said it. */
function problemOf(error: unknown, locale: Locale): { status: number; code: string; title: string } | null {
  if (error instanceof AppError) return { status: error.status, code: error.code.replace(/^error\./, ''), title: renderMessage(locale, error.code, error.params) };
  if (error instanceof IllegalTransitionError) {
    return {
      status: 409,
      code: 'illegal_transition',
      title: translate(locale, 'error.illegal_transition', { state: label('state', error.state, locale), action: label('action', error.action, locale) }),
    };
  }
  return null;
}

/**
 * The dispatch centre (派单): GET /api/cases/dispatch-queue — registered cases in the dispatcher's
 * scope (returned ones with the last return's reason and unit) and a suggested unit for each;
 * POST /api/cases/dispatch-batch — one dispatch per case, in order, with a result per case (a case
 * someone else dispatched meanwhile fails alone with 409; the others go through).
 */
export async function casesDispatchRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, cases, cipher, clock, suggest } = services;
  const tags = ['cases'];

  app.get('/api/cases/dispatch-queue', { schema: { tags, summary: '派单队列 Dispatch queue', querystring: DispatchQueueQuerySchema } }, async (request) => {
    const actor = actorOf(request);
    if (!hasRole(actor, 'dispatcher')) throw forbidden();
    const query = request.query as z.infer<typeof DispatchQueueQuerySchema>;
    const now = clock.now();
    const page = await listCases(db, actor, { status: ['registered'], sort: 'due_asc', areaCode: query.areaCode, q: query.q, cursor: query.cursor, limit: query.limit, inbox: false, overdue: undefined }, now);
    const returned = page.items.filter((c) => c.returnCount > 0).map((c) => c.id);
    const returns = returned.length
      ? await db
          .selectFrom('caseEvents')
          .leftJoin('units', 'units.id', 'caseEvents.actorUnitId')
          .select(['caseEvents.caseId', 'caseEvents.seq', 'caseEvents.note', 'caseEvents.at', 'caseEvents.actorUnitId', 'caseEvents.actorLabel', 'units.name as unitName'])
          .where('caseEvents.caseId', 'in', returned)
          .where('caseEvents.action', '=', 'return')
          .orderBy('caseEvents.seq')
          .execute()
      : [];
    const lastReturn = new Map(returns.map((r) => [r.caseId, { reason: r.note, at: r.at, unitId: r.actorUnitId, unitName: r.unitName, by: r.actorLabel }]));
    const items = [];
    for (const c of page.items) {
      let suggestion: { unitId: string; unitName: string; confidence: number } | null = null;
      if (query.suggest) {
        try {
          const top = (await suggest.suggest(actor, { title: c.title, content: c.content })).units[0];
          if (top) suggestion = { unitId: top.id, unitName: top.name, confidence: Math.round(top.confidence * 1000) / 1000 };
        } catch (error) {
          // A suggestion is a convenience: the queue still loads without one.
          request.log.warn({ err: error }, 'dispatch suggestion failed');
        }
      }
      items.push({ ...presentCaseSummary(c, cipher, now), returnCount: c.returnCount, lastReturn: lastReturn.get(c.id) ?? null, suggestion });
    }
    return { items, nextCursor: page.nextCursor };
  });

  app.post('/api/cases/dispatch-batch', { schema: { tags, summary: '批量派单 Dispatch several cases to one unit', body: DispatchBatchSchema } }, async (request) => {
    const actor = actorOf(request);
    if (!hasRole(actor, 'dispatcher')) throw forbidden();
    const body = request.body as DispatchBatch;
    // A wrong unit is the request's fault, not each case's: refuse it whole, before any change.
    const unit = await orgQueries.findUnit(db, body.unitId);
    if (!unit) throw new AppError(400, 'error.unknown_reference', { what: 'unit' }, 'unitId');
    if (!unit.isActive) throw new AppError(422, 'error.unit_inactive', {}, 'unitId');
    const locale = requestLocale(request);
    const results = [];
    for (const caseId of body.caseIds) {
      try {
        const updated = await cases.act(actor, caseId, 'dispatch', { unitId: body.unitId, note: body.note, returnUnjustified: false });
        results.push({ id: caseId, ok: true as const, code: updated.code, status: updated.status });
      } catch (error) {
        const problem = problemOf(error, locale);
        if (!problem) throw error;
        results.push({ id: caseId, ok: false as const, ...problem });
      }
    }
    return { unit: { id: unit.id, name: unit.name }, dispatched: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  });
}

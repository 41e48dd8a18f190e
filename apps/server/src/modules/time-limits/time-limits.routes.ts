import {
  IdParamsSchema,
  type TimeLimitRuleCreate,
  TimeLimitRuleCreateSchema,
  TimeLimitRuleListQuerySchema,
  type TimeLimitRuleUpdate,
  TimeLimitRuleUpdateSchema,
} from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import type { TimeLimitRuleTable } from '../../db/schema.js';
import { actorOf } from '../../plugins/auth.js';
import type { TimeLimitsService } from './time-limits.service.js';

/** One rule as the API shows it. */
function presentRule(r: Selectable<TimeLimitRuleTable>) {
  return { id: r.id, stage: r.stage, kind: r.kind, categoryCode: r.categoryCode, urgency: r.urgency, channel: r.channel, amount: r.amount, unit: r.unit, note: r.note, sort: r.sort };
}

/** GET /api/time-limit-rules and POST/PATCH/DELETE /api/admin/time-limit-rules. */
export async function timeLimitsRoutes(app: FastifyInstance, { timeLimits }: { timeLimits: TimeLimitsService }) {
  const tags = ['time-limits'];

  app.get('/api/time-limit-rules', { schema: { tags, summary: '时限规则 List time-limit rules', querystring: TimeLimitRuleListQuerySchema } }, async (request) => {
    const { stage } = request.query as { stage?: string };
    return { items: (await timeLimits.list(actorOf(request), stage)).map(presentRule) };
  });

  app.post('/api/admin/time-limit-rules', { schema: { tags, summary: '新增时限规则 Create a rule', body: TimeLimitRuleCreateSchema } }, async (request, reply) => {
    const created = await timeLimits.create(actorOf(request), request.body as TimeLimitRuleCreate);
    return reply.status(201).send(presentRule(created));
  });

  app.patch(
    '/api/admin/time-limit-rules/:id',
    { schema: { tags, summary: '修改时限规则 Update a rule', params: IdParamsSchema, body: TimeLimitRuleUpdateSchema } },
    async (request) => presentRule(await timeLimits.update(actorOf(request), (request.params as { id: string }).id, request.body as TimeLimitRuleUpdate)),
  );

  app.delete('/api/admin/time-limit-rules/:id', { schema: { tags, summary: '删除时限规则 Delete a rule', params: IdParamsSchema } }, async (request, reply) => {
    await timeLimits.remove(actorOf(request), (request.params as { id: string }).id);
    return reply.status(204).send();
  });
}

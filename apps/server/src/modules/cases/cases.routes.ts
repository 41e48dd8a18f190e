import {
  type CaseAction,
  CaseCreateSchema,
  CaseListQuerySchema,
  CoUnitSchema,
  DispatchSchema,
  EvaluationSchema,
  ExtensionDecisionSchema,
  ExtensionRequestSchema,
  IdParamsSchema,
  LeaderSchema,
  MergeSchema,
  NoteSchema,
  ReasonSchema,
  ReplySchema,
  ReviewDecisionSchema,
  ReviewRequestSchema,
} from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.js';
import type { Actor } from '../../access/actor.js';
import type { Services } from '../../services.js';
import { presentCase, presentCaseSummary, presentEvent } from './cases.presenter.js';
import { casesDispatchRoutes } from './cases.dispatch.js';
import { casesExportRoutes } from './cases.export.js';

/** Each staff action, its URL segment, body and documentation. */
const ACTION_ROUTES: Array<{ action: CaseAction; path: string; body: z.ZodType; summary: string }> = [
  { action: 'dispatch', path: 'dispatch', body: DispatchSchema, summary: '交办 Dispatch to a unit' },
  { action: 'accept', path: 'accept', body: NoteSchema, summary: '签收 Accept' },
  { action: 'return', path: 'return', body: ReasonSchema, summary: '退单 Return with a reason' },
  { action: 'add_co_unit', path: 'co-units', body: CoUnitSchema, summary: '协办 Add a co-handling unit' },
  { action: 'request_extension', path: 'extensions', body: ExtensionRequestSchema, summary: '申请延期 Request an extension' },
  { action: 'approve_extension', path: 'extensions/approve', body: ExtensionDecisionSchema, summary: '批准延期 Approve an extension' },
  { action: 'reject_extension', path: 'extensions/reject', body: ExtensionDecisionSchema, summary: '驳回延期 Reject an extension' },
  { action: 'reply', path: 'reply', body: ReplySchema, summary: '答复 Reply to the resident' },
  { action: 'callback', path: 'callback', body: EvaluationSchema, summary: '回访 Record a staff call-back evaluation' },
  { action: 'close', path: 'close', body: NoteSchema, summary: '办结 Close' },
  { action: 'reopen', path: 'reopen', body: ReasonSchema, summary: '重办 Reopen' },
  { action: 'resolve_on_spot', path: 'resolve-on-spot', body: z.object({ answer: z.string().trim().min(1).max(5000) }), summary: '当场办结 Resolve on the spot' },
  { action: 'not_accept', path: 'not-accept', body: ReasonSchema, summary: '不予受理 Not accept, with a reason' },
  { action: 'merge', path: 'merge', body: MergeSchema, summary: '合并 Merge into another case' },
  { action: 'assign_leader', path: 'leader', body: LeaderSchema, summary: '领导包案 Assign a leader' },
  { action: 'request_review', path: 'review', body: ReviewRequestSchema, summary: '复查申请 Request review' },
  { action: 'complete_review', path: 'review/complete', body: ReviewDecisionSchema, summary: '复查意见 Complete review' },
  { action: 'request_rereview', path: 'rereview', body: ReviewRequestSchema, summary: '复核申请 Request re-review' },
  { action: 'complete_rereview', path: 'rereview/complete', body: ReviewDecisionSchema, summary: '复核意见 Complete re-review' },
];

const InboxQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });

/** The staff cases API. */
export async function casesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { cases, cipher, clock } = services;
  const tags = ['cases'];

  function presentDetail(actor: Actor, detail: Awaited<ReturnType<typeof cases.withRelated>>) {
    const now = clock.now();
    return {
      ...presentCase(detail.case, actor, cipher, now),
      events: detail.events.map(presentEvent),
      coUnits: detail.coUnits,
      extensions: detail.extensions,
      attachments: detail.attachments,
      duplicates: detail.duplicates,
      accountability: detail.accountability,
    };
  }

  app.post('/api/cases', { schema: { tags, summary: '登记 Register a case', body: CaseCreateSchema } }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await cases.register(actor, request.body as z.infer<typeof CaseCreateSchema>);
    return reply.status(201).send(presentCase(created, actor, cipher, clock.now()));
  });

  app.get('/api/cases', { schema: { tags, summary: '台账 List cases', querystring: CaseListQuerySchema } }, async (request) => {
    const page = await cases.list(actorOf(request), request.query as z.infer<typeof CaseListQuerySchema>);
    const now = clock.now();
    return { items: page.items.map((c) => presentCaseSummary(c, cipher, now)), nextCursor: page.nextCursor };
  });

  app.get('/api/cases/inbox', { schema: { tags, summary: '待办 My to-dos', querystring: InboxQuerySchema } }, async (request) => {
    const { limit } = request.query as z.infer<typeof InboxQuerySchema>;
    const groups = await cases.inbox(actorOf(request), limit);
    const now = clock.now();
    return { groups: groups.map((g) => ({ key: g.key, total: g.total, more: g.more, items: g.items.map((c) => presentCaseSummary(c, cipher, now)) })) };
  });

  await casesExportRoutes(app, { services });
  await casesDispatchRoutes(app, { services });

  app.get('/api/cases/:id', { schema: { tags, summary: '诉求件详情 Case detail', params: IdParamsSchema } }, async (request) =>
    presentDetail(actorOf(request), await cases.detail(actorOf(request), (request.params as { id: string }).id)),
  );

  app.get('/api/cases/:id/requester', { schema: { tags, summary: '查看完整个人信息（留痕）Reveal requester (audited)', params: IdParamsSchema } }, async (request) =>
    cases.revealRequester(actorOf(request), (request.params as { id: string }).id),
  );

  for (const route of ACTION_ROUTES) {
    app.post(
      `/api/cases/:id/${route.path}`,
      { schema: { tags, summary: route.summary, params: IdParamsSchema, body: route.body } },
      async (request) => {
        const actor = actorOf(request);
        const id = (request.params as { id: string }).id;
        const updated = await cases.act(actor, id, route.action, (request.body ?? {}) as Record<string, unknown>);
        return presentDetail(actor, await cases.withRelated(updated));
      },
    );
  }
}

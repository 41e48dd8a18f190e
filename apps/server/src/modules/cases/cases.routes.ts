import type { ActionInput, StaffAction } from '@lianxin/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { requestLocale } from '../../http/request.js';
import type { CasesService } from './cases.service.js';

/** The staff cases API: registration, the ledger, the workbench, the dispatch centre, a case's page and its actions. */
export async function casesRoutes(app: FastifyInstance, { cases }: { cases: CasesService }) {
  route(app, 'POST /api/cases', async (request) => {
    const actor = actorOf(request);
    return cases.view(actor, await cases.register(actor, request.body));
  });
  route(app, 'GET /api/cases', (request) => cases.list(actorOf(request), request.query));
  route(app, 'GET /api/cases/inbox', (request) => cases.inbox(actorOf(request), request.query.limit));
  route(app, 'GET /api/cases/by-requester', (request) => cases.requesterHistory(actorOf(request), request.query));

  route(app, 'GET /api/cases/export.xlsx', async (request, reply) => {
    const locale = request.query.lang ?? requestLocale(request);
    const file = await cases.exportLedger(actorOf(request), request.query, locale, (error) => request.log.error({ err: error }, 'case export failed'));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .send(file.stream);
  });

  route(app, 'GET /api/cases/dispatch-queue', (request) =>
    cases.dispatchQueue(actorOf(request), request.query, (error) => request.log.warn({ err: error }, 'dispatch suggestion failed')),
  );
  route(app, 'POST /api/cases/dispatch-batch', (request) => cases.dispatchBatch(actorOf(request), request.body, requestLocale(request)));

  route(app, 'GET /api/cases/:id', (request) => cases.detail(actorOf(request), request.params.id));
  route(app, 'GET /api/cases/:id/requester', (request) => cases.revealRequester(actorOf(request), request.params.id));
  route(app, 'GET /api/cases/:id/personal-text', (request) => cases.revealText(actorOf(request), request.params.id));
  route(app, 'GET /api/cases/:id/context', (request) => cases.context(actorOf(request), request.params.id));

  /** Takes one action; the answer is the case page, as the actor now sees it. */
  async function act<A extends StaffAction>(request: FastifyRequest & { params: { id: string } }, action: A, body: ActionInput<A>) {
    const actor = actorOf(request);
    return cases.detailOf(actor, await cases.act(actor, request.params.id, action, body));
  }
  route(app, 'POST /api/cases/:id/dispatch', (r) => act(r, 'dispatch', r.body));
  route(app, 'POST /api/cases/:id/accept', (r) => act(r, 'accept', r.body));
  route(app, 'POST /api/cases/:id/return', (r) => act(r, 'return', r.body));
  route(app, 'POST /api/cases/:id/co-units', (r) => act(r, 'add_co_unit', r.body));
  route(app, 'POST /api/cases/:id/extensions', (r) => act(r, 'request_extension', r.body));
  route(app, 'POST /api/cases/:id/extensions/approve', (r) => act(r, 'approve_extension', r.body));
  route(app, 'POST /api/cases/:id/extensions/reject', (r) => act(r, 'reject_extension', r.body));
  route(app, 'POST /api/cases/:id/reply', (r) => act(r, 'reply', r.body));
  route(app, 'POST /api/cases/:id/callback', (r) => act(r, 'callback', r.body));
  route(app, 'POST /api/cases/:id/close', (r) => act(r, 'close', r.body));
  route(app, 'POST /api/cases/:id/reopen', (r) => act(r, 'reopen', r.body));
  route(app, 'POST /api/cases/:id/resolve-on-spot', (r) => act(r, 'resolve_on_spot', r.body));
  route(app, 'POST /api/cases/:id/not-accept', (r) => act(r, 'not_accept', r.body));
  route(app, 'POST /api/cases/:id/merge', (r) => act(r, 'merge', r.body));
  route(app, 'POST /api/cases/:id/leader', (r) => act(r, 'assign_leader', r.body));
  route(app, 'POST /api/cases/:id/review', (r) => act(r, 'request_review', r.body));
  route(app, 'POST /api/cases/:id/review/complete', (r) => act(r, 'complete_review', r.body));
  route(app, 'POST /api/cases/:id/rereview', (r) => act(r, 'request_rereview', r.body));
  route(app, 'POST /api/cases/:id/rereview/complete', (r) => act(r, 'complete_rereview', r.body));
}

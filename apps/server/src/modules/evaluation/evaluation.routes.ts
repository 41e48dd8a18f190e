import { MEDIA } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import { byIp, bodyField, inTurn, limitBy, PORTAL_LIMITS as L } from '../portal/portal.limits.js';
import { renderEvaluationPdf, renderEvaluationXlsx } from './evaluation.report.js';
import type { EvaluationService } from './evaluation.service.js';
import type { SurveyService } from './evaluation.survey.js';

/** Cadre evaluation (干部考核): cycles, scorings, closing and the report; the residents' survey on the portal. */
export async function evaluationRoutes(app: FastifyInstance, { evaluation, survey }: { evaluation: EvaluationService; survey: SurveyService }) {
  route(app, 'GET /api/evaluation/cycles', (request) => evaluation.list(actorOf(request)));
  route(app, 'POST /api/evaluation/cycles', (request) => evaluation.create(actorOf(request), request.body));
  route(app, 'GET /api/evaluation/cycles/:id', (request) => evaluation.detail(actorOf(request), request.params.id));
  route(app, 'POST /api/evaluation/cycles/:id/scores', (request) => evaluation.score(actorOf(request), request.params.id, request.body));
  route(app, 'GET /api/evaluation/cycles/:id/scores', (request) => evaluation.scores(actorOf(request), request.params.id, request.query));
  route(app, 'GET /api/evaluation/cycles/:id/members/:userId/figures', (request) => evaluation.figures(actorOf(request), request.params.id, request.params.userId));
  route(app, 'POST /api/evaluation/cycles/:id/close', (request) => evaluation.close(actorOf(request), request.params.id));
  route(app, 'GET /api/evaluation/cycles/:id/results', (request) => evaluation.results(actorOf(request), request.params.id));
  route(app, 'GET /api/evaluation/cycles/:id/report.xlsx', async (request, reply) => {
    const locale = requestLocale(request);
    const report = await evaluation.report(actorOf(request), request.params.id);
    return sendFile(reply, { data: await renderEvaluationXlsx(report, locale), fileName: `${report.cycle.name}.xlsx`, mimeType: MEDIA.xlsx });
  });
  route(app, 'GET /api/evaluation/cycles/:id/report.pdf', async (request, reply) => {
    const locale = requestLocale(request);
    const report = await evaluation.report(actorOf(request), request.params.id);
    return sendFile(reply, { data: await renderEvaluationPdf(report, locale), fileName: `${report.cycle.name}.pdf`, mimeType: MEDIA.pdf });
  });
  route(app, 'GET /api/evaluation/my-results', (request) => evaluation.myResults(actorOf(request)));

  // The survey is public: rate limited per address, and codes also per phone, like the portal's.
  const phoneOf = bodyField('phone', (phone) => phone.replace(/\D/g, ''));
  route(app, 'GET /api/public/evaluation/:id', (request) => survey.survey(request.params.id), { preHandler: limitBy(app, 'read', L.readPerIp, byIp) });
  route(app, 'POST /api/public/evaluation/:id/otp', (request) => survey.requestOtp(request.params.id, request.body.phone), {
    preHandler: inTurn(limitBy(app, 'survey-otp-ip', L.otpPerIp, byIp), limitBy(app, 'survey-otp-phone', L.otpPerPhone, phoneOf)),
  });
  route(app, 'POST /api/public/evaluation/:id/ballot', (request) => survey.vote(request.params.id, request.body), { preHandler: limitBy(app, 'survey-ballot-ip', L.trackFailuresPerIp, byIp) });
}

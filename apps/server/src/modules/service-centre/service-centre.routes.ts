import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import { byIp, EVALUATION_LIMIT, limitBy, PORTAL_LIMITS } from '../portal/portal.limits.js';
import type { ServiceCentre } from './service-centre.service.js';

/** 便民服务中心: catalogue, applications, committee, 公示, evaluation, figures. */
export async function serviceCentreRoutes(app: FastifyInstance, { serviceCentre }: { serviceCentre: ServiceCentre }) {
  const { catalogue, applications, committee, publicity, figures } = serviceCentre;
  // The public routes share the portal's per-address limits (kept in the database, so every process counts them).
  const read = { preHandler: limitBy(app, 'read', PORTAL_LIMITS.readPerIp, byIp) };
  const submit = { preHandler: limitBy(app, 'service-submit-ip', PORTAL_LIMITS.submitPerIp, byIp) };
  const evaluation = { config: { rateLimit: EVALUATION_LIMIT } };
  route(app, 'GET /api/service-items', (r) => catalogue.list(actorOf(r), r.query));
  route(app, 'POST /api/service-items', (r) => catalogue.create(actorOf(r), r.body));
  route(app, 'PUT /api/service-items/:id', (r) => catalogue.update(actorOf(r), r.params.id, r.body));
  route(app, 'GET /api/public/service-items', (r) => catalogue.publicList(r.query), read);
  route(app, 'GET /api/public/service-items/:code', (r) => catalogue.publicItem(r.params.code), read);
  route(app, 'GET /api/public/service-items/:code/qr.png', async (r, reply) => {
    const file = await catalogue.qr(r.params.code);
    return reply.header('content-type', file.mimeType).header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(file.data);
  });

  route(app, 'GET /api/service-applications', (r) => applications.list(actorOf(r), r.query));
  route(app, 'POST /api/service-applications', (r) => applications.apply(actorOf(r), r.body));
  route(app, 'GET /api/service-applications/:id', (r) => applications.detail(actorOf(r), r.params.id));
  route(app, 'POST /api/service-applications/:id/steps', (r) => applications.step(actorOf(r), r.params.id, r.body));
  route(app, 'POST /api/service-applications/:id/reveal', (r) => applications.reveal(actorOf(r), r.params.id));
  route(app, 'GET /api/service-applications/:id/photos/:photoId', async (r, reply) => {
    const file = await applications.photo(actorOf(r), r.params.id, r.params.photoId);
    return reply.header('content-type', file.mimeType).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(file.data);
  });
  route(app, 'GET /api/service-applications/:id/notice.:format', async (r, reply) =>
    sendFile(reply, await applications.notice(actorOf(r), r.params.id, r.params.format, requestLocale(r))),
  );
  route(app, 'POST /api/service-applications/:id/objections', (r) => publicity.objectAtWindow(actorOf(r), r.params.id, r.body));
  route(app, 'POST /api/service-applications/:id/objections/:objectionId/investigate', (r) => publicity.investigate(actorOf(r), r.params.id, r.params.objectionId));
  route(app, 'POST /api/service-applications/:id/objections/:objectionId/answer', (r) => publicity.answer(actorOf(r), r.params.id, r.params.objectionId, r.body));
  route(app, 'POST /api/service-applications/:id/publicity/close', (r) => publicity.close(actorOf(r), r.params.id));
  route(app, 'GET /api/service-applications/:id/poster.pdf', async (r, reply) => sendFile(reply, await publicity.poster(actorOf(r), r.params.id, requestLocale(r))));

  route(app, 'GET /api/service-meetings', (r) => committee.list(actorOf(r)));
  route(app, 'POST /api/service-meetings', (r) => committee.create(actorOf(r), r.body));
  route(app, 'GET /api/service-meetings/:id', (r) => committee.detail(actorOf(r), r.params.id));
  route(app, 'POST /api/service-meetings/:id/attendance', (r) => committee.attendance(actorOf(r), r.params.id, r.body.present));
  route(app, 'POST /api/service-meetings/:id/votes', (r) => committee.vote(actorOf(r), r.params.id, r.body));

  route(app, 'GET /api/public/publicity', () => publicity.publicList(), read);
  route(app, 'POST /api/public/publicity/:id/objections', (r) => publicity.objectPublic(r.params.id, r.body), submit);
  route(app, 'POST /api/public/service-applications', (r) => applications.applyPublic(r.body), submit);
  route(app, 'GET /api/public/service-evaluations/:token', (r) => applications.evaluationView(r.params.token), evaluation);
  route(app, 'POST /api/public/service-evaluations/:token', (r) => applications.evaluate(r.params.token, r.body), evaluation);

  route(app, 'GET /api/service-figures', (r) => figures.figures(actorOf(r), r.query));
}

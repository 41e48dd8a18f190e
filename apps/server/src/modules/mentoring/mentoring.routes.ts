import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { MentoringService } from './mentoring.service.js';

/** Mentoring pairs (拜师认徒) and training (培训). */
export async function mentoringRoutes(app: FastifyInstance, { mentoring }: { mentoring: MentoringService }) {
  route(app, 'GET /api/mentoring/pairs', (request) => mentoring.pairs(actorOf(request)));
  route(app, 'POST /api/mentoring/pairs', (request) => mentoring.createPair(actorOf(request), request.body));
  route(app, 'GET /api/mentoring/pairs/:id', (request) => mentoring.pair(actorOf(request), request.params.id));
  route(app, 'POST /api/mentoring/pairs/:id/records', (request) => mentoring.addRecord(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/mentoring/records/:id/comment', (request) => mentoring.comment(actorOf(request), request.params.id, request.body.text));
  route(app, 'POST /api/mentoring/pairs/:id/close', (request) => mentoring.close(actorOf(request), request.params.id, request.body));
  route(app, 'GET /api/training/sessions', (request) => mentoring.sessions(actorOf(request), request.query.year));
  route(app, 'POST /api/training/sessions', (request) => mentoring.createSession(actorOf(request), request.body));
  route(app, 'POST /api/training/sessions/:id/attendance', (request) => mentoring.attend(actorOf(request), request.params.id, request.body));
  route(app, 'GET /api/training/hours', (request) => mentoring.hours(actorOf(request), request.query));
}

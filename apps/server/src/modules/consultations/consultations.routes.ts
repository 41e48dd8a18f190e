import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { route } from '../../http/route.js';
import { actorOf, requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import { bodyField, byIp, failureLimit, inTurn, limitBy } from '../portal/portal.limits.js';
import type { MeetingDoor } from './consultations.door.js';
import type { ConsultationsPortal, ResidentVerifier } from './consultations.portal.js';
import type { ConsultationRecords } from './consultations.records.js';
import type { ConsultationsService } from './consultations.service.js';
import type { SurveysService } from './surveys.service.js';

/** Wrong SMS codes counted per address and per phone: a guesser is stopped long before 10⁶ tries. */
const FAILURES_PER_IP = { max: 20, timeWindow: 3_600_000 };
const FAILURES_PER_PHONE = { max: 5, timeWindow: 3_600_000 };
const CODES_PER_IP = { max: 20, timeWindow: 3_600_000 };

export interface ConsultationsRouteDeps {
  consultations: ConsultationsService;
  portal: ConsultationsPortal;
  records: ConsultationRecords;
  surveys: SurveysService;
  verifier: ResidentVerifier;
  door: MeetingDoor;
  testHooks: boolean;
}

/** 征求意见 · 恳谈会 · 问需调查: the console's routes and the portal's. */
export async function consultationsRoutes(app: FastifyInstance, { consultations, portal, records, surveys, verifier, door, testHooks }: ConsultationsRouteDeps) {
  const loc = requestLocale;
  route(app, 'GET /api/consultations', (r) => consultations.list(actorOf(r), r.query, loc(r)));
  route(app, 'POST /api/consultations', async (r, reply) => {
    reply.status(201);
    return consultations.create(actorOf(r), r.body, loc(r));
  });
  route(app, 'GET /api/consultations/:id', (r) => consultations.detail(actorOf(r), r.params.id, loc(r)));
  route(app, 'POST /api/consultations/:id/meetings', (r) => consultations.addMeeting(actorOf(r), r.params.id, r.body, loc(r)));
  route(app, 'POST /api/consultations/:id/meetings/:meetingId/attendees/:attendeeId/sign-in', (r) => consultations.signIn(actorOf(r), r.params.id, r.params.meetingId, r.params.attendeeId, loc(r)));
  route(app, 'POST /api/consultations/:id/opinions', (r) => consultations.addOpinion(actorOf(r), r.params.id, r.body, loc(r)));
  route(app, 'POST /api/consultations/:id/decision', (r) => consultations.decide(actorOf(r), r.params.id, r.body, loc(r)));
  route(app, 'GET /api/consultations/:id/export.xlsx', async (r, reply) => sendFile(reply, await records.workbook(actorOf(r), r.params.id, loc(r))));
  route(app, 'GET /api/consultations/:id/record.:format', async (r, reply) => sendFile(reply, await records.record(actorOf(r), r.params.id, r.params.format, loc(r))));

  route(app, 'GET /api/consultations/:id/meetings/:meetingId/door.png', async (r, reply) => sendFile(reply, await door.qr(actorOf(r), r.params.id, r.params.meetingId)));
  route(app, 'GET /api/consultations/:id/meetings/:meetingId/sign-ins', (r) => door.signIns(actorOf(r), r.params.id, r.params.meetingId));
  route(app, 'GET /api/consultations/:id/qr.png', async (r, reply) => sendFile(reply, await records.qr(actorOf(r), r.params.id)));

  // Surveys
  route(app, 'GET /api/surveys', (r) => surveys.list(actorOf(r), r.query));
  route(app, 'POST /api/surveys', async (r, reply) => {
    reply.status(201);
    return surveys.create(actorOf(r), r.body, loc(r));
  });
  route(app, 'GET /api/surveys/pending', (r) => surveys.pending(actorOf(r), r.query.householdId));
  route(app, 'GET /api/surveys/:id', (r) => surveys.detail(actorOf(r), r.params.id, loc(r)));
  route(app, 'GET /api/surveys/:id/coverage', (r) => surveys.coverage(actorOf(r), r.params.id));
  route(app, 'GET /api/surveys/:id/qr.png', async (r, reply) => sendFile(reply, await surveys.qr(actorOf(r), r.params.id)));
  route(app, 'POST /api/surveys/:id/answers', (r) => surveys.answer(actorOf(r), r.params.id, r.body, loc(r)));
  route(app, 'POST /api/surveys/:id/campaign', async (r, reply) => {
    reply.status(201);
    return surveys.toCampaign(actorOf(r), r.params.id, r.body);
  });
  route(app, 'GET /api/consultations/:id/attachments/:attachmentId', async (r, reply) => sendFile(reply, await records.attachment(actorOf(r), r.params.id, r.params.attachmentId)));
  route(app, 'POST /api/surveys/:id/consultation', (r) => surveys.toConsultation(actorOf(r), r.params.id, r.body, loc(r)));

  // The portal: codes and answers are limited per address, wrong codes per address and per phone.
  const failures = [failureLimit(app.services.rateLimiter, 'consult-fail-ip', FAILURES_PER_IP, byIp), failureLimit(app.services.rateLimiter, 'consult-fail-phone', FAILURES_PER_PHONE, bodyField('phone'))];
  const guarded = { preHandler: inTurn(...failures.map((f) => f.guard)) };
  const codes = { preHandler: limitBy(app, 'consult-code-ip', CODES_PER_IP, byIp) };
  async function countingFailures<T>(request: FastifyRequest, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof AppError && error.code === 'error.consultation_code') for (const f of failures) await f.record(request);
      throw error;
    }
  }
  route(app, 'GET /api/public/consultations', (r) => portal.list(r.query.areaCode, r.query.limit));
  route(app, 'GET /api/public/consultations/:id', (r) => portal.view(r.params.id, loc(r)));
  route(app, 'POST /api/public/consultations/:id/code', (r) => portal.requestCode(r.params.id, r.body.phone), codes);
  route(
    app,
    'POST /api/public/consultations/:id/opinions',
    async (r, reply) => {
      const receipt = await countingFailures(r, () => portal.submit(r.params.id, r.body));
      reply.status(201);
      return receipt;
    },
    guarded,
  );
  route(app, 'GET /api/public/surveys/:id', (r) => surveys.publicView(r.params.id));
  route(app, 'POST /api/public/surveys/:id/code', (r) => surveys.requestCode(r.params.id, r.body.phone), codes);
  route(
    app,
    'POST /api/public/surveys/:id/answers',
    async (r, reply) => {
      const receipt = await countingFailures(r, () => surveys.publicAnswer(r.params.id, r.body));
      reply.status(201);
      return receipt;
    },
    guarded,
  );
  // The door of a meeting (扫码签到): the same verification, limits and failure counting.
  route(app, 'GET /api/public/meetings/:meetingId', (r) => door.publicView(r.params.meetingId));
  route(app, 'POST /api/public/meetings/:meetingId/code', (r) => door.requestCode(r.params.meetingId, r.body.phone), codes);
  route(app, 'POST /api/public/meetings/:meetingId/sign-in', (r) => countingFailures(r, () => door.signIn(r.params.meetingId, r.body)), guarded);
  if (testHooks) route(app, 'GET /api/test/sms-code', (r) => ({ code: verifier.lastCode(r.query.phone) }));
}

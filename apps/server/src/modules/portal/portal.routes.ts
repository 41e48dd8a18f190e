import multipart from '@fastify/multipart';
import { PORTAL_PHOTO_MAX_MB } from '@lianxin/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { route } from '../../http/route.js';
import { requestLocale } from '../../http/request.js';
import { byIp, bodyField, EVALUATION_LIMIT, failureLimit, inTurn, limitBy, PORTAL_LIMITS as L } from './portal.limits.js';
import type { PortalService } from './portal.service.js';

/**
 * The residents' portal API (/api/public/*, no login): submit, track, the public board, figures,
 * policies and the evaluation link. Every route is rate limited per client, some also per phone;
 * failed tracking attempts are counted per client and per (tracking code, client).
 */
export async function portalRoutes(app: FastifyInstance, { portal }: { portal: PortalService }) {
  await app.register(multipart, { limits: { fileSize: PORTAL_PHOTO_MAX_MB * 1024 * 1024, files: 1, fields: 2 } });
  const read = { preHandler: limitBy(app, 'read', L.readPerIp, byIp) };
  const phoneOf = bodyField('phone', (phone) => phone.replace(/\D/g, ''));
  const codeOf = bodyField('code', (code) => portal.codeKey(code));
  const pairOf = (request: FastifyRequest) => {
    const code = codeOf(request);
    return code === null ? null : `${code}|${request.ip}`;
  };
  // The shared limiter (app.ts builds it with the services): failures, not requests, are counted here.
  const failures = [failureLimit(app.services.rateLimiter, 'track-fail-ip', L.trackFailuresPerIp, byIp), failureLimit(app.services.rateLimiter, 'track-fail-pair', L.trackFailuresPerPair, pairOf)];
  const track = { preHandler: inTurn(limitBy(app, 'track-ip', L.trackPerIp, byIp), ...failures.map((f) => f.guard)) };
  /** Runs a tracking attempt; a wrong code or secret counts against the caller's address and pair. */
  async function countingFailures<T>(request: FastifyRequest, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof AppError && error.code === 'error.track_failed') for (const f of failures) await f.record(request);
      throw error;
    }
  }
  const evaluation = { config: { rateLimit: EVALUATION_LIMIT } };

  route(app, 'GET /api/public/options', (request) => portal.options(requestLocale(request)), read);
  route(app, 'GET /api/public/areas', (request) => portal.areas(request.query.parentCode), read);
  route(app, 'GET /api/public/map/areas', () => portal.mapAreas(), read);

  route(
    app,
    'POST /api/public/photos',
    async (request) => {
      if (!request.isMultipart()) throw new AppError(400, 'error.validation', {}, 'file');
      const file = await request.file();
      if (!file) throw new AppError(400, 'error.validation', {}, 'file');
      const data = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'error.file_too_large', { max: PORTAL_PHOTO_MAX_MB }, 'file');
        throw error;
      });
      return portal.uploadPhoto(data);
    },
    { preHandler: limitBy(app, 'photo-ip', L.photoPerIp, byIp) },
  );

  route(
    app,
    'POST /api/public/cases',
    async (request) => {
      const { stored, ...result } = await portal.submit(request.body);
      if (!stored) request.log.warn({ ip: request.ip }, 'portal honeypot filled; submission dropped');
      return result;
    },
    { preHandler: inTurn(limitBy(app, 'submit-ip', L.submitPerIp, byIp), limitBy(app, 'submit-phone', L.submitPerPhone, phoneOf)) },
  );

  route(app, 'POST /api/public/track', (request) => countingFailures(request, () => portal.trackBySecret(request.body.code, request.body.secret, requestLocale(request))), track);
  route(app, 'GET /api/public/track/:token', (request) => portal.trackByToken(request.params.token, requestLocale(request)), {
    preHandler: limitBy(app, 'track-token-ip', L.trackPerIp, byIp),
  });
  route(app, 'POST /api/public/track/otp', (request) => portal.requestOtp(request.body.code, request.body.phone), {
    preHandler: inTurn(limitBy(app, 'otp-ip', L.otpPerIp, byIp), limitBy(app, 'otp-phone', L.otpPerPhone, phoneOf)),
  });
  route(app, 'POST /api/public/track/verify', (request) => countingFailures(request, () => portal.verifyOtp(request.body.code, request.body.otp, requestLocale(request))), track);

  route(app, 'GET /api/public/board', (request) => portal.board(request.query, requestLocale(request)), read);
  route(app, 'GET /api/public/board/map', (request) => portal.mapPoints(request.query, requestLocale(request)), read);
  route(app, 'GET /api/public/metrics', (request) => portal.monthlyRates(request.query, requestLocale(request)), read);
  route(app, 'GET /api/public/policies', (request) => portal.policies(request.query), read);
  route(app, 'GET /api/public/policies/:id', (request) => portal.policy(request.params.id), read);

  route(app, 'GET /api/public/evaluations/:token', (request) => portal.evaluationView(request.params.token, requestLocale(request)), evaluation);
  route(app, 'POST /api/public/evaluations/:token', (request) => portal.evaluate(request.params.token, request.body, requestLocale(request)), evaluation);
}

import multipart from '@fastify/multipart';
import {
  PORTAL_PHOTO_MAX_MB,
  type PublicBoardQuery,
  PublicBoardQuerySchema,
  type PublicCaseSubmit,
  PublicCaseSubmitSchema,
  type PublicMapQuery,
  PublicMapQuerySchema,
  PublicAreasQuerySchema,
  type PublicMetricsQuery,
  PublicMetricsQuerySchema,
  type PublicPolicyQuery,
  PublicPolicyQuerySchema,
  PolicyIdParamsSchema,
  type TrackByPhone,
  TrackByPhoneSchema,
  type TrackOtpRequest,
  TrackOtpRequestSchema,
  type TrackOtpVerify,
  TrackOtpVerifySchema,
  TrackTokenParamsSchema,
  localDate,
} from '@lianxin/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../errors.js';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import { createPoliciesService } from '../policies/policies.service.js';
import { byIp, limitBy, PORTAL_LIMITS as L } from './portal.limits.js';
import { createPortalService, monthRange } from './portal.service.js';

const tags = ['public'];
/** Public routes need no session (the auth plugin lets them through) and show no lock in the docs. */
const open = { public: true } as const;
const security: [] = [];
const digitsOf = (phone: unknown) => (typeof phone === 'string' ? phone.replace(/\D/g, '') : null);
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/** The residents' portal API (/api/public/*): submit, track, the public board, figures and policies. */
export async function portalRoutes(app: FastifyInstance, { services }: { services: Services }) {
  await app.register(multipart, { limits: { fileSize: PORTAL_PHOTO_MAX_MB * 1024 * 1024, files: 1, fields: 2 } });
  const portal = createPortalService(services);
  const policies = createPoliciesService({ db: services.db, audit: services.audit, clock: services.clock });
  const readLimit = limitBy(app, 'read', L.readPerIp, byIp);
  const codeKey = (request: FastifyRequest) => {
    const code = bodyOf(request).code;
    return typeof code === 'string' ? portal.codeKey(code) : null;
  };

  app.get('/api/public/options', { schema: { tags, security, summary: '提交表单选项 Kinds, categories, photo limits and hotline for the submission form' }, config: open, preHandler: readLimit }, async (request) =>
    portal.options(requestLocale(request)),
  );

  app.get('/api/public/areas', { schema: { tags, security, summary: '区划选择 Children of an area (area picker)', querystring: PublicAreasQuerySchema }, config: open, preHandler: readLimit }, async (request) => ({
    items: await portal.areas((request.query as { parentCode?: string }).parentCode),
  }));

  app.get('/api/public/map/areas', { schema: { tags, security, summary: '地图区划 Area centroids and outlines for maps without a tile service' }, config: open, preHandler: readLimit }, async () => ({
    items: (await portal.mapAreas()).map((a) => ({ ...a, boundary: a.boundary ? (JSON.parse(a.boundary) as unknown) : null })),
  }));

  app.post(
    '/api/public/photos',
    {
      schema: { tags, security, summary: '上传照片 Upload one photo (multipart field "file": JPEG, PNG or WebP, ≤ 5 MB); re-encoded as JPEG without metadata; returns an upload token for POST /api/public/cases', consumes: ['multipart/form-data'] },
      config: open,
      preHandler: limitBy(app, 'photo-ip', L.photoPerIp, byIp),
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(400, 'error.validation', {}, 'file');
      const file = await request.file();
      if (!file) throw new AppError(400, 'error.validation', {}, 'file');
      const data = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'error.file_too_large', { max: PORTAL_PHOTO_MAX_MB }, 'file');
        throw error;
      });
      return reply.status(201).send(await portal.uploadPhoto(data));
    },
  );

  app.post(
    '/api/public/cases',
    {
      schema: {
        tags,
        security,
        summary: '群众提交诉求 Submit a request (channel online)',
        description:
          'Registers the request through the cases service and returns its tracking code and an access token; with a phone, the code also goes by SMS. ' +
          'The hidden honeypot field `website` must stay empty: when filled, the answer looks the same (201, a code) but nothing is stored. ' +
          'Limited per IP (10/hour) and per phone (5/day).',
        body: PublicCaseSubmitSchema,
      },
      config: open,
      preHandler: [limitBy(app, 'submit-ip', L.submitPerIp, byIp), limitBy(app, 'submit-phone', L.submitPerPhone, (r) => digitsOf(bodyOf(r).phone))],
    },
    async (request, reply) => {
      const { stored, ...result } = await portal.submit(request.body as PublicCaseSubmit);
      if (!stored) request.log.warn({ ip: request.ip }, 'portal honeypot filled; submission dropped');
      return reply.status(201).send(result);
    },
  );

  const trackLimits = [limitBy(app, 'track-ip', L.trackPerIp, byIp), limitBy(app, 'track-code', L.trackPerCode, codeKey)];

  app.post(
    '/api/public/track',
    { schema: { tags, security, summary: '查询办理进度 Track by code and the phone’s last four digits', body: TrackByPhoneSchema }, config: open, preHandler: trackLimits },
    async (request) => {
      const body = request.body as TrackByPhone;
      return portal.trackByPhone(body.code, body.phoneLast4, requestLocale(request));
    },
  );

  app.get(
    '/api/public/track/:token',
    { schema: { tags, security, summary: '凭证查询 Track with the access token (anonymous requests, or after a verified code)', params: TrackTokenParamsSchema }, config: open, preHandler: limitBy(app, 'track-ip', L.trackPerIp, byIp) },
    async (request) => portal.trackByToken((request.params as { token: string }).token, requestLocale(request)),
  );

  app.post(
    '/api/public/track/otp',
    {
      schema: { tags, security, summary: '获取短信验证码 Ask for a one-time code by SMS (same answer whether or not code and phone match)', body: TrackOtpRequestSchema },
      config: open,
      preHandler: [limitBy(app, 'otp-ip', L.otpPerIp, byIp), limitBy(app, 'otp-phone', L.otpPerPhone, (r) => digitsOf(bodyOf(r).phone))],
    },
    async (request, reply) => {
      const body = request.body as TrackOtpRequest;
      return reply.status(202).send(await portal.requestOtp(body.code, body.phone));
    },
  );

  app.post(
    '/api/public/track/verify',
    { schema: { tags, security, summary: '验证码查询 Track with the one-time code (five tries per code)', body: TrackOtpVerifySchema }, config: open, preHandler: trackLimits },
    async (request) => {
      const body = request.body as TrackOtpVerify;
      return portal.verifyOtp(body.code, body.otp, requestLocale(request));
    },
  );

  app.get(
    '/api/public/board',
    {
      schema: { tags, security, summary: '诉求公开栏 Public board: anonymised cases whose requesters consented (not before staff triage), newest first, keyset paged', querystring: PublicBoardQuerySchema },
      config: open,
      preHandler: readLimit,
    },
    async (request) => portal.board(request.query as PublicBoardQuery, requestLocale(request)),
  );

  app.get(
    '/api/public/board/map',
    { schema: { tags, security, summary: '诉求地图 Map points of the public board, rounded to about 1 km', querystring: PublicMapQuerySchema }, config: open, preHandler: readLimit },
    async (request) => portal.mapPoints(request.query as PublicMapQuery, requestLocale(request)),
  );

  app.get(
    '/api/public/metrics',
    { schema: { tags, security, summary: '月度三率 Monthly response, resolution and satisfaction rates by unit', querystring: PublicMetricsQuerySchema }, config: open, preHandler: readLimit },
    async (request) => {
      const query = request.query as PublicMetricsQuery;
      const now = services.clock.now();
      const thisMonth = localDate(now).slice(0, 7);
      const [y, m] = thisMonth.split('-').map(Number);
      const month = query.month ?? (m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
      const { from, to } = monthRange(month);
      const report = await services.metrics.report(await portal.publicReader(), { groupBy: 'unit', from, to }, requestLocale(request));
      const present = (g: (typeof report.groups)[number]) => ({
        unitName: g.label,
        assigned: g.counts.assigned,
        evaluated: g.counts.evaluated,
        responseRate: g.rates.responseRate,
        resolutionRate: g.rates.resolutionRate,
        satisfactionRate: g.rates.satisfactionRate,
        composite: g.rates.composite,
      });
      return { month, units: report.groups.map(present), total: present(report.total) };
    },
  );

  app.get(
    '/api/public/policies',
    { schema: { tags, security, summary: '政策库 Published policies, with search', querystring: PublicPolicyQuerySchema }, config: open, preHandler: readLimit },
    async (request) => {
      const q = request.query as PublicPolicyQuery;
      const page = await policies.list(await portal.publicReader(), { q: q.q, kind: 'policy', cursor: q.cursor, limit: q.limit });
      return {
        items: page.items.map((row) => ({ id: row.id, title: row.title, source: row.source, publishedAt: row.publishedAt, excerpt: [...row.body].slice(0, 120).join(''), snippet: row.snippet })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/public/policies/:id',
    { schema: { tags, security, summary: '政策全文 One published policy', params: PolicyIdParamsSchema }, config: open, preHandler: readLimit },
    async (request) => {
      const row = await policies.get(await portal.publicReader(), (request.params as { id: string }).id);
      if (row.kind !== 'policy' || !row.isActive) throw notFound();
      return { id: row.id, title: row.title, body: row.body, source: row.source, publishedAt: row.publishedAt, updatedAt: row.updatedAt };
    },
  );
}

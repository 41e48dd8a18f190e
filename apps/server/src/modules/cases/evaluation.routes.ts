import { EvaluationSchema, EvaluationTokenParamsSchema, label, type Locale } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import { portalRepository } from '../portal/portal.repository.js';
import { redact } from '../portal/redact.js';

type ResidentView = { id: string; code: string; title: string; status: string; replyText: string | null; repliedAt: string | null; requesterNameEnc: string | null };

/**
 * What a resident sees behind the evaluation link: no internal notes, and texts anonymised like every
 * public response (a link can be forwarded; the requester's and staff names never travel with it).
 */
async function presentForResident(services: Services, c: ResidentView, locale: Locale) {
  const staff = (await portalRepository.staffNames(services.db, [c.id])).get(c.id) ?? [];
  const names = [c.requesterNameEnc ? services.cipher.decrypt(c.requesterNameEnc) : null, ...staff];
  return { code: c.code, title: redact(c.title, names), status: c.status, statusLabel: label('state', c.status, locale), reply: c.replyText ? redact(c.replyText, names) : null, repliedAt: c.repliedAt };
}

/** The resident's evaluation through a signed link (群众评议), without an account. */
export async function publicEvaluationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['public'];
  const rateLimit = { max: 30, timeWindow: '1 minute' };

  app.get(
    '/api/public/evaluations/:token',
    { schema: { tags, summary: '评价页 The case behind an evaluation link', params: EvaluationTokenParamsSchema }, config: { public: true, rateLimit } },
    async (request) => presentForResident(services, await services.cases.caseForToken((request.params as { token: string }).token), requestLocale(request)),
  );

  app.post(
    '/api/public/evaluations/:token',
    { schema: { tags, summary: '群众评价 Rate the answer', params: EvaluationTokenParamsSchema, body: EvaluationSchema }, config: { public: true, rateLimit } },
    async (request) => {
      const c = await services.cases.evaluateByToken((request.params as { token: string }).token, request.body as z.infer<typeof EvaluationSchema>);
      return presentForResident(services, c, requestLocale(request));
    },
  );
}

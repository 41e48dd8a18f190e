import { ACTIVE_STATES, isValidIdNumber, PHONE_PATTERN } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { forbidden } from '../../errors.js';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { scopeOf } from '../../access/actor.js';
import { presentCaseSummary } from './cases.presenter.js';
import { inScope } from './cases.repository.js';

/** Query of GET /api/cases/by-requester: one identifier of the requester, never stored or echoed. */
export const RequesterHistoryQuerySchema = z
  .object({
    phone: z.string().trim().regex(PHONE_PATTERN).optional().describe('Requester phone 联系电话 (as registered)'),
    idNumber: z
      .string()
      .trim()
      .refine(isValidIdNumber, { message: 'invalid_id_number' })
      .optional()
      .describe('Requester ID number 身份证号 (matches cases registered without a phone)'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.idNumber) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone_required' });
  });
type RequesterHistoryQuery = z.infer<typeof RequesterHistoryQuerySchema>;

/** Counting stops here: the hint reads "50+" and the count stays cheap. */
const COUNT_CAP = 50;

/**
 * "Earlier cases by this phone" (重复访 hint at registration): the requester's cases found by the
 * blind index (cases.requester_key, indexed with registered_at), scoped like the ledger and masked
 * like it. The phone itself is only hashed, never stored, logged or returned.
 */
export async function requesterHistoryRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, cipher, clock } = services;

  app.get(
    '/api/cases/by-requester',
    { schema: { tags: ['cases'], summary: '来电人历史诉求 Earlier cases of a requester (by phone or ID, scoped, masked)', querystring: RequesterHistoryQuerySchema } },
    async (request) => {
      const actor = actorOf(request);
      if (actor.grants.length === 0) throw forbidden();
      const q = request.query as RequesterHistoryQuery;
      const keys = [q.phone, q.idNumber].filter((v): v is string => Boolean(v)).map((v) => cipher.blindIndex(v));
      const scope = scopeOf(actor.grants);
      const base = () =>
        db
          .selectFrom('cases')
          .where('requesterKey', 'in', keys)
          .where((eb) => inScope(eb, scope));
      const [rows, counted] = await Promise.all([
        base().selectAll().orderBy('registeredAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute(),
        db
          .selectFrom(base().select(['id', 'status']).limit(COUNT_CAP + 1).as('mine'))
          .select((eb) => [
            eb.fn.countAll<number>().as('total'),
            eb.fn.sum<number>(eb.case().when('status', 'in', ACTIVE_STATES).then(1).else(0).end()).as('open'),
          ])
          .executeTakeFirstOrThrow(),
      ]);
      const now = clock.now();
      const total = Number(counted.total);
      return {
        items: rows.map((c) => presentCaseSummary(c, cipher, now)),
        total: Math.min(total, COUNT_CAP),
        more: total > COUNT_CAP,
        open: Number(counted.open ?? 0),
      };
    },
  );
}

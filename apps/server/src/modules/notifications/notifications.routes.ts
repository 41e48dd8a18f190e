import { type MessageKey, maskPhone, renderMessage } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { forbidden, notFound } from '../../errors.js';
import { actorOf } from '../../plugins/auth.js';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import { hasAnyRole } from '../../access/actor.js';

const ListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional().describe('Only unread notices'),
  before: z.iso.datetime().optional().describe('Keyset cursor: notices created before this instant'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const OutboxQuerySchema = z.object({
  caseId: z.string().max(64).optional(),
  status: z.enum(['pending', 'sent', 'stored', 'failed']).optional(),
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The staff member's notices (首问负责 and every other step) and, for admins, the SMS outbox. */
export async function notificationsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, cipher } = services;
  const tags = ['notifications'];

  app.get('/api/notifications', { schema: { tags, summary: '我的消息 My notices', querystring: ListQuerySchema } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query as z.infer<typeof ListQuerySchema>;
    let query = db.selectFrom('outbox').selectAll().where('recipientUserId', '=', actor.userId);
    if (q.unread === 'true') query = query.where('status', '=', 'pending');
    if (q.before) query = query.where('createdAt', '<', new Date(q.before).toISOString());
    const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    const locale = requestLocale(request);
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.caseId,
        template: r.template,
        text: r.params ? renderMessage(locale, r.template as MessageKey, JSON.parse(r.params)) : r.body,
        read: r.status === 'read',
        createdAt: r.createdAt,
      })),
    };
  });

  app.post('/api/notifications/:id/read', { schema: { tags, summary: '标为已读 Mark as read', params: z.object({ id: z.string().max(64) }) } }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await db
      .updateTable('outbox')
      .set({ status: 'read' })
      .where('id', '=', (request.params as { id: string }).id)
      .where('recipientUserId', '=', actor.userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound();
    return reply.status(204).send();
  });

  app.get('/api/outbox', { schema: { tags, summary: '短信发件箱 SMS outbox (admins, supervisors)', querystring: OutboxQuerySchema } }, async (request) => {
    const actor = actorOf(request);
    if (!hasAnyRole(actor, ['admin', 'supervisor'])) throw forbidden();
    const q = request.query as z.infer<typeof OutboxQuerySchema>;
    let query = db.selectFrom('outbox').selectAll().where('channel', '=', 'sms');
    if (q.caseId) query = query.where('caseId', '=', q.caseId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.before) query = query.where('createdAt', '<', new Date(q.before).toISOString());
    const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.caseId,
        phone: r.recipientPhoneEnc ? maskPhone(cipher.decrypt(r.recipientPhoneEnc)) : null,
        template: r.template,
        body: r.body,
        status: r.status,
        attempts: r.attempts,
        createdAt: r.createdAt,
        sentAt: r.sentAt,
      })),
    };
  });
}

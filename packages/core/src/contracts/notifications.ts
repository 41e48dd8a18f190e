import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** Query of GET /api/notifications: my notices, newest first. */
export const NoticeListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional().describe('Only unread notices'),
  before: z.iso.datetime().optional().describe('Keyset cursor: notices created before this instant'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuerySchema>;

/** Statuses of an SMS in the outbox: waiting, handed to the operator, kept locally, given up. */
export const OUTBOX_SMS_STATUSES = ['pending', 'sent', 'stored', 'failed'] as const;

/** Query of GET /api/outbox: the SMS outbox, newest first. */
export const OutboxQuerySchema = z.object({
  caseId: z.string().max(64).optional().describe('Only messages about this case'),
  status: z.enum(OUTBOX_SMS_STATUSES).optional().describe('Only messages in this status'),
  before: z.iso.datetime().optional().describe('Keyset cursor: messages created before this instant'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

/** Path parameter of POST /api/notifications/:id/read. */
export const NoticeIdParamsSchema = z.object({ id: z.string().max(64) });

/** A notice to a staff member, in the reader's language. */
export const NoticeSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable().describe('The case it is about'),
  template: z.string().describe('Message key of the notice (e.g. notice.escalated)'),
  text: z.string().describe('The notice rendered in the reader’s language'),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NoticeView = z.infer<typeof NoticeSchema>;

/** An SMS of the outbox, phone masked. */
export const OutboxMessageSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  phone: z.string().nullable().describe('Recipient’s phone, masked'),
  template: z.string(),
  body: z.string().describe('The text sent (Chinese)'),
  status: z.string().describe('pending, sent, stored or failed'),
  attempts: z.number().int().describe('Delivery attempts so far'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessageView = z.infer<typeof OutboxMessageSchema>;

/** The notifications operations. */
export const notificationsEndpoints = defineEndpoints({
  'GET /api/notifications': { tag: 'notifications', summary: '我的消息 My notices', query: NoticeListQuerySchema, response: z.object({ items: z.array(NoticeSchema) }) },
  'POST /api/notifications/:id/read': { tag: 'notifications', summary: '标为已读 Mark as read', params: NoticeIdParamsSchema, status: 204 },
  'GET /api/outbox': { tag: 'notifications', summary: '短信发件箱 SMS outbox (admins, supervisors)', query: OutboxQuerySchema, response: z.object({ items: z.array(OutboxMessageSchema) }) },
});

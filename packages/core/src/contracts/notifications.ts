import { z } from 'zod';
import { LOCALES } from '../messages.js';
import { defineEndpoints } from './endpoint.js';
import { NOTICE_KINDS, OUTBOX_SMS_STATUSES } from './values.js';
export { NOTICE_KINDS, OUTBOX_SMS_STATUSES } from './values.js';

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Kinds that also go by SMS unless the user chose otherwise: risk alerts and supervision. */
export const NOTICE_SMS_BY_DEFAULT: readonly NoticeKind[] = ['risk', 'alert', 'supervision'];

/** Templates whose kind is not spelled in their name. */
const NOTICE_TEMPLATE_KINDS: Record<string, NoticeKind> = {
  'notice.escalated': 'escalation',
  'notice.account_locked': 'account',
  'notice.task_force_member': 'hard_case',
  'notice.task_force_milestone': 'hard_case',
  'notice.task_force_report': 'hard_case',
  'notice.accountability': 'supervision',
  // — duty, leave and attendance —
  'notice.leave_applied': 'duty',
  'notice.leave_decided': 'duty',
  'notice.leave_reassigned': 'step',
};

/** The kind of a notice written with `template` (`notice.<kind>…`, or the table above; else `other`). */
export function noticeKindOf(template: string): NoticeKind {
  const known = NOTICE_TEMPLATE_KINDS[template];
  if (known) return known;
  const name = template.startsWith('notice.') ? template.slice('notice.'.length) : '';
  // Longest first, so `hard_case…` is not taken for a shorter kind that starts it.
  const kind = [...NOTICE_KINDS].sort((a, b) => b.length - a.length).find((k) => k !== 'other' && (name === k || name.startsWith(`${k}_`) || name.startsWith(`${k}.`)));
  return kind ?? 'other';
}

/**
 * What a notice links to: its case, its alert, or any other record a module owns (a supervision
 * order, an instruction, a bulletin, a hard-case review …) as `{ kind, id }`. The web maps the kind
 * to a page; a kind it does not know yet is shown without a link.
 */
export const NoticeTargetSchema = z.object({
  kind: z.string().describe('What it links to: case, alert, supervision, instruction, bulletin, hard_case …'),
  id: z.string(),
});
export type NoticeTarget = z.infer<typeof NoticeTargetSchema>;

/** Query of GET /api/notifications: my notices, newest first. */
export const NoticeListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread notices; false: only read ones'),
  kind: z.enum(NOTICE_KINDS).optional().describe('Only notices of this kind'),
  from: z.iso.date().optional().describe('Created on or after this day (China time)'),
  to: z.iso.date().optional().describe('Created on or before this day (China time)'),
  before: z.iso.datetime().optional().describe('Keyset cursor: notices created before this instant'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Notices to skip'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuerySchema>;


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
  kind: z.enum(NOTICE_KINDS).describe('What the notice is about'),
  target: NoticeTargetSchema.nullable().describe('What it links to'),
  text: z.string().describe('The notice rendered in the reader’s language'),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NoticeView = z.infer<typeof NoticeSchema>;

/** The signed-in user's unread notices. */
export const UnreadCountSchema = z.object({ unread: z.number().int().describe('Unread notices') });

/** One kind of notice and whether it also goes to the user by SMS. */
export const NoticePreferenceSchema = z.object({
  kind: z.enum(NOTICE_KINDS),
  sms: z.boolean().describe('Also sent by SMS to the user’s phone'),
});

/** The user's SMS choices, one per kind. */
export const NoticePreferencesSchema = z.object({
  items: z.array(NoticePreferenceSchema),
  hasPhone: z.boolean().describe('Whether the user has a phone to send SMS to'),
});
export type NoticePreferencesView = z.infer<typeof NoticePreferencesSchema>;

/** Body of PUT /api/notifications/preferences: the kinds to change (others keep their choice). */
export const NoticePreferencesBodySchema = z.object({
  items: z
    .array(NoticePreferenceSchema)
    .max(NOTICE_KINDS.length)
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, { message: 'each kind once' }),
});
export type NoticePreferencesBody = z.infer<typeof NoticePreferencesBodySchema>;

/** Query of GET /api/notifications/stream: an EventSource cannot send headers, so the language comes here. */
export const NoticeStreamQuerySchema = z.object({
  locale: z.enum(LOCALES).optional().describe('Language of the notices’ text (default: the request’s)'),
});

/** Events of GET /api/notifications/stream. */
export const NOTICE_STREAM_EVENTS = {
  count: UnreadCountSchema.describe('The unread count: sent on connecting and whenever it changes'),
  notice: NoticeSchema.describe('A notice written for the user after they connected'),
};

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
  'GET /api/notifications': {
    tag: 'notifications',
    summary: '我的消息 My notices',
    query: NoticeListQuerySchema,
    response: z.object({ items: z.array(NoticeSchema), nextOffset: z.number().int().nullable().describe('Pass as `offset` for the next page; null at the end') }),
  },
  'POST /api/notifications/:id/read': { tag: 'notifications', summary: '标为已读 Mark as read', params: NoticeIdParamsSchema, status: 204 },
  'GET /api/notifications/unread-count': { tag: 'notifications', summary: '未读消息数 My unread count', response: UnreadCountSchema },
  'POST /api/notifications/read-all': { tag: 'notifications', summary: '全部标为已读 Mark all as read', response: z.object({ marked: z.number().int() }) },
  'GET /api/notifications/stream': { tag: 'notifications', summary: '消息推送 Live notices (server-sent events: count, notice)', query: NoticeStreamQuerySchema, events: NOTICE_STREAM_EVENTS },
  'GET /api/notifications/preferences': { tag: 'notifications', summary: '消息设置 Which notices also go by SMS', response: NoticePreferencesSchema },
  'PUT /api/notifications/preferences': { tag: 'notifications', summary: '保存消息设置 Save the SMS choices', body: NoticePreferencesBodySchema, response: NoticePreferencesSchema },
  'GET /api/outbox': { tag: 'notifications', summary: '短信发件箱 SMS outbox (admins, supervisors)', query: OutboxQuerySchema, response: z.object({ items: z.array(OutboxMessageSchema) }) },
});

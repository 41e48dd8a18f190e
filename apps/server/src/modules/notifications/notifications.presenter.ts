import { type Contract, type Locale, maskPhone, type MessageKey, NOTICE_KINDS, type NoticeKind, noticeKindOf, type NoticeSchema, type OutboxMessageSchema, renderMessage } from '@lianxin/core';
import type { Cipher } from '../../security/cipher.js';
import type { OutboxRow } from './notifications.repository.js';

/** A notice → its response contract, rendered in the reader's language. */
export function presentNotice(r: OutboxRow, locale: Locale): Contract<typeof NoticeSchema> {
  return {
    id: r.id,
    caseId: r.caseId,
    template: r.template,
    kind: kindOf(r),
    target: r.targetKind && r.targetId ? { kind: r.targetKind, id: r.targetId } : r.caseId ? { kind: 'case', id: r.caseId } : null,
    text: r.params ? renderMessage(locale, r.template as MessageKey, JSON.parse(r.params)) : r.body,
    read: r.status === 'read',
    createdAt: r.createdAt,
  };
}

/** An SMS of the outbox → its response contract, phone masked. */
export function presentOutboxMessage(r: OutboxRow, cipher: Cipher): Contract<typeof OutboxMessageSchema> {
  return {
    id: r.id,
    caseId: r.caseId,
    phone: r.recipientPhoneEnc ? maskPhone(cipher.decrypt(r.recipientPhoneEnc)) : null,
    template: r.template,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  };
}

/** The stored kind of a notice; one written before kinds existed (or of a kind since removed) by its template. */
function kindOf(r: OutboxRow): NoticeKind {
  return r.noticeKind && (NOTICE_KINDS as readonly string[]).includes(r.noticeKind) ? (r.noticeKind as NoticeKind) : noticeKindOf(r.template);
}

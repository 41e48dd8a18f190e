import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, DOCUMENT_FOR_SMS, type MessageKey, type NoticeKind, noticeKindOf, type NoticeTarget, renderMessage } from '@lianxin/core';
import type { Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import type { NoticeBus } from './notice-bus.js';
import { notificationsRepository as repo } from './notifications.repository.js';

type Params = Record<string, string | number>;

/** What a stored message shows in place of its secret. */
export const SECRET_MASK = '******';

/**
 * A parameter of an SMS that only its recipient may read (a one-time code). The outbox keeps the
 * message with it masked; the value is encrypted apart, for the delivery step, until `expiresAt`.
 */
export interface SmsSecret {
  /** The parameter that holds the secret, e.g. `otp`. */
  key: string;
  /** After this instant (ISO) the message is not sent any more, and its secret is dropped. */
  expiresAt?: string;
}

/** The encrypted payload of `outbox.secretEnc`. */
export interface StoredSecret {
  key: string;
  value: string;
  expiresAt: string | null;
}

/**
 * What a staff notice is about: a case id (the notice links to the case), or a target of any kind
 * (`{ kind: 'supervision', id }`, with the case it concerns if any), and its kind when its template
 * does not name it (`notice.<kind>…`, see noticeKindOf in core).
 */
export type NoticeAbout = string | { caseId?: string | null; target?: NoticeTarget; kind?: NoticeKind };

/**
 * Writes notifications to the outbox inside the caller's transaction, so a message exists exactly
 * when the change that caused it committed. Delivery happens later (see outbox-delivery.ts).
 */
export interface Notifier {
  /** An SMS to a resident's phone, rendered in Chinese. */
  sms(trx: Transaction<DB>, to: { phone: string; caseId?: string }, template: MessageKey, params: Params, options?: { secret?: SmsSecret }): Promise<void>;
  /**
   * An internal notice to staff members, shown in each reader's language: pass vocabulary codes
   * (action, stage, level) as parameters, not labels. `about` is the case id, or what it links to.
   * Users who chose the notice's kind (or by default) also get it by SMS; open consoles see it live.
   */
  notice(trx: Transaction<DB>, userIds: readonly string[], template: MessageKey, params: Params, about?: NoticeAbout): Promise<void>;
}

/** The outbox-backed notifier. */
export function createNotifier({ clock, cipher, bus }: { clock: Clock; cipher: Cipher; bus?: NoticeBus }): Notifier {
  return {
    async sms(trx, to, template, params, options = {}) {
      const { secret } = options;
      let secretEnc: string | null = null;
      if (secret) {
        const value = params[secret.key];
        if (value === undefined) throw new Error(`the secret parameter ${secret.key} is missing`);
        const stored: StoredSecret = { key: secret.key, value: String(value), expiresAt: secret.expiresAt ?? null };
        secretEnc = cipher.encrypt(JSON.stringify(stored));
        params = { ...params, [secret.key]: SECRET_MASK };
      }
      await repo.insert(trx, [
        {
          id: randomUUID(),
          channel: 'sms',
          recipientUserId: null,
          recipientPhoneEnc: cipher.encrypt(to.phone),
          template,
          params: JSON.stringify(params),
          body: renderMessage(DEFAULT_LOCALE, template, params),
          caseId: to.caseId ?? null,
          status: 'pending',
          createdAt: clock.now().toISOString(),
          sentAt: null,
          // The official notice (受理告知书 …) that goes with this SMS, rendered on demand from the case.
          documentType: to.caseId ? (DOCUMENT_FOR_SMS[template] ?? null) : null,
          secretEnc,
        },
      ]);
    },
    async notice(trx, userIds, template, params, about) {
      const unique = [...new Set(userIds)];
      if (unique.length === 0) return;
      const { caseId, target, kind } = resolveAbout(template, about);
      const createdAt = clock.now().toISOString();
      const body = renderMessage(DEFAULT_LOCALE, template, params);
      const rows = unique.map((userId) => ({
        id: randomUUID(),
        channel: 'internal',
        recipientUserId: userId,
        recipientPhoneEnc: null,
        template,
        params: JSON.stringify(params),
        body,
        caseId,
        status: 'pending',
        createdAt,
        sentAt: null,
        noticeKind: kind,
        targetKind: target?.kind ?? null,
        targetId: target?.id ?? null,
      }));
      await repo.insert(trx, rows);
      // The same words by SMS to those who chose this kind (and have a phone).
      const bySms = await repo.smsRecipients(trx, unique, kind);
      await repo.insert(
        trx,
        bySms.map((phoneEnc) => ({
          id: randomUUID(),
          channel: 'sms',
          recipientUserId: null,
          recipientPhoneEnc: phoneEnc,
          template,
          params: JSON.stringify(params),
          body,
          caseId,
          status: 'pending',
          createdAt,
          sentAt: null,
          noticeKind: kind,
        })),
      );
      await bus?.announce(trx, rows.map((r) => ({ userId: r.recipientUserId, noticeId: r.id })));
    },
  };
}

/** The case, target and kind of a notice from what its writer said it is about. */
function resolveAbout(template: MessageKey, about: NoticeAbout | undefined): { caseId: string | null; target: NoticeTarget | null; kind: NoticeKind } {
  if (typeof about === 'string') return { caseId: about, target: { kind: 'case', id: about }, kind: noticeKindOf(template) };
  const caseId = about?.caseId ?? (about?.target?.kind === 'case' ? about.target.id : null);
  const target = about?.target ?? (caseId ? { kind: 'case', id: caseId } : null);
  return { caseId, target, kind: about?.kind ?? noticeKindOf(template) };
}

import { DEFAULT_LOCALE, type MessageKey, renderMessage } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import { notificationsRepository as repo } from './notifications.repository.js';
import type { StoredSecret } from './notifier.js';
import type { SmsGateway } from './sms-gateway.js';

/** After this many failed attempts a message is left as `failed` for a person to look at. */
const MAX_ATTEMPTS = 5;

type PendingSms = Awaited<ReturnType<typeof repo.pendingSms>>[number];

/**
 * The text to hand to the gateway: the stored (masked) body, or — for a message with a secret —
 * the message rendered again with the secret decrypted. Null when the secret has expired.
 */
function textToSend(message: PendingSms, cipher: Cipher, now: Date): string | null {
  if (!message.secretEnc) return message.body;
  const secret = JSON.parse(cipher.decrypt(message.secretEnc)) as StoredSecret;
  if (secret.expiresAt && Date.parse(secret.expiresAt) <= now.getTime()) return null;
  const params = { ...(message.params ? JSON.parse(message.params) : {}), [secret.key]: secret.value };
  return renderMessage(DEFAULT_LOCALE, message.template as MessageKey, params);
}

/**
 * Hands pending SMS rows to the gateway, oldest first. Each row is marked as the gateway answers,
 * so a crash in between sends a message at most once more — never loses it. A message's secret
 * (see notifier.ts) is decrypted here only, and dropped once the message is delivered, given up or
 * expired: an expired one is not sent and is marked `failed`.
 */
export async function deliverOutbox(deps: { db: Kysely<DB>; cipher: Cipher; clock: Clock; smsGateway: SmsGateway }, batch = 100) {
  const { db, cipher, clock, smsGateway } = deps;
  const pending = await repo.pendingSms(db, batch);
  const counts = { delivered: 0, failed: 0 };
  for (const message of pending) {
    const dropSecret = message.secretEnc ? { secretEnc: null } : {};
    try {
      const body = textToSend(message, cipher, clock.now());
      if (body === null) {
        await repo.recordAttempt(db, message.id, { status: 'failed', attempts: message.attempts, secretEnc: null });
        counts.failed++;
        continue;
      }
      const status = await smsGateway.deliver({ id: message.id, phone: cipher.decrypt(message.recipientPhoneEnc!), body });
      await repo.recordAttempt(db, message.id, { status, sentAt: clock.now().toISOString(), attempts: message.attempts + 1, ...dropSecret });
      counts.delivered++;
    } catch {
      const attempts = message.attempts + 1;
      const givenUp = attempts >= MAX_ATTEMPTS;
      await repo.recordAttempt(db, message.id, { attempts, status: givenUp ? 'failed' : 'pending', ...(givenUp ? dropSecret : {}) });
      counts.failed++;
    }
  }
  return counts;
}

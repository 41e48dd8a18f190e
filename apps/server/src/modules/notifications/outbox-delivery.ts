import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import { notificationsRepository as repo } from './notifications.repository.js';
import type { SmsGateway } from './sms-gateway.js';

/** After this many failed attempts a message is left as `failed` for a person to look at. */
const MAX_ATTEMPTS = 5;

/**
 * Hands pending SMS rows to the gateway, oldest first. Each row is marked as the gateway answers,
 * so a crash in between sends a message at most once more — never loses it.
 */
export async function deliverOutbox(deps: { db: Kysely<DB>; cipher: Cipher; clock: Clock; smsGateway: SmsGateway }, batch = 100) {
  const { db, cipher, clock, smsGateway } = deps;
  const pending = await repo.pendingSms(db, batch);
  const counts = { delivered: 0, failed: 0 };
  for (const message of pending) {
    try {
      const status = await smsGateway.deliver({ id: message.id, phone: cipher.decrypt(message.recipientPhoneEnc!), body: message.body });
      await repo.recordAttempt(db, message.id, { status, sentAt: clock.now().toISOString(), attempts: message.attempts + 1 });
      counts.delivered++;
    } catch {
      const attempts = message.attempts + 1;
      await repo.recordAttempt(db, message.id, { attempts, status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' });
      counts.failed++;
    }
  }
  return counts;
}

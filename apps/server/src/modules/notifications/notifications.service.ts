import type { Locale, NoticeListQuery, OutboxQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import { presentNotice, presentOutboxMessage } from './notifications.presenter.js';
import { notificationsRepository as repo } from './notifications.repository.js';

export interface NotificationsDeps {
  db: Kysely<DB>;
  cipher: Cipher;
}

/** A staff member's own notices, and the SMS outbox for those who check on it. */
export function createNotificationsService({ db, cipher }: NotificationsDeps) {
  return {
    /** The actor's own notices: every staff member reads theirs, nobody else's. */
    async notices(actor: Actor, query: NoticeListQuery, locale: Locale) {
      const rows = await repo.noticesOf(db, actor.userId, query);
      return { items: rows.map((r) => presentNotice(r, locale)) };
    },

    /** Marks one of the actor's notices read; 404 for anyone else's. */
    async markRead(actor: Actor, id: string): Promise<void> {
      if (!(await repo.markRead(db, actor.userId, id))) throw notFound();
    },

    /** The SMS outbox, phones masked — admins and supervisors. */
    async outbox(actor: Actor, query: OutboxQuery) {
      assertCan(actor, 'audit.read');
      return { items: (await repo.sms(db, query)).map((r) => presentOutboxMessage(r, cipher)) };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;

import { type Locale, NOTICE_KINDS, NOTICE_SMS_BY_DEFAULT, type NoticeListQuery, type NoticePreferencesBody, type NoticeView, type OutboxQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { NoticeBus, NoticeSignal } from './notice-bus.js';
import { presentNotice, presentOutboxMessage } from './notifications.presenter.js';
import { notificationsRepository as repo } from './notifications.repository.js';

export interface NotificationsDeps {
  db: Kysely<DB>;
  cipher: Cipher;
  /** Tells open streams about notices and read marks (absent: nothing is live). */
  bus?: NoticeBus;
  clock?: Clock;
}

/** Where a live stream sends what it learns. */
export interface NoticeSink {
  count(unread: number): void;
  notice(notice: NoticeView): void;
}

/**
 * A staff member's own notices — list, unread count, read marks, live stream, SMS choices — and
 * the SMS outbox for those who check on it. Every notice operation is the signed-in user's own:
 * nobody reads or marks anyone else's.
 */
export function createNotificationsService({ db, cipher, bus, clock }: NotificationsDeps) {
  /** Tells the user's open streams that their unread count changed. */
  const countChanged = (userId: string) => bus?.announce(db, [{ userId, noticeId: null }]);

  return {
    /** The actor's own notices, filtered and paged. */
    async notices(actor: Actor, query: NoticeListQuery, locale: Locale) {
      const rows = await repo.noticesOf(db, actor.userId, query);
      const more = rows.length > query.limit;
      return { items: rows.slice(0, query.limit).map((r) => presentNotice(r, locale)), nextOffset: more ? query.offset + query.limit : null };
    },

    async unreadCount(actor: Actor) {
      return { unread: await repo.unreadCount(db, actor.userId) };
    },

    /** Marks one of the actor's notices read; 404 for anyone else's. */
    async markRead(actor: Actor, id: string): Promise<void> {
      if (!(await repo.markRead(db, actor.userId, id))) throw notFound();
      await countChanged(actor.userId);
    },

    /** Marks all the actor's notices read. */
    async markAllRead(actor: Actor) {
      const marked = await repo.markAllRead(db, actor.userId);
      if (marked) await countChanged(actor.userId);
      return { marked };
    },

    /** Which kinds also go to the actor by SMS: their choices over the defaults. */
    async preferences(actor: Actor) {
      const stored = new Map((await repo.preferencesOf(db, actor.userId)).map((p) => [p.kind, p.sms === 1]));
      return {
        items: NOTICE_KINDS.map((kind) => ({ kind, sms: stored.get(kind) ?? NOTICE_SMS_BY_DEFAULT.includes(kind) })),
        hasPhone: await repo.hasPhone(db, actor.userId),
      };
    },

    /** Saves the actor's choices for the kinds given. */
    async savePreferences(actor: Actor, body: NoticePreferencesBody) {
      await repo.savePreferences(db, actor.userId, body.items, (clock?.now() ?? new Date()).toISOString());
      return this.preferences(actor);
    },

    /**
     * Follows the actor's notices live: sends the unread count now, then each notice written for
     * them (once committed) and the count whenever it changes. Resolves to the function that stops.
     */
    async watch(actor: Actor, locale: Locale, sink: NoticeSink): Promise<() => void> {
      if (!bus) throw new Error('no notice bus');
      const sent = new Set<string>();
      let stopped = false;
      // One signal at a time, in order: each reads the database after the previous one.
      let queue = Promise.resolve();
      const onSignal = (signal: NoticeSignal) => {
        queue = queue
          .then(async () => {
            if (stopped) return;
            if (signal.noticeId && !sent.has(signal.noticeId)) {
              const row = await repo.noticeOf(db, actor.userId, signal.noticeId);
              if (row && !stopped) {
                if (sent.size > 1000) sent.clear();
                sent.add(row.id);
                sink.notice(presentNotice(row, locale));
              }
            }
            const unread = await repo.unreadCount(db, actor.userId);
            if (!stopped) sink.count(unread);
          })
          .catch(() => {});
      };
      const unsubscribe = await bus.subscribe(actor.userId, onSignal);
      sink.count(await repo.unreadCount(db, actor.userId));
      return () => {
        stopped = true;
        unsubscribe();
      };
    },

    /** The SMS outbox, phones masked — admins and supervisors. */
    async outbox(actor: Actor, query: OutboxQuery) {
      assertCan(actor, 'audit.read');
      return { items: (await repo.sms(db, query)).map((r) => presentOutboxMessage(r, cipher)) };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;

import { type NoticeKind, type NoticeListQuery, NOTICE_SMS_BY_DEFAULT, type OutboxQuery } from '@lianxin/core';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, OutboxTable } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The columns a person or the API may read: every one but `secretEnc`, which only delivery reads. */
const READABLE = ['id', 'channel', 'recipientUserId', 'recipientPhoneEnc', 'template', 'params', 'body', 'caseId', 'status', 'attempts', 'createdAt', 'sentAt', 'documentType', 'noticeKind', 'targetKind', 'targetId'] as const;

/** The first instant of a China-time day (UTC+8, no daylight saving), as stored. */
const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const chinaDayEnd = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

/** Typed queries of the outbox: staff notices (channel `internal`) and SMS to residents. */
export const notificationsRepository = {
  /** Writes messages, inside the caller's transaction so they exist exactly when its change commits. */
  async insert(trx: Q, rows: Insertable<OutboxTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('outbox').values(rows).execute();
  },

  /** A staff member's notices, newest first, filtered by read state, kind and period; offset-paged. */
  noticesOf(db: Q, userId: string, q: NoticeListQuery) {
    let query = db.selectFrom('outbox').select(READABLE).where('recipientUserId', '=', userId).where('channel', '=', 'internal');
    if (q.unread === 'true') query = query.where('status', '=', 'pending');
    if (q.unread === 'false') query = query.where('status', '=', 'read');
    if (q.kind) query = query.where('noticeKind', '=', q.kind);
    if (q.from) query = query.where('createdAt', '>=', chinaDayStart(q.from));
    if (q.to) query = query.where('createdAt', '<', chinaDayEnd(q.to));
    if (q.before) query = query.where('createdAt', '<', new Date(q.before).toISOString());
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').offset(q.offset).limit(q.limit + 1).execute();
  },

  /** One of the recipient's notices, or undefined. */
  noticeOf(db: Q, userId: string, id: string) {
    return db.selectFrom('outbox').select(READABLE).where('id', '=', id).where('recipientUserId', '=', userId).where('channel', '=', 'internal').executeTakeFirst();
  },

  /** How many of the recipient's notices are unread. */
  async unreadCount(db: Q, userId: string): Promise<number> {
    const row = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recipientUserId', '=', userId)
      .where('status', '=', 'pending')
      .where('channel', '=', 'internal')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks one of the recipient's notices read; false when it is not theirs or does not exist. */
  async markRead(db: Q, userId: string, id: string): Promise<boolean> {
    const result = await db.updateTable('outbox').set({ status: 'read' }).where('id', '=', id).where('recipientUserId', '=', userId).where('channel', '=', 'internal').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Marks every unread notice of the recipient read; answers how many. */
  async markAllRead(db: Q, userId: string): Promise<number> {
    const result = await db.updateTable('outbox').set({ status: 'read' }).where('recipientUserId', '=', userId).where('status', '=', 'pending').where('channel', '=', 'internal').executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** The user's stored SMS choices (kinds without a row keep their default). */
  preferencesOf(db: Q, userId: string) {
    return db.selectFrom('noticePreferences').select(['kind', 'sms']).where('userId', '=', userId).execute();
  },

  /** Stores the user's choice for each kind given. */
  async savePreferences(db: Q, userId: string, items: ReadonlyArray<{ kind: string; sms: boolean }>, at: string): Promise<void> {
    for (const item of items) {
      await db
        .insertInto('noticePreferences')
        .values({ userId, kind: item.kind, sms: item.sms ? 1 : 0, updatedAt: at })
        .onConflict((oc) => oc.columns(['userId', 'kind']).doUpdateSet({ sms: item.sms ? 1 : 0, updatedAt: at }))
        .execute();
    }
  },

  /** Whether the user has a phone for SMS. */
  async hasPhone(db: Q, userId: string): Promise<boolean> {
    const row = await db.selectFrom('users').select('phoneEnc').where('id', '=', userId).executeTakeFirst();
    return !!row?.phoneEnc;
  },

  /**
   * The encrypted phones of the active users among `userIds` who get notices of `kind` by SMS too:
   * their own choice, else the default for the kind.
   */
  async smsRecipients(db: Q, userIds: readonly string[], kind: NoticeKind): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await db
      .selectFrom('users')
      .leftJoin('noticePreferences', (join) => join.onRef('noticePreferences.userId', '=', 'users.id').on('noticePreferences.kind', '=', kind))
      .select(['users.phoneEnc', 'noticePreferences.sms'])
      .where('users.id', 'in', [...userIds])
      .where('users.isActive', '=', 1)
      .where('users.phoneEnc', 'is not', null)
      .execute();
    const byDefault = NOTICE_SMS_BY_DEFAULT.includes(kind);
    return rows.filter((r) => (r.sms === null ? byDefault : r.sms === 1)).map((r) => r.phoneEnc!);
  },

  /** SMS of the outbox, newest first, keyset-paged by creation time. */
  sms(db: Q, q: OutboxQuery) {
    let query = db.selectFrom('outbox').select(READABLE).where('channel', '=', 'sms');
    if (q.caseId) query = query.where('caseId', '=', q.caseId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.before) query = query.where('createdAt', '<', new Date(q.before).toISOString());
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  },

  /** Pending SMS, oldest first, for delivery — with their encrypted secret, which only delivery reads. */
  pendingSms(db: Q, limit: number) {
    return db
      .selectFrom('outbox')
      .select(['id', 'recipientPhoneEnc', 'template', 'params', 'body', 'attempts', 'secretEnc'])
      .where('channel', '=', 'sms')
      .where('status', '=', 'pending')
      .orderBy('createdAt')
      .limit(limit)
      .execute();
  },

  /** Records the outcome of one delivery attempt (`secretEnc: null` drops the message's secret). */
  async recordAttempt(db: Q, id: string, changes: { status: string; attempts: number; sentAt?: string; secretEnc?: null }): Promise<void> {
    await db.updateTable('outbox').set(changes).where('id', '=', id).execute();
  },
};
export type OutboxRow = Awaited<ReturnType<typeof notificationsRepository.sms>>[number];

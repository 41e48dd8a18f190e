import type { NoticeListQuery, OutboxQuery } from '@lianxin/core';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, OutboxTable } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The columns a person or the API may read: every one but `secretEnc`, which only delivery reads. */
const READABLE = ['id', 'channel', 'recipientUserId', 'recipientPhoneEnc', 'template', 'params', 'body', 'caseId', 'status', 'attempts', 'createdAt', 'sentAt', 'documentType'] as const;

/** Typed queries of the outbox: staff notices (channel `internal`) and SMS to residents. */
export const notificationsRepository = {
  /** Writes messages, inside the caller's transaction so they exist exactly when its change commits. */
  async insert(trx: Q, rows: Insertable<OutboxTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('outbox').values(rows).execute();
  },

  /** A staff member's notices, newest first, keyset-paged by creation time. */
  noticesOf(db: Q, userId: string, q: NoticeListQuery) {
    let query = db.selectFrom('outbox').select(READABLE).where('recipientUserId', '=', userId);
    if (q.unread === 'true') query = query.where('status', '=', 'pending');
    if (q.before) query = query.where('createdAt', '<', new Date(q.before).toISOString());
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  },

  /** Marks one of the recipient's notices read; false when it is not theirs or does not exist. */
  async markRead(db: Q, userId: string, id: string): Promise<boolean> {
    const result = await db.updateTable('outbox').set({ status: 'read' }).where('id', '=', id).where('recipientUserId', '=', userId).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
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

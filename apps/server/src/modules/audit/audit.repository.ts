import type { AuditListQuery } from '@lianxin/core';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AuditLogTable, DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The counter row that orders the hash chain. */
const CHAIN = 'audit';

/** Typed queries of the audit log. Entries are only ever appended (AuditLog.append). */
export const auditRepository = {
  /**
   * Takes the next sequence number and the previous entry's hash. Bumping the counter row takes
   * its lock, so entries are chained in commit order on both databases.
   */
  async nextLink(trx: Q): Promise<{ seq: number; prevHash: string | null }> {
    const head = await trx
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', CHAIN)
      .returning(['value', 'textValue'])
      .executeTakeFirstOrThrow();
    return { seq: head.value, prevHash: head.textValue };
  },

  /** Writes an entry and makes its hash the head of the chain. */
  async append(trx: Q, row: Insertable<AuditLogTable>): Promise<void> {
    await trx.insertInto('auditLog').values(row).execute();
    await trx.updateTable('counters').set({ textValue: row.hash }).where('name', '=', CHAIN).execute();
  },

  /** Entries after `seq` and up to `upTo` in chain order, for walking the chain. */
  after(db: Q, seq: number, upTo: number, limit: number) {
    return db.selectFrom('auditLog').selectAll().where('seq', '>', seq).where('seq', '<=', upTo).orderBy('seq').limit(limit).execute();
  },

  /** The head of the chain as the counter row keeps it: the last sequence number and its MAC. */
  async head(db: Q): Promise<{ seq: number; mac: string | null }> {
    const row = await db.selectFrom('counters').select(['value', 'textValue']).where('name', '=', CHAIN).executeTakeFirst();
    return { seq: row?.value ?? 0, mac: row?.textValue ?? null };
  },

  /** The newest committed entry, or undefined when the log is empty. */
  last(db: Q) {
    return db.selectFrom('auditLog').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  },

  /** Creates the chain's counter row (idempotent). */
  async ensureCounter(db: Q): Promise<void> {
    await db.insertInto('counters').values({ name: CHAIN, value: 0, textValue: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
  },

  /**
   * Newest entries first, keyset-paged by sequence number, with the actor's display name.
   * Served by the primary key, audit_subject, and audit_actor (migration 2026112102).
   */
  async page(db: Q, q: AuditListQuery) {
    let query = db.selectFrom('auditLog').leftJoin('users', 'users.id', 'auditLog.actorUserId');
    if (q.subjectType) query = query.where('auditLog.subjectType', '=', q.subjectType);
    if (q.subjectId) query = query.where('auditLog.subjectId', '=', q.subjectId);
    if (q.actorUserId) query = query.where('auditLog.actorUserId', '=', q.actorUserId);
    if (q.before) query = query.where('auditLog.seq', '<', q.before);
    const rows = await query
      .select(['auditLog.seq', 'auditLog.at', 'auditLog.actorUserId', 'users.displayName as actorName', 'auditLog.action', 'auditLog.subjectType', 'auditLog.subjectId', 'auditLog.detail', 'auditLog.hash'])
      .orderBy('auditLog.seq', 'desc')
      .limit(q.limit + 1)
      .execute();
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].seq : null };
  },
};
export type AuditEntryRow = Awaited<ReturnType<typeof auditRepository.page>>['items'][number];

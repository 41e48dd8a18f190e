import type { AuditListQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Read queries of the audit log (writes go through AuditLog.append only). */
export const auditRepository = {
  /**
   * Newest entries first, keyset-paged by sequence number, with the actor's display name.
   * Served by the primary key, audit_subject, and audit_actor (migration 2026112102).
   */
  async page(db: Kysely<DB>, q: AuditListQuery) {
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

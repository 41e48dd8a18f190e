import type { AuditEntrySchema, Contract } from '@lianxin/core';
import type { AuditEntryRow } from './audit.repository.js';

/** One audit entry → its response contract, the detail parsed. */
export function presentAuditEntry(e: AuditEntryRow): Contract<typeof AuditEntrySchema> {
  return {
    seq: e.seq,
    at: e.at,
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    detail: e.detail ? (JSON.parse(e.detail) as unknown) : null,
    hash: e.hash,
  };
}

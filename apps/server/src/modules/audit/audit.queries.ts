import type { AuditListQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertAuditReader } from '../admin/admin.policy.js';
import type { Actor } from '../../access/actor.js';
import { auditRepository as repo } from './audit.repository.js';
import type { AuditLog } from './audit.service.js';

/** Reading and checking the audit log — admins and supervisors (纪检) only. */
export function createAuditQueries({ db, audit }: { db: Kysely<DB>; audit: AuditLog }) {
  return {
    async list(actor: Actor, query: AuditListQuery) {
      assertAuditReader(actor);
      return repo.page(db, query);
    },
    /** Walks the hash chain: `brokenAt` is the first entry altered or out of place, or null. */
    async verify(actor: Actor) {
      assertAuditReader(actor);
      return audit.verify();
    },
  };
}
export type AuditQueries = ReturnType<typeof createAuditQueries>;

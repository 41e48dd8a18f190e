import type { AuditListQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { DB } from '../../db/schema.js';
import { presentAuditEntry } from './audit.presenter.js';
import { auditRepository as repo } from './audit.repository.js';
import type { AuditLog } from './audit.service.js';

/** Reading and checking the audit log — admins and supervisors (纪检), who check on the admins. */
export function createAuditReader({ db, audit }: { db: Kysely<DB>; audit: Pick<AuditLog, 'verify'> }) {
  return {
    async list(actor: Actor, query: AuditListQuery) {
      assertCan(actor, 'audit.read');
      const page = await repo.page(db, query);
      return { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
    /** Walks the hash chain: `brokenAt` is the first entry altered or out of place, or null. */
    async verify(actor: Actor) {
      assertCan(actor, 'audit.read');
      return audit.verify();
    },
  };
}
export type AuditReader = ReturnType<typeof createAuditReader>;

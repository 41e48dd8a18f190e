import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { auditRepository as repo } from './audit.repository.js';

/** One entry of the append-only audit log. */
export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function entryHash(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
  const body = JSON.stringify([seq, at, entry.actorUserId, entry.action, entry.subjectType, entry.subjectId ?? null, entry.detail ?? null]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * The tamper-evident audit log: each entry stores the hash of the previous one, so editing or
 * deleting any row breaks the chain from there on, which `verify` detects.
 */
export function createAuditLog({ db, clock }: { db: Kysely<DB>; clock: Clock }) {
  async function appendIn(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry): Promise<void> {
    const link = await repo.nextLink(trx);
    const at = clock.now().toISOString();
    const prevHash = link.prevHash ?? GENESIS;
    await repo.append(trx, {
      seq: link.seq,
      at,
      actorUserId: entry.actorUserId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      prevHash,
      hash: entryHash(prevHash, link.seq, at, entry),
    });
  }

  return {
    /** Appends an entry, inside `trx` when the caller has one (so it commits with the change). */
    async append(entry: AuditEntry, trx?: Transaction<DB>): Promise<void> {
      if (trx) return appendIn(trx, entry);
      await db.transaction().execute((t) => appendIn(t, entry));
    },

    /** Walks the chain; returns the first broken sequence number, or null when intact. */
    async verify(): Promise<{ entries: number; brokenAt: number | null }> {
      let prev = GENESIS;
      let count = 0;
      let after = 0;
      for (;;) {
        const page = await repo.after(db, after, 1000);
        if (page.length === 0) break;
        for (const row of page) {
          const expected = entryHash(prev, row.seq, row.at, {
            actorUserId: row.actorUserId,
            action: row.action,
            subjectType: row.subjectType,
            subjectId: row.subjectId,
            detail: row.detail ? JSON.parse(row.detail) : undefined,
          });
          if (row.prevHash !== prev || row.hash !== expected) return { entries: count, brokenAt: row.seq };
          prev = row.hash;
          count++;
        }
        after = page[page.length - 1].seq;
      }
      return { entries: count, brokenAt: null };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

/** Creates the counter rows the services rely on (idempotent). */
export const ensureCounters = (db: Kysely<DB>): Promise<void> => repo.ensureCounter(db);

import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditVerifyView } from '@lianxin/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { AuditLogTable, DB } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
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
/** Marks a keyed link: `hmac-sha256:<hex>`. A hash without it is a link written before keyed MACs (plain SHA-256). */
export const MAC_PREFIX = 'hmac-sha256:';
/** The signed checkpoints, outside the database, in the data folder. */
export const CHECKPOINT_FILE = 'audit-checkpoints.log';
/** A checkpoint is written after every this many entries (and on each verify, and at shutdown). */
export const CHECKPOINT_EVERY = 100;

function entryBody(seq: number, at: string, entry: AuditEntry): string {
  return JSON.stringify([seq, at, entry.actorUserId, entry.action, entry.subjectType, entry.subjectId ?? null, entry.detail ?? null]);
}

/** The plain SHA-256 link of entries written before keyed MACs; kept only to verify them. */
export function legacyHash(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(entryBody(seq, at, entry)).digest('hex');
}

function entryOf(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    actorUserId: row.actorUserId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : undefined,
  };
}

interface Checkpoint {
  seq: number;
  mac: string;
  at: string;
}

/**
 * The tamper-evident audit log. Each entry stores the previous entry's link and its own keyed MAC
 * (HMAC-SHA-256 under the audit MAC key, which the database never holds), so editing, reordering
 * or recomputing any row is detected; the head in the counter row and the signed checkpoints in
 * a file outside the database catch rows cut off the end.
 */
export function createAuditLog({ db, clock, cipher, dataDir }: { db: Kysely<DB>; clock: Clock; cipher: Pick<Cipher, 'auditMac'>; dataDir: string }) {
  const checkpointPath = join(dataDir, CHECKPOINT_FILE);
  const entryMac = (prevHash: string, seq: number, at: string, entry: AuditEntry) =>
    MAC_PREFIX + cipher.auditMac(`entry\n${prevHash}\n${entryBody(seq, at, entry)}`);
  const signature = (c: Checkpoint) => cipher.auditMac(`checkpoint\n${c.seq}\n${c.mac}\n${c.at}`);

  /** Appends one signed line and fsyncs it (owner-only file). */
  async function writeCheckpoint(c: Omit<Checkpoint, 'at'>): Promise<Checkpoint> {
    const line: Checkpoint & { signature: string } = { ...c, at: clock.now().toISOString(), signature: '' };
    line.signature = signature(line);
    const file = await open(checkpointPath, 'a', 0o600);
    try {
      await file.writeFile(`${JSON.stringify(line)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    return { seq: line.seq, mac: line.mac, at: line.at };
  }

  /** The checkpoint lines: the ones whose signature holds, and how many do not. */
  async function readCheckpoints(): Promise<{ valid: Checkpoint[]; forged: number }> {
    let text: string;
    try {
      text = await readFile(checkpointPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { valid: [], forged: 0 };
      throw error;
    }
    const lines = text.split('\n');
    lines.pop(); // after the last newline: empty, or a line torn by a crash mid-write
    const valid: Checkpoint[] = [];
    let forged = 0;
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const c = JSON.parse(line) as Checkpoint & { signature: unknown };
        if (Number.isInteger(c.seq) && typeof c.mac === 'string' && typeof c.at === 'string' && c.signature === signature(c)) valid.push({ seq: c.seq, mac: c.mac, at: c.at });
        else forged++;
      } catch {
        forged++;
      }
    }
    return { valid, forged };
  }

  /** Checkpoints the newest committed entry, if its own MAC holds. Runs after the append's commit. */
  async function checkpointCommittedHead(): Promise<void> {
    const row = await repo.last(db);
    if (!row || row.hash !== entryMac(row.prevHash, row.seq, row.at, entryOf(row))) return;
    await writeCheckpoint({ seq: row.seq, mac: row.hash });
  }

  async function appendIn(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry): Promise<number> {
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
      hash: entryMac(prevHash, link.seq, at, entry),
    });
    // The first keyed entry (of a new log, or after the upgrade) and every CHECKPOINT_EVERY-th get a checkpoint.
    const due = link.seq % CHECKPOINT_EVERY === 0 || !prevHash.startsWith(MAC_PREFIX);
    if (due) {
      // After the caller's transaction commits (a rolled-back entry must never be checkpointed):
      // the query waits for it, and reads only what is committed. Best effort; verify and
      // shutdown checkpoint again.
      setImmediate(() => void checkpointCommittedHead().catch(() => undefined));
    }
    return link.seq;
  }

  /** Walks the chain up to the head, against the head and every valid checkpoint. */
  async function verify(): Promise<AuditVerifyView> {
    // Read in this order so that nothing appended meanwhile looks missing: every checkpoint is at
    // or below the head read after it, and the walk stops at that head.
    const { valid, forged } = await readCheckpoints();
    const head = await repo.head(db);
    let newest = valid.reduce<Checkpoint | null>((a, c) => (!a || c.seq >= a.seq ? c : a), null);
    const bySeq = new Map<number, string[]>();
    for (const c of valid) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c.mac]);
    const result = (entries: number, brokenAt: number | null, problem: AuditVerifyView['problem']): AuditVerifyView => ({
      ok: problem === null,
      entries,
      brokenAt,
      problem,
      head,
      checkpoint: newest ? { seq: newest.seq, at: newest.at } : null,
      checkpoints: valid.length,
      forgedCheckpoints: forged,
    });

    let prev = GENESIS;
    let count = 0;
    let after = 0;
    let keyed = false;
    for (;;) {
      const page = await repo.after(db, after, head.seq, 1000);
      if (page.length === 0) break;
      for (const row of page) {
        if (row.seq !== after + 1) return result(count, after + 1, 'missing');
        const entry = entryOf(row);
        const isKeyed = row.hash.startsWith(MAC_PREFIX);
        // Plain SHA-256 links are accepted only before the first keyed one (rows from before the upgrade).
        const expected = isKeyed ? entryMac(prev, row.seq, row.at, entry) : keyed ? null : legacyHash(prev, row.seq, row.at, entry);
        const checkpointed = bySeq.get(row.seq) ?? [];
        if (row.prevHash !== prev || row.hash !== expected || checkpointed.some((mac) => mac !== row.hash)) return result(count, row.seq, 'altered');
        keyed ||= isKeyed;
        prev = row.hash;
        after = row.seq;
        count++;
      }
    }
    // Rows cut off the end: the head or a checkpoint names a later entry than the last one found.
    if (count < head.seq) return result(count, count + 1, 'truncated');
    if (newest && newest.seq > count) return result(count, count + 1, 'truncated');
    if ((head.mac ?? null) !== (count ? prev : null)) return result(count, count || null, 'head');
    if (forged > 0) return result(count, null, 'forged-checkpoint');
    if (count > 0 && !(newest && newest.seq === count && newest.mac === prev)) {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      valid.push((newest = await writeCheckpoint({ seq: count, mac: prev })));
    }
    return result(count, null, null);
  }

  return {
    /** Appends an entry, inside `trx` when the caller has one (so it commits with the change). */
    async append(entry: AuditEntry, trx?: Transaction<DB>): Promise<void> {
      if (trx) {
        await appendIn(trx, entry);
        return;
      }
      await db.transaction().execute((t) => appendIn(t, entry));
    },

    /**
     * Walks the chain and compares it with the head in the counter row and the signed checkpoints;
     * when intact, checkpoints the head.
     */
    verify,

    /** Writes a checkpoint of the newest committed entry (at shutdown). */
    checkpoint: checkpointCommittedHead,
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

/** Creates the counter rows the services rely on (idempotent). */
export const ensureCounters = (db: Kysely<DB>): Promise<void> => repo.ensureCounter(db);

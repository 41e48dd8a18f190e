import type { DeadLetterList, JobRunner } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import type { DB } from '../db/schema.js';
import type { AuditLog } from '../modules/audit/audit.service.js';
import { deadLetterQueries } from './dead-letters.js';
import type { HotspotScanResult } from './hotspot-scan.js';
import type { SweepResult } from './time-limit-sweep.js';

export interface JobsServiceDeps {
  /** One time-limit sweep as of now. */
  sweep: () => Promise<SweepResult>;
  /** One early-warning scan as of now. */
  scan: () => Promise<HotspotScanResult>;
  audit: Pick<AuditLog, 'append'>;
  // — several processes (issue 19) —
  db: Kysely<DB>;
  /** How scheduled work runs here: in process (SQLite) or through the PostgreSQL queue. */
  runner: JobRunner;
  /** Retries a failed job gets on the queue before it becomes a dead letter. */
  retries: number;
}

/** Jobs a person may start by hand, each recorded in the audit log; the dead letters of scheduled work. */
export function createJobsService({ sweep, scan, audit, db, runner, retries }: JobsServiceDeps) {
  return {
    /** A time-limit sweep now, started by an administrator or a supervisor. */
    async runTimeLimitSweep(actor: Actor): Promise<SweepResult> {
      assertCan(actor, 'job.run');
      const result = await sweep();
      await audit.append({ actorUserId: actor.userId, action: 'run_job', subjectType: 'job', subjectId: 'time-limit-sweep', detail: { ...result } });
      return result;
    },

    /** Scheduled work that failed every attempt, newest first (admin). */
    async deadLetters(actor: Actor, { limit }: { limit: number }): Promise<DeadLetterList> {
      assertCan(actor, 'job.failures');
      const rows = await deadLetterQueries.list(db, limit);
      return { runner, retries: runner === 'queue' ? retries : 0, items: rows.map((r) => ({ ...r, attempts: Number(r.attempts) })) };
    },

    /** An early-warning scan now (hot topics, repeat requesters, risk words), by an administrator or a supervisor. */
    async runHotspotScan(actor: Actor): Promise<HotspotScanResult> {
      assertCan(actor, 'job.run');
      const result = await scan();
      await audit.append({ actorUserId: actor.userId, action: 'run_job', subjectType: 'job', subjectId: 'hotspot-scan', detail: { ...result } });
      return result;
    },
  };
}
export type JobsService = ReturnType<typeof createJobsService>;

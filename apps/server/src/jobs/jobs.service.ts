import { assertCan } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import type { AuditLog } from '../modules/audit/audit.service.js';
import type { HotspotScanResult } from './hotspot-scan.js';
import type { SweepResult } from './time-limit-sweep.js';

export interface JobsServiceDeps {
  /** One time-limit sweep as of now. */
  sweep: () => Promise<SweepResult>;
  /** One early-warning scan as of now. */
  scan: () => Promise<HotspotScanResult>;
  audit: Pick<AuditLog, 'append'>;
}

/** Jobs a person may start by hand, each recorded in the audit log. */
export function createJobsService({ sweep, scan, audit }: JobsServiceDeps) {
  return {
    /** A time-limit sweep now, started by an administrator or a supervisor. */
    async runTimeLimitSweep(actor: Actor): Promise<SweepResult> {
      assertCan(actor, 'job.run');
      const result = await sweep();
      await audit.append({ actorUserId: actor.userId, action: 'run_job', subjectType: 'job', subjectId: 'time-limit-sweep', detail: { ...result } });
      return result;
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

import { assertCan } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import type { AuditLog } from '../modules/audit/audit.service.js';
import type { SweepResult } from './time-limit-sweep.js';

export interface JobsServiceDeps {
  /** One time-limit sweep as of now. */
  sweep: () => Promise<SweepResult>;
  audit: Pick<AuditLog, 'append'>;
}

/** Jobs a person may start by hand, each recorded in the audit log. */
export function createJobsService({ sweep, audit }: JobsServiceDeps) {
  return {
    /** A time-limit sweep now, started by an administrator or a supervisor. */
    async runTimeLimitSweep(actor: Actor): Promise<SweepResult> {
      assertCan(actor, 'job.run');
      const result = await sweep();
      await audit.append({ actorUserId: actor.userId, action: 'run_job', subjectType: 'job', subjectId: 'time-limit-sweep', detail: { ...result } });
      return result;
    },
  };
}
export type JobsService = ReturnType<typeof createJobsService>;

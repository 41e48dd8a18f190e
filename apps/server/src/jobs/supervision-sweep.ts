/**
 * The supervision sweep (督办逾期): every order whose written response is late is escalated once —
 * an accountability record against the unit for each of its cases, an event on each case, a
 * notice to the issuer and the unit head. The work itself is the supervision module's; this job
 * only runs it on schedule (jobs call modules, never the reverse).
 */
export interface SupervisionSweepDeps {
  supervision?: { sweepOverdue(): Promise<{ escalated: number }> };
}

/** Default interval: once a minute, like the time-limit sweep. */
export const SUPERVISION_SWEEP_MS = 60_000;

/** The sweep to schedule, or undefined when the services carry no supervision module. */
export const supervisionSweep = ({ supervision }: SupervisionSweepDeps) => (supervision ? () => supervision.sweepOverdue() : undefined);

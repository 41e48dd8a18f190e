import { deliverOutbox } from '../modules/notifications/outbox-delivery.js';
import type { SmsGateway } from '../modules/notifications/sms-gateway.js';
import type { Cipher } from '../security/cipher.js';
import { type HotspotDeps, type HotspotScanResult, runHotspotScan } from './hotspot-scan.js';
import { createTimeLimitSweep, type SweepDeps, type SweepResult } from './time-limit-sweep.js';
// — several processes (issue 19) —
import type { JobName } from '@lianxin/core';
import { type JobLogger, type QueueOptions, type ScheduledJob, startQueue } from './queue.js';
export type { JobLogger } from './queue.js';
// — supervision —
import { SUPERVISION_SWEEP_MS, supervisionSweep, type SupervisionSweepDeps } from './supervision-sweep.js';

/** What the scheduled jobs work with (named, so the jobs reach only the modules they call). */
export interface JobsDeps extends SweepDeps, HotspotDeps, /* — supervision — */ SupervisionSweepDeps {
  cipher: Cipher;
  smsGateway: SmsGateway;
  config?: { retrainHours?: number };
  suggest?: { retrainScheduled(): Promise<unknown> };
  // — bulletins —
  bulletins?: { generateDue(): Promise<{ generated: number }> };
  // — duty —
  duty?: { routeAfterHours(): Promise<{ claimed: number }>; sweepGaps(): Promise<{ notified: number }> };
  // — service centre —: applications' time limits, swept with the cases'
  serviceCentre?: { sweep(): Promise<{ yellow: number; escalated1: number; escalated2: number }> };
}

export interface JobsOptions {
  /** Time between sweeps (default 60 s). */
  intervalMs?: number;
  /** Time between outbox deliveries (default 5 s): residents should get their tracking code at once. */
  outboxIntervalMs?: number;
  /** Where failures go (default: the console); main.ts passes `app.log`. */
  log?: JobLogger;
  /** The sweep to run (tests replace it); default: the time-limit sweep over `services`. */
  sweep?: () => Promise<SweepResult>;
  /** The outbox delivery to run (tests replace it); default: SMS rows to `services.smsGateway`. */
  deliver?: () => Promise<unknown>;
  /** Time between early-warning scans (default 10 min). */
  hotspotIntervalMs?: number;
  /** The early-warning scan to run (tests replace it); default: the hotspot scan over `services`. */
  scanHotspots?: () => Promise<unknown>;
  /**
   * Time between scheduled retrainings of the suggestion models (default: `config.retrainHours`,
   * 24 h; 0 turns the schedule off). The first one comes after one interval: the models are
   * trained on first use anyway.
   */
  retrainIntervalMs?: number;
  /** The retraining to run (tests replace it); default: `services.suggest.retrainScheduled()`. */
  retrain?: () => Promise<unknown>;
  // — bulletins —
  /** Time between checks for a due weekly or monthly bulletin (default 1 h; 0 turns it off). */
  bulletinIntervalMs?: number;
  // — several processes (issue 19) —
  /** In process: called after a run failed (main.ts records a dead letter). */
  onFailure?: (job: JobName, error: unknown) => Promise<void>;
  /** Wait before the first runs (main.ts: a moment after listening, so the first requests meet no job). */
  firstRunDelayMs?: number;
}

const consoleLogger: JobLogger = {
  info: (obj, msg) => console.log(msg ?? '', obj),
  error: (obj, msg) => console.error(msg ?? '', obj),
};

/**
 * Runs `job` at once (or, with `atOnce: false`, after one interval) and then every `everyMs`. A run never overlaps the previous one (a tick
 * that finds one running is skipped), errors are logged and never thrown, and the timers do not
 * keep the process alive. `stop()` resolves when a run in progress has finished.
 */
function schedule({ name, everyMs, run: job, report, atOnce = true }: ScheduledJob, log: JobLogger, onFailure?: JobsOptions['onFailure'], firstRunDelayMs = 0) {
  let running: Promise<void> | null = null;
  let stopped = false;
  function tick(): void {
    if (running || stopped) return;
    // Started through a resolved promise, so even a job that throws at once ends in `finally`.
    running = Promise.resolve()
      .then(job)
      .then(report, (err: unknown) => {
        log.error({ err }, `${name} failed`);
        return onFailure?.(name, err);
      })
      .catch(() => {}) // a failing logger must not become an unhandled rejection
      .finally(() => {
        running = null;
      });
  }
  const first = setTimeout(tick, atOnce ? firstRunDelayMs : everyMs);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}

/**
 * The scheduled work: the time-limit sweep every minute, the SMS outbox every few seconds, the
 * early-warning scan every ten minutes, the retraining of the suggestion models every
 * `config.retrainHours` (LIANXIN_RETRAIN_HOURS, default 24), and the modules' own sweeps.
 */
export function scheduledJobs(services: JobsDeps, options: JobsOptions = {}): ScheduledJob[] {
  const log = options.log ?? consoleLogger;
  const sweep =
    options.sweep ??
    (() => {
      const timeLimitSweep = createTimeLimitSweep(services, {
        onCaseError: (err, caseId) => log.error({ err, caseId }, 'time-limit sweep: case failed'),
      });
      return () => timeLimitSweep.run();
    })();
  const deliver = options.deliver ?? (() => deliverOutbox(services));
  const scanHotspots = options.scanHotspots ?? (() => runHotspotScan(services));

  const jobs: ScheduledJob[] = [
    {
      name: 'time-limit-sweep',
      everyMs: options.intervalMs ?? 60_000,
      run: sweep,
      report: (result) => {
        const r = result as SweepResult;
        if (r.yellow || r.escalated1 || r.escalated2 || r.callbacks || r.failed) log.info({ result }, 'time-limit sweep');
      },
    },
    {
      name: 'outbox-delivery',
      everyMs: options.outboxIntervalMs ?? 5_000,
      run: deliver,
      report: (result) => {
        const r = result as { delivered: number; failed: number };
        if (r.failed) log.info({ result }, 'outbox delivery');
      },
    },
    {
      name: 'hotspot-scan',
      everyMs: options.hotspotIntervalMs ?? 600_000,
      run: scanHotspots,
      report: (result) => {
        const r = result as HotspotScanResult | undefined;
        if (r && (r.hotspot || r.repeatRequester || r.riskWords || r.grown)) log.info({ result }, 'hotspot scan');
      },
    },
  ];
  const retrainMs = options.retrainIntervalMs ?? (services.config?.retrainHours ?? 24) * 3_600_000;
  const { suggest } = services;
  const retrain = options.retrain ?? (suggest ? () => suggest.retrainScheduled() : undefined);
  if (retrain && retrainMs > 0) {
    jobs.push({ name: 'suggestion-retrain', everyMs: retrainMs, run: retrain, report: (result) => log.info({ result }, 'suggestion models retrained'), atOnce: false });
  }
  // — supervision —
  const overdueOrders = supervisionSweep(services);
  if (overdueOrders) {
    jobs.push({
      name: 'supervision-sweep',
      everyMs: SUPERVISION_SWEEP_MS,
      run: overdueOrders,
      report: (result) => {
        if ((result as { escalated: number }).escalated) log.info({ result }, 'supervision sweep');
      },
    });
  }
  // — service centre —: applications' time limits on the same calendar and rules, at the sweep's interval
  const { serviceCentre } = services;
  if (serviceCentre && !options.sweep) {
    jobs.push({
      name: 'service-time-limit-sweep',
      everyMs: options.intervalMs ?? 60_000,
      run: () => serviceCentre.sweep(),
      report: (result) => {
        const r = result as { yellow: number; escalated1: number; escalated2: number };
        if (r.yellow || r.escalated1 || r.escalated2) log.info({ result }, 'service time-limit sweep');
      },
    });
  }
  // — bulletins —: last week's and last month's drafts, once each, as soon as the period ends.
  const { bulletins } = services;
  const bulletinMs = options.bulletinIntervalMs ?? 3_600_000;
  if (bulletins && bulletinMs > 0) {
    jobs.push({
      name: 'bulletins',
      everyMs: bulletinMs,
      run: () => bulletins.generateDue(),
      report: (result) => {
        if ((result as { generated: number }).generated) log.info({ result }, 'bulletins generated');
      },
      atOnce: false,
    });
  }
  // — duty —: out-of-hours online cases to the person on duty every minute; unfilled shifts a week ahead hourly.
  const { duty } = services;
  if (duty) {
    jobs.push({
      name: 'duty-routing',
      everyMs: 60_000,
      run: () => duty.routeAfterHours(),
      report: (result) => {
        if ((result as { claimed: number }).claimed) log.info({ result }, 'duty routing');
      },
    });
    jobs.push({ name: 'duty-gaps', everyMs: 3_600_000, run: () => duty.sweepGaps(), report: () => {}, atOnce: false });
  }
  return jobs;
}

/**
 * Scheduled work inside the server process (SQLite: one process). `stop()` waits for runs in
 * progress, so the database can then be closed.
 */
export function startJobs(services: JobsDeps, options: JobsOptions = {}): { stop(): Promise<void> } {
  const log = options.log ?? consoleLogger;
  const stops = scheduledJobs(services, options).map((job) => schedule(job, log, options.onFailure, options.firstRunDelayMs));
  return {
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}

/**
 * — several processes (issue 19) — The same work through the PostgreSQL job queue (queue.ts):
 * once across every process on the database, retried, dead letters recorded.
 */
export async function startQueuedJobs(services: JobsDeps, queue: Omit<QueueOptions, 'log'>, options: JobsOptions = {}): Promise<{ stop(): Promise<void> }> {
  const log = options.log ?? consoleLogger;
  return startQueue(scheduledJobs(services, options), { firstRunDelayMs: options.firstRunDelayMs, ...queue, log });
}

import { deliverOutbox } from '../modules/notifications/outbox-delivery.js';
import type { SmsGateway } from '../modules/notifications/sms-gateway.js';
import type { Cipher } from '../security/cipher.js';
import { type HotspotDeps, type HotspotScanResult, runHotspotScan } from './hotspot-scan.js';
import { createTimeLimitSweep, type SweepDeps, type SweepResult } from './time-limit-sweep.js';
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

/** The part of a pino/Fastify logger the jobs use. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
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
function schedule(name: string, everyMs: number, job: () => Promise<unknown>, log: JobLogger, report: (result: unknown) => void, { atOnce = true } = {}) {
  let running: Promise<void> | null = null;
  let stopped = false;
  function tick(): void {
    if (running || stopped) return;
    // Started through a resolved promise, so even a job that throws at once ends in `finally`.
    running = Promise.resolve()
      .then(job)
      .then(report, (err: unknown) => log.error({ err }, `${name} failed`))
      .catch(() => {}) // a failing logger must not become an unhandled rejection
      .finally(() => {
        running = null;
      });
  }
  const first = setTimeout(tick, atOnce ? 0 : everyMs);
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
 * Scheduled work inside the server process: the time-limit sweep every minute, the SMS outbox
 * every few seconds, the early-warning scan every ten minutes and the retraining of the suggestion
 * models every `config.retrainHours` (LIANXIN_RETRAIN_HOURS, default 24). `stop()` waits for runs in progress, so the database can then be closed.
 */
export function startJobs(services: JobsDeps, options: JobsOptions = {}): { stop(): Promise<void> } {
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

  const stops = [
    schedule('time-limit sweep', options.intervalMs ?? 60_000, sweep, log, (result) => {
      const r = result as SweepResult;
      if (r.yellow || r.escalated1 || r.escalated2 || r.callbacks || r.failed) log.info({ result }, 'time-limit sweep');
    }),
    schedule('outbox delivery', options.outboxIntervalMs ?? 5_000, deliver, log, (result) => {
      const r = result as { delivered: number; failed: number };
      if (r.failed) log.info({ result }, 'outbox delivery');
    }),
    schedule('hotspot scan', options.hotspotIntervalMs ?? 600_000, scanHotspots, log, (result) => {
      const r = result as HotspotScanResult | undefined;
      if (r && (r.hotspot || r.repeatRequester || r.riskWords || r.grown)) log.info({ result }, 'hotspot scan');
    }),
  ];
  const retrainMs = options.retrainIntervalMs ?? (services.config?.retrainHours ?? 24) * 3_600_000;
  const { suggest } = services;
  const retrain = options.retrain ?? (suggest ? () => suggest.retrainScheduled() : undefined);
  if (retrain && retrainMs > 0) {
    const report = (result: unknown) => log.info({ result }, 'suggestion models retrained');
    stops.push(schedule('suggestion retrain', retrainMs, retrain, log, report, { atOnce: false }));
  }
  // — supervision —
  const overdueOrders = supervisionSweep(services);
  if (overdueOrders) {
    stops.push(
      schedule('supervision sweep', SUPERVISION_SWEEP_MS, overdueOrders, log, (result) => {
        if ((result as { escalated: number }).escalated) log.info({ result }, 'supervision sweep');
      }),
    );
  }
  // — service centre —: applications' time limits on the same calendar and rules, at the sweep's interval
  const { serviceCentre } = services;
  if (serviceCentre && !options.sweep) {
    stops.push(
      schedule('service time-limit sweep', options.intervalMs ?? 60_000, () => serviceCentre.sweep(), log, (result) => {
        const r = result as { yellow: number; escalated1: number; escalated2: number };
        if (r.yellow || r.escalated1 || r.escalated2) log.info({ result }, 'service time-limit sweep');
      }),
    );
  }
  // — bulletins —: last week's and last month's drafts, once each, as soon as the period ends.
  const { bulletins } = services;
  const bulletinMs = options.bulletinIntervalMs ?? 3_600_000;
  if (bulletins && bulletinMs > 0) {
    const report = (result: unknown) => {
      if ((result as { generated: number }).generated) log.info({ result }, 'bulletins generated');
    };
    stops.push(schedule('bulletins', bulletinMs, () => bulletins.generateDue(), log, report, { atOnce: false }));
  }
  // — duty —: out-of-hours online cases to the person on duty every minute; unfilled shifts a week ahead hourly.
  const { duty } = services;
  if (duty) {
    stops.push(
      schedule('duty routing', 60_000, () => duty.routeAfterHours(), log, (result) => {
        if ((result as { claimed: number }).claimed) log.info({ result }, 'duty routing');
      }),
    );
    stops.push(schedule('duty gaps', 3_600_000, () => duty.sweepGaps(), log, () => {}, { atOnce: false }));
  }
  return {
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}

import type { Services } from '../services.js';
import { createTimeLimitSweep, type SweepResult } from './time-limit-sweep.js';

/** The part of a pino/Fastify logger the jobs use. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobsOptions {
  /** Time between sweeps (default 60 s). */
  intervalMs?: number;
  /** Where failures go (default: the console); main.ts should pass `app.log`. */
  log?: JobLogger;
  /** The sweep to run (tests replace it); default: the time-limit sweep over `services`. */
  sweep?: () => Promise<SweepResult>;
}

const consoleLogger: JobLogger = {
  info: (obj, msg) => console.log(msg ?? '', obj),
  error: (obj, msg) => console.error(msg ?? '', obj),
};

/**
 * Scheduled work inside the server process: the time-limit sweep at once and then every minute.
 * A run never overlaps the previous one (a tick that finds one running is skipped), errors are
 * logged and never thrown, and the timers do not keep the process alive. `stop()` cancels the
 * timers and resolves when a run in progress has finished, so the database can then be closed.
 */
export function startJobs(services: Services, options: JobsOptions = {}): { stop(): Promise<void> } {
  const log = options.log ?? consoleLogger;
  const sweep =
    options.sweep ??
    (() => {
      const timeLimitSweep = createTimeLimitSweep(services, {
        onCaseError: (err, caseId) => log.error({ err, caseId }, 'time-limit sweep: case failed'),
      });
      return () => timeLimitSweep.run();
    })();

  let running: Promise<void> | null = null;
  let stopped = false;

  function tick(): void {
    if (running || stopped) return;
    // Started through a resolved promise, so even a sweep that throws at once ends in `finally`
    // after `running` is set.
    running = Promise.resolve()
      .then(sweep)
      .then(
        (result) => {
          if (result.yellow || result.escalated1 || result.escalated2 || result.callbacks || result.failed) {
            log.info({ result }, 'time-limit sweep');
          }
        },
        (err: unknown) => log.error({ err }, 'time-limit sweep failed'),
      )
      .catch(() => {}) // a failing logger must not become an unhandled rejection
      .finally(() => {
        running = null;
      });
  }

  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  first.unref();
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

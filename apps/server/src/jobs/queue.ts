import type { JobName } from '@lianxin/core';
import { type Kysely, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/schema.js';
import { deadLetterQueries } from './dead-letters.js';

/** One piece of scheduled work: what runs, how often, and what of its result is worth a log line. */
export interface ScheduledJob {
  name: JobName;
  everyMs: number;
  run: () => Promise<unknown>;
  /** Called with each run's result (log lines). */
  report: (result: unknown) => void;
  /** First run at once (default) or after one interval. */
  atOnce?: boolean;
}

/** The part of a pino/Fastify logger the jobs use. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Retries a failed job gets on the PostgreSQL queue before it becomes a dead letter. */
export const JOB_RETRIES = 2;

export interface QueueOptions {
  /** The PostgreSQL server (the app's own DATABASE_URL). */
  url: string;
  /** The app's schema, when not the default: the queue lives in `<schema>_jobs` beside it. */
  schema?: string;
  /** Where dead letters are written (the app's database). */
  db: Kysely<DB>;
  log: JobLogger;
  /** Seconds before a failed job is tried again (doubling each time; default 30). */
  retryDelaySeconds?: number;
  /** How often each process asks the queue for work (default 2 s). */
  pollingIntervalSeconds?: number;
  /** Connections of the queue's own pool (default 2). */
  poolSize?: number;
  /** Wait before the first offers (default 0). */
  firstRunDelayMs?: number;
}

/** The queue's schema: `pgboss`, or `<schema>_jobs` beside a named app schema (tests have one each). */
export function queueSchemaOf(schema?: string): string {
  return schema ? `${schema}_jobs`.slice(0, 50) : 'pgboss';
}

/**
 * Scheduled work through a PostgreSQL job queue (pg-boss), for several server processes on one
 * database. Every process keeps the same timers, but a tick only *offers* a job: the queue keeps
 * one job per job name and interval slot (`singletonSeconds`, a unique index), so however many
 * processes offer it, it is created once. Any process's worker may take it (SKIP LOCKED), the
 * queue's `singleton` policy lets only one run of a name be active at a time, a failure is
 * retried `JOB_RETRIES` times with a growing delay, and a job that fails its last attempt is
 * written to `job_dead_letters` (the admin screen's list). A process that dies while running a
 * job leaves it active until it expires; the queue then retries it elsewhere. The work runs off
 * the request path: workers poll on their own timers and the sweeps yield between cases.
 */
export async function startQueue(jobs: readonly ScheduledJob[], options: QueueOptions): Promise<{ stop(): Promise<void> }> {
  const { db, log } = options;
  const queueSchema = queueSchemaOf(options.schema);
  const boss = new PgBoss({
    connectionString: options.url,
    schema: queueSchema,
    max: options.poolSize ?? 2,
    application_name: 'lianxin-jobs',
    // Our timers offer the jobs (sub-minute intervals); the queue's cron is not used.
    schedule: false,
    supervise: true,
    // Throttling slots may be as long as a day (the retraining); completed jobs are kept longer.
    archiveCompletedAfterSeconds: 2 * 86_400,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();

  const retryDelay = options.retryDelaySeconds ?? 30;
  // Processes starting together would deadlock creating the same queues: one at a time, under a
  // transaction-scoped advisory lock on the app's own connection.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`lianxin-queues:${queueSchema}`}))`.execute(trx);
    for (const job of jobs) {
      const settings = { name: job.name, retryLimit: JOB_RETRIES, retryDelay, retryBackoff: true, expireInSeconds: 30 * 60 };
      if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, settings);
      else await boss.createQueue(job.name, { ...settings, policy: 'singleton' });
    }
  });

  for (const job of jobs) {
    await boss.work<object>(job.name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([taken]) => {
      try {
        const result = await job.run();
        job.report(result);
        return result && typeof result === 'object' ? result : { result };
      } catch (error) {
        log.error({ err: error, job: job.name, attempt: taken.retryCount + 1 }, `${job.name} failed`);
        if (taken.retryCount >= taken.retryLimit) {
          await deadLetterQueries
            .record(db, { job: job.name, attempts: taken.retryCount + 1, error, queueJobId: taken.id, failedAt: new Date() })
            .catch((err: unknown) => log.error({ err }, 'dead letter not recorded'));
        }
        throw error;
      }
    });
  }

  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const offer = (job: ScheduledJob) => {
    if (stopped) return;
    const singletonSeconds = Math.max(1, Math.floor(job.everyMs / 1000));
    boss.send(job.name, {}, { singletonSeconds }).catch((err: unknown) => log.error({ err, job: job.name }, 'job not offered'));
  };
  for (const job of jobs) {
    if (job.atOnce ?? true) {
      const first = setTimeout(() => offer(job), options.firstRunDelayMs ?? 0);
      first.unref();
      timers.push(first);
    }
    const every = setInterval(() => offer(job), job.everyMs);
    every.unref();
    timers.push(every);
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

import { JOB_NAMES } from '@lianxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabase } from '../test/database.js';
import { deadLetterQueries } from './dead-letters.js';
import { JOB_RETRIES, type ScheduledJob, startQueue } from './queue.js';

/**
 * The PostgreSQL job queue (issue 19): two queue runners on one database stand for two server
 * processes (each has its own pg-boss with its own connections). PostgreSQL only.
 */
const url = process.env.DATABASE_URL;
const quiet = { info: () => {}, error: () => {} };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!url)('the PostgreSQL job queue', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateToLatest(database.db, database.schema);
  });
  afterAll(() => database?.close());

  const start = (jobs: ScheduledJob[]) => startQueue(jobs, { url: url!, schema: database.schema, db: database.db, log: quiet, retryDelaySeconds: 0, pollingIntervalSeconds: 0.5, poolSize: 2 });

  it('runs a job once per interval slot however many processes offer it, and retries a failure until it becomes a dead letter', async () => {
    const runs: string[] = [];
    let failures = 0;
    let flaky = 0;
    const jobs = (process: string): ScheduledJob[] => [
      { name: 'time-limit-sweep', everyMs: 1000, run: async () => void runs.push(process), report: () => {} },
      // Always fails: tried 1 + JOB_RETRIES times, then written to the dead letters.
      {
        name: 'hotspot-scan',
        everyMs: 600_000,
        run: async () => {
          failures++;
          throw new Error('区划数据暂不可用');
        },
        report: () => {},
      },
      // Fails once, then succeeds on its retry: no dead letter.
      {
        name: 'bulletins',
        everyMs: 600_000,
        run: async () => {
          if (flaky++ === 0) throw new Error('first attempt fails');
          return { generated: 0 };
        },
        report: () => {},
      },
    ];
    const first = await start(jobs('A'));
    const second = await start(jobs('B'));
    const began = Date.now();
    // Several slots pass, and the retries run out (a loaded machine takes longer to get there).
    await wait(5_500);
    const settled = async () => failures >= 1 + JOB_RETRIES && flaky >= 2 && (await deadLetterQueries.list(database.db, 10)).length > 0;
    for (let waited = 0; waited < 30_000 && !(await settled()); waited += 250) await wait(250);
    await Promise.all([first.stop(), second.stop()]);
    const seconds = (Date.now() - began) / 1000;

    // One run per one-second slot (give or take the slots cut by starting and stopping), never two.
    expect(runs.length).toBeGreaterThanOrEqual(Math.floor(seconds) - 2);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);

    expect(failures).toBe(1 + JOB_RETRIES);
    const dead = await deadLetterQueries.list(database.db, 10);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ job: 'hotspot-scan', error: '区划数据暂不可用' });
    expect(Number(dead[0].attempts)).toBe(1 + JOB_RETRIES);
    expect(dead[0].queueJobId).toBeTruthy();
    expect(flaky).toBe(2);
  }, 60_000);

  it('starts on several processes at once without a deadlock over creating the queues', async () => {
    const schema = `${database.schema}_cold`;
    const jobs: ScheduledJob[] = JOB_NAMES.map((name) => ({ name, everyMs: 600_000, atOnce: false, run: async () => ({}), report: () => {} }));
    // Four processes start together on a queue schema nobody has made yet (a province's first start).
    const started = await Promise.allSettled([1, 2, 3, 4].map(() => startQueue(jobs, { url: url!, schema, db: database.db, log: quiet, poolSize: 2 })));
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started', 'started']);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../services.js';
import { act } from '../test/case-driver.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { caseInput } from '../test/fixtures.js';
import { type JobLogger, startJobs } from './index.js';
import type { SweepResult } from './time-limit-sweep.js';

const RESULT: SweepResult = { yellow: 0, escalated1: 0, escalated2: 0, callbacks: 0, skipped: 0, failed: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quietLog = (): JobLogger & { errors: unknown[] } => {
  const errors: unknown[] = [];
  return { errors, info: () => {}, error: (obj) => void errors.push(obj) };
};
const noServices = {} as Services;
const noDelivery = async () => undefined;

describe('startJobs', () => {
  it('runs at once and then on every tick, never two runs at a time', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const jobs = startJobs(noServices, {
      deliver: noDelivery,
      scanHotspots: noDelivery,
      intervalMs: 5,
      log: quietLog(),
      sweep: async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        await sleep(30);
        active--;
        return RESULT;
      },
    });
    await sleep(120);
    await jobs.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(6); // ~4 runs of 30 ms fit in 120 ms: the ticks during a run (every 5 ms) were skipped
    expect(most).toBe(1);
  });

  it('logs a failing sweep instead of throwing, and keeps going', async () => {
    const log = quietLog();
    let runs = 0;
    const jobs = startJobs(noServices, {
      deliver: noDelivery,
      scanHotspots: noDelivery,
      intervalMs: 5,
      log,
      sweep: () => {
        runs++;
        throw new Error('database is down');
      },
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3));
    await jobs.stop();
    expect(log.errors.length).toBeGreaterThanOrEqual(3);
    expect((log.errors[0] as { err: Error }).err.message).toBe('database is down');
  });

  it('stops: no more runs, and stop() waits for the run in progress', async () => {
    let finished = false;
    let runs = 0;
    const jobs = startJobs(noServices, {
      deliver: noDelivery,
      scanHotspots: noDelivery,
      intervalMs: 5,
      log: quietLog(),
      sweep: async () => {
        runs++;
        await sleep(40);
        finished = true;
        return RESULT;
      },
    });
    await sleep(10);
    await jobs.stop();
    expect(finished).toBe(true);
    const after = runs;
    await sleep(30);
    expect(runs).toBe(after);
  });
});

describe('startJobs with the real sweep', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('escalates an overdue case on its first run', async () => {
    const created = (await (await ctx.as('registrar')).post('/api/cases', caseInput())).json();
    await act(await ctx.as('dispatcher'), created.id, 'dispatch', { unitId: ctx.org.units['u-civil'] });
    ctx.clock.advance(3 * 24 * 3_600_000); // more than a day past the acceptance deadline
    const log = quietLog();
    const jobs = startJobs(ctx.app.services, { log });
    await vi.waitFor(async () => {
      const row = await ctx.database.db.selectFrom('cases').select('escalationLevel').where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row.escalationLevel).toBe(2);
    });
    await jobs.stop();
    expect(log.errors).toEqual([]);
  });
});

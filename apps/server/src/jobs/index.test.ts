import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../services.js';
import { loadConfig } from '../config.js';
import { act, allPowerful, caseInState } from '../test/case-driver.js';
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
/** The jobs with only a sweep to do, ticking every 5 ms. */
const sweepingJobs = (sweep: NonNullable<NonNullable<Parameters<typeof startJobs>[1]>['sweep']>, log = quietLog()) =>
  startJobs(noServices, { deliver: noDelivery, scanHotspots: noDelivery, intervalMs: 5, log, sweep });

describe('startJobs', () => {
  it('runs at once and then on every tick, never two runs at a time', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const jobs = sweepingJobs(async () => {
      runs++;
      active++;
      most = Math.max(most, active);
      await sleep(30);
      active--;
      return RESULT;
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
    const jobs = sweepingJobs(() => {
      runs++;
      throw new Error('database is down');
    }, log);
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3));
    await jobs.stop();
    expect(log.errors.length).toBeGreaterThanOrEqual(3);
    expect((log.errors[0] as { err: Error }).err.message).toBe('database is down');
  });

  it('stops: no more runs, and stop() waits for the run in progress', async () => {
    let finished = false;
    let runs = 0;
    const jobs = sweepingJobs(async () => {
      runs++;
      await sleep(40);
      finished = true;
      return RESULT;
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
    }, { timeout: 10_000 }); // the first run on a busy machine (2 shared cores) can take seconds
    await jobs.stop();
    expect(log.errors).toEqual([]);
  });
});

describe('scheduled retraining of the suggestion models', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());
  const quietJobs = { deliver: noDelivery, scanHotspots: noDelivery, sweep: async () => RESULT };

  it('reads LIANXIN_RETRAIN_HOURS: 24 by default, 0 for off, a startup error when not a number of hours', () => {
    expect(loadConfig({}).retrainHours).toBe(24);
    expect(loadConfig({ LIANXIN_RETRAIN_HOURS: '6' }).retrainHours).toBe(6);
    expect(loadConfig({ LIANXIN_RETRAIN_HOURS: '0' }).retrainHours).toBe(0);
    for (const bad of ['-1', 'nightly', '1000']) expect(() => loadConfig({ LIANXIN_RETRAIN_HOURS: bad }), bad).toThrow(/LIANXIN_RETRAIN_HOURS/);
  });

  it('waits one interval before the first run, and never runs when the interval is 0', async () => {
    let runs = 0;
    const retrain = async () => void runs++;
    const later = startJobs(noServices, { ...quietJobs, log: quietLog(), retrainIntervalMs: 60_000, retrain });
    const off = startJobs(noServices, { ...quietJobs, log: quietLog(), retrainIntervalMs: 0, retrain });
    await sleep(50);
    await Promise.all([later.stop(), off.stop()]);
    expect(runs).toBe(0);
    const soon = startJobs(noServices, { ...quietJobs, log: quietLog(), retrainIntervalMs: 10, retrain });
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(2));
    await soon.stop();
  });

  it('learns the cases closed since the last training without anyone asking', async () => {
    const worker = await allPowerful(ctx);
    const registrar = await ctx.as('registrar');
    const probe = { title: '又停水了', content: '小区自来水停水，水压很低，请尽快修水管。' };
    const suggest = async () => (await registrar.post('/api/cases/suggest', probe)).json() as { trainedOn: number; source: string; categories: Array<{ code: string }> };
    // With no handled case, the category tree's keywords answer, and say so (cold start).
    expect(await suggest()).toMatchObject({ trainedOn: 0, source: 'keywords' });
    for (const [title, content] of [
      ['小区停水三天', '小区自来水已经停水三天，水压很低，水管破裂，请供水公司尽快抢修。'],
      ['自来水发黄', '最近自来水发黄有异味，怀疑水管老化，请检查供水水质。'],
    ]) await caseInState(ctx, worker, 'closed', { title, content, categoryCode: 'utilities.water' });
    await caseInState(ctx, worker, 'closed', { title: '低保被取消', content: '我家低保突然被取消，家里仍然困难，请民政局重新核查。', categoryCode: 'social.dibao' });
    // The models in memory do not know them yet.
    expect((await suggest()).trainedOn).toBe(0);

    const log = quietLog();
    const jobs = startJobs(ctx.app.services, { ...quietJobs, log, retrainIntervalMs: 20 });
    await vi.waitFor(async () => expect((await suggest()).trainedOn).toBe(3), { timeout: 10_000 });
    await jobs.stop();
    expect(log.errors).toEqual([]);
    const after = await suggest();
    expect(after.categories[0]!.code).toBe('utilities.water');
  });
});

import { describe, expect, it } from 'vitest';
import type { Services } from '../services.js';
import { suiteContext } from '../test/context.js';
import { expectProblem } from '../test/admin-support.js';
import { deadLetterQueries } from './dead-letters.js';
import { startJobs } from './index.js';

const { ctx, admin, supervisor } = suiteContext({ admin: 'admin', supervisor: 'supervisor' });
const quiet = { info: () => {}, error: () => {} };
const nothing = async () => undefined;

describe('dead letters of scheduled work', () => {
  it('lists the runs that failed, newest first, to an admin', async () => {
    // In process (as main.ts wires it on SQLite): each failed run is recorded.
    const db = ctx.database.db;
    let runs = 0;
    const jobs = startJobs({} as Services, {
      log: quiet,
      deliver: nothing,
      scanHotspots: nothing,
      intervalMs: 5,
      sweep: async () => {
        runs++;
        throw new Error('时限规则读取失败');
      },
      onFailure: (job, error) => deadLetterQueries.record(db, { job, attempts: 1, error, failedAt: new Date(Date.UTC(2026, 2, 2, 2, 0, runs)) }),
    });
    while (runs < 2) await new Promise((r) => setTimeout(r, 5));
    await jobs.stop();

    const res = await admin.get('/api/admin/jobs/dead-letters?limit=1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.runner).toBe(ctx.database.dialect === 'postgres' ? 'queue' : 'in_process');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ job: 'time-limit-sweep', attempts: 1, error: '时限规则读取失败', queueJobId: null });
    const all = (await admin.get('/api/admin/jobs/dead-letters')).json().items;
    expect(all.length).toBe(runs);
    expect(all[0].failedAt >= all[1].failedAt).toBe(true);
  });

  it('is for admins only, and refuses a bad limit naming it', async () => {
    expectProblem(await supervisor.get('/api/admin/jobs/dead-letters'), 403);
    expectProblem(await ctx.anonymous().get('/api/admin/jobs/dead-letters'), 401);
    expectProblem(await admin.get('/api/admin/jobs/dead-letters?limit=0'), 400, 'limit');
    expectProblem(await admin.get('/api/admin/jobs/dead-letters?limit=abc'), 400, 'limit');
  });

  it('keeps only the message of an error, bounded', async () => {
    await deadLetterQueries.record(ctx.database.db, { job: 'bulletins', attempts: 3, error: { reason: 'x'.repeat(2000) }, failedAt: new Date() });
    const [latest] = await deadLetterQueries.list(ctx.database.db, 1);
    expect(latest.error.length).toBe(1000);
  });
});

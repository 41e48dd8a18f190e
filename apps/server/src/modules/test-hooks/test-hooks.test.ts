import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { suiteContext, TEST_START } from '../../test/context.js';

const { ctx } = suiteContext();

describe('the clock test hook (enabled in the test context)', () => {
  it('reads the clock without a session', async () => {
    const response = await ctx.anonymous().get('/api/test/clock');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ now: ctx.clock.now().toISOString() });
  });

  it('moves the clock forward and back, and jumps to an instant', async () => {
    const start = ctx.clock.now().getTime();
    const advanced = await ctx.anonymous().post('/api/test/clock', { advanceMs: 3_600_000 });
    expect(advanced.statusCode, advanced.body).toBe(200);
    expect(advanced.json().now).toBe(new Date(start + 3_600_000).toISOString());
    expect(ctx.clock.now().getTime()).toBe(start + 3_600_000);

    const back = await ctx.anonymous().post('/api/test/clock', { advanceMs: -3_600_000 });
    expect(back.json().now).toBe(new Date(start).toISOString());

    const jumped = await ctx.anonymous().post('/api/test/clock', { set: '2026-04-01T08:00:00+08:00' });
    expect(jumped.json()).toEqual({ now: '2026-04-01T00:00:00.000Z' });
    // The whole server follows: a new case carries the moved date in its tracking code.
    const created = await (await ctx.as('registrar')).post('/api/cases', {
      channel: 'phone', kind: 'inquiry', categoryCode: 'social.dibao', title: '咨询低保政策', content: '想了解低保申请条件。',
      requester: { anonymous: true }, areaCode: ctx.org.areas.villageA1,
    });
    expect(created.json().code).toMatch(/^LX20260401-/);

    const both = await ctx.anonymous().post('/api/test/clock', { set: TEST_START.toISOString(), advanceMs: 1000 });
    expect(both.json().now).toBe(new Date(TEST_START.getTime() + 1000).toISOString());
  });

  it('refuses a change that says nothing or is malformed', async () => {
    for (const body of [{}, { advanceMs: 'soon' }, { advanceMs: 1.5 }, { set: 'tomorrow' }]) {
      const response = await ctx.anonymous().post('/api/test/clock', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('without enableTestHooks', () => {
  let app: FastifyInstance;
  let cookie: string;
  let csrf: string;
  beforeAll(async () => {
    // A second app over the same database, built as production builds it.
    const config = { ...loadConfig({}), dataDir: ctx.dataDir, publicBaseUrl: 'http://lianxin.test', enableTestHooks: false, runJobs: false };
    app = await buildApp({ database: ctx.database, config, cipher: ctx.cipher, clock: ctx.clock });
    await app.ready();
    const token = randomUUID();
    csrf = randomUUID();
    const now = ctx.clock.now();
    await ctx.database.db
      .insertInto('sessions')
      .values({ id: createHash('sha256').update(token).digest('base64url'), userId: ctx.org.users.admin, csrfToken: csrf, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 86_400_000).toISOString() })
      .execute();
    cookie = `lx_session=${token}`;
  });
  afterAll(() => app.close());

  it('has no clock routes at all', async () => {
    const before = ctx.clock.now().toISOString();
    const read = await app.inject({ method: 'GET', url: '/api/test/clock', headers: { cookie } });
    expect(read.statusCode).toBe(404);
    const move = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: 86_400_000 }, headers: { cookie, 'x-csrf-token': csrf } });
    expect(move.statusCode).toBe(404);
    expect(ctx.clock.now().toISOString()).toBe(before);
    // Without a session the staff-only default applies: nothing answers anonymously.
    expect((await app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: 1 } })).statusCode).toBe(401);
    // A sibling route of the same app works, so the 404 is about the hook alone.
    expect((await app.inject({ method: 'GET', url: '/api/settings/metric-weights', headers: { cookie } })).statusCode).toBe(200);
  });

  it('leaves the hook out of the API documentation', async () => {
    const docs = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(docs.paths)).not.toContain('/api/test/clock');
    const withHooks = (await ctx.anonymous().get('/api/docs/json')).json();
    expect(Object.keys(withHooks.paths)).toContain('/api/test/clock');
  });
});

import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { clientOf, REMOTE_ADDRESS, suiteContext } from '../../test/context.js';
import { FIXTURE_PASSWORD } from '../../test/fixtures.js';

const { ctx, admin, dispatcher } = suiteContext({ admin: 'admin', dispatcher: 'dispatcher' });

// Each attempt from its own address, so the per-address limit (10 a minute) never answers first.
let address = 0;
const nextAddress = () => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

const login = (username: string, password: string, app: FastifyInstance = ctx.app) =>
  clientOf(app, null, null, null).post('/api/auth/login', { username, password }, { [REMOTE_ADDRESS]: nextAddress() });

/** A fresh user (signed in through a direct session, so no sign-in was counted); its user name and id. */
async function freshUser() {
  const client = await ctx.userWith([{ role: 'registrar', unitId: 'u-townA' }]);
  const row = await ctx.database.db.selectFrom('users').select(['id', 'username']).where('id', '=', client.userId!).executeTakeFirstOrThrow();
  return row;
}

const failures = async (id: string) =>
  Number((await ctx.database.db.selectFrom('users').select('failedSignIns').where('id', '=', id).executeTakeFirstOrThrow()).failedSignIns);

/** Fails `n` sign-ins, waiting out each growing delay (at most 15 minutes) before the next. */
async function failTimes(username: string, n: number, app?: FastifyInstance) {
  for (let i = 0; i < n; i++) {
    const res = await login(username, `wrong-${i}`, app);
    expect(res.statusCode, `attempt ${i + 1}: ${res.body}`).toBe(401);
    ctx.clock.advance(15 * 60_000);
  }
}

describe('per-account sign-in limit', () => {
  it('makes each attempt from the 5th failure on wait a growing delay, without checking the password', async () => {
    const user = await freshUser();
    for (let i = 0; i < 5; i++) expect((await login(user.username, `wrong-${i}`)).statusCode).toBe(401);
    expect(await failures(user.id)).toBe(5);

    // Within 1 s of the 5th failure even the right password is refused, and nothing is counted.
    const delayed = await login(user.username, FIXTURE_PASSWORD);
    expect(delayed.statusCode, delayed.body).toBe(429);
    expect(delayed.headers['content-type']).toContain('application/problem+json');
    expect(delayed.headers['retry-after']).toBe('1');
    expect(delayed.json()).toMatchObject({ code: 'sign_in_delayed', title: '登录失败次数过多，请1秒后再试' });
    expect(await failures(user.id)).toBe(5);

    ctx.clock.advance(1000);
    expect((await login(user.username, 'wrong-again')).statusCode).toBe(401);
    // The 6th failure doubles the wait: 2 s.
    const twice = await login(user.username, FIXTURE_PASSWORD);
    expect(twice.statusCode).toBe(429);
    expect(twice.headers['retry-after']).toBe('2');
    ctx.clock.advance(1000);
    expect((await login(user.username, FIXTURE_PASSWORD)).headers['retry-after']).toBe('1');
    ctx.clock.advance(1000);

    // Once the delay has passed the right password signs in, and the count starts again.
    expect((await login(user.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    expect(await failures(user.id)).toBe(0);
    expect((await login(user.username, 'wrong')).statusCode).toBe(401);
    expect((await login(user.username, 'wrong')).statusCode).toBe(401);
    expect(await failures(user.id)).toBe(2);
  });

  it('caps the delay at 15 minutes', async () => {
    const { signInDelaySeconds } = await import('./auth.service.js');
    expect([4, 5, 6, 9, 14, 15, 40].map(signInDelaySeconds)).toEqual([0, 1, 2, 16, 512, 900, 900]);
  });

  it('locks the account at the 10th failure: the right password is refused, the user gets a notice, the lock is audited', async () => {
    const user = await freshUser();
    await failTimes(user.username, 10);

    const locked = await login(user.username, FIXTURE_PASSWORD);
    expect(locked.statusCode, locked.body).toBe(423);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json()).toMatchObject({ code: 'account_locked', title: '账号因多次登录失败已被锁定，请联系管理员解除锁定' });
    // Waiting does not help.
    ctx.clock.advance(24 * 3_600_000);
    expect((await login(user.username, FIXTURE_PASSWORD)).statusCode).toBe(423);
    expect(await failures(user.id)).toBe(10);

    const notices = await ctx.database.db.selectFrom('outbox').selectAll().where('recipientUserId', '=', user.id).where('template', '=', 'notice.account_locked').execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'internal', status: 'pending' });
    expect(notices[0].body).toContain('10');

    const audit = await ctx.database.db.selectFrom('auditLog').selectAll().where('subjectId', '=', user.id).where('action', '=', 'lock').execute();
    expect(audit).toHaveLength(1);

    // The admin page shows the lock.
    expect((await admin.get(`/api/admin/users/${user.id}`)).json().locked).toBe(true);
  });

  it('is lifted by an admin of the user’s units (audited), not by anyone else', async () => {
    const user = await freshUser();
    await failTimes(user.username, 10);
    expect((await login(user.username, FIXTURE_PASSWORD)).statusCode).toBe(423);

    const refused = await dispatcher.post(`/api/admin/users/${user.id}/unlock`);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await login(user.username, FIXTURE_PASSWORD)).statusCode).toBe(423);

    const unlocked = await admin.post(`/api/admin/users/${user.id}/unlock`);
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json()).toMatchObject({ id: user.id, locked: false, isActive: true });
    expect(await failures(user.id)).toBe(0);
    const audit = await ctx.database.db.selectFrom('auditLog').selectAll().where('subjectId', '=', user.id).where('action', '=', 'unlock').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUserId).toBe(admin.userId);

    expect((await login(user.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    expect((await admin.post('/api/admin/users/no-such-user/unlock')).statusCode).toBe(404);
  });

  it('answers an unknown user name exactly like a known one: 401, a growing 429, then 423 — and keeps no name in clear', async () => {
    const user = await freshUser();
    const unknown = `nobody-${user.username}`;
    const users = async () => Number((await ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await users();
    /** The same attempt for both names at the same instant; their answers must not differ. */
    const both = async (password: string) => {
      const [known, other] = [await login(user.username, password), await login(unknown, password)];
      const answer = (r: typeof known) => ({ status: r.statusCode, body: r.json(), retryAfter: r.headers['retry-after'] ?? null, type: r.headers['content-type'] });
      expect(answer(other)).toEqual(answer(known));
      return known.statusCode;
    };
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push(await both(`wrong-${i}`));
    seen.push(await both(FIXTURE_PASSWORD)); // within 1 s of the 5th failure: 429, nothing checked
    ctx.clock.advance(1000);
    seen.push(await both('wrong-6'));
    seen.push(await both('wrong-7')); // the wait doubled: 2 s
    for (let i = 0; i < 4; i++) {
      ctx.clock.advance(15 * 60_000);
      seen.push(await both(`wrong-${8 + i}`));
    }
    seen.push(await both(FIXTURE_PASSWORD)); // ten failures: locked
    ctx.clock.advance(24 * 3_600_000);
    seen.push(await both(FIXTURE_PASSWORD));
    expect(seen).toEqual([401, 401, 401, 401, 401, 429, 401, 429, 401, 401, 401, 401, 423, 423]);

    // No user row is made up for the unknown name, and the limiter keeps only a keyed hash of it.
    expect(await users()).toBe(before);
    const keys = (await ctx.database.db.selectFrom('rateLimits').select('key').execute()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('nobody');
  });

  it('takes as long for an unknown user name as for a known one (both check an argon2id hash)', async () => {
    const user = await freshUser();
    const unknown = `nobody-timed-${user.username}`;
    const timed = async (name: string, i: number) => {
      const started = performance.now();
      expect((await login(name, `wrong-${i}`)).statusCode).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const other: number[] = [];
    // Interleaved, four each (below the delay), so load on the machine hits both alike.
    for (let i = 0; i < 4; i++) {
      known.push(await timed(user.username, i));
      other.push(await timed(unknown, i));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(other) / median(known);
    expect(ratio, `unknown ${median(other).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('ends the open sessions of an account when it locks', async () => {
    const client = await ctx.userWith([{ role: 'registrar', unitId: 'u-townA' }]);
    const { username } = await ctx.database.db.selectFrom('users').select('username').where('id', '=', client.userId!).executeTakeFirstOrThrow();
    const signedIn = await login(username, FIXTURE_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
    const me = (headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await me({ cookie })).statusCode).toBe(200);

    await failTimes(username, 9);
    // Still open one failure before the lock …
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    await failTimes(username, 1);
    // … and refused after it, both the direct session and the one from a sign-in.
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await me({ cookie })).statusCode).toBe(401);
    expect(await ctx.database.db.selectFrom('sessions').select('id').where('userId', '=', client.userId!).execute()).toEqual([]);
  });

  it('is shared by two server processes on the same database', async () => {
    const config = { ...loadConfig({}), dataDir: ctx.dataDir, publicBaseUrl: 'http://lianxin.test', enableTestHooks: true, runJobs: false };
    const second = await buildApp({ database: ctx.database, config, cipher: ctx.cipher, clock: ctx.clock, strictResponses: true });
    await second.ready();
    try {
      const user = await freshUser();
      // Failures alternate between the two apps; the count is one.
      for (let i = 0; i < 4; i++) expect((await login(user.username, 'wrong', i % 2 ? second : ctx.app)).statusCode).toBe(401);
      expect((await login(user.username, 'wrong', second)).statusCode).toBe(401);
      expect(await failures(user.id)).toBe(5);
      expect((await login(user.username, FIXTURE_PASSWORD, ctx.app)).statusCode).toBe(429);
      expect((await login(user.username, FIXTURE_PASSWORD, second)).statusCode).toBe(429);

      ctx.clock.advance(15 * 60_000);
      await failTimes(user.username, 2, ctx.app);
      await failTimes(user.username, 3, second);
      // Locked through the second app, refused by the first.
      expect((await login(user.username, FIXTURE_PASSWORD, ctx.app)).statusCode).toBe(423);
      expect((await login(user.username, FIXTURE_PASSWORD, second)).statusCode).toBe(423);
    } finally {
      await second.close();
    }
  });
});

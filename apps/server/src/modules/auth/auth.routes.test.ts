import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { FIXTURE_PASSWORD } from '../../test/fixtures.js';

const { ctx } = suiteContext();

const login = (username: string, password: string, ip = '10.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('opens an httpOnly, SameSite session whose CSRF token guards writes, and closes it', async () => {
    const response = await login('dispatcher', FIXTURE_PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    const me = response.json();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'dispatcher', roleLabel: '派单员', unitName: '青溪县群众工作中心', areaName: '青溪县' })]);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/lx_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0];

    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().username).toBe('dispatcher');
    const withoutCsrf = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(withoutCsrf.statusCode).toBe(403);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': me.csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('stores argon2id hashes, never passwords', async () => {
    const user = await ctx.database.db.selectFrom('users').select('passwordHash').where('username', '=', 'registrar').executeTakeFirstOrThrow();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with the same answer as an unknown user, and audits it', async () => {
    const wrong = await login('registrar', 'not-the-password', '10.0.0.2');
    const unknown = await login('nobody', 'not-the-password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().title).toBe('用户名或密码错误');
    const audit = await ctx.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'login_failed').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('slows down sign-ins from one address', async () => {
    // The right password, so that only the per-address limit counts (wrong ones meet the name's own
    // limit from the 6th failure on, auth.lockout.test.ts).
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('handler', FIXTURE_PASSWORD, '10.0.0.3')).statusCode);
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
    const limited = await login('handler', FIXTURE_PASSWORD, '10.0.0.3');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another office on another address is not limited.
    expect((await login('handler', FIXTURE_PASSWORD, '10.0.0.4')).statusCode).toBe(200);
  });

  it('ends sessions after their time', async () => {
    const response = await login('leader', FIXTURE_PASSWORD, '10.0.0.5');
    const cookie = String(response.headers['set-cookie']).split(';')[0];
    ctx.clock.advance(13 * 3_600_000);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a disabled user', async () => {
    await ctx.database.db.updateTable('users').set({ isActive: 0 }).where('username', '=', 'cadreA2').execute();
    expect((await login('cadreA2', FIXTURE_PASSWORD, '10.0.0.6')).statusCode).toBe(401);
  });
});

describe('API documentation', () => {
  it('serves OpenAPI generated from the request schemas', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    const register = doc.paths['/api/cases'].post;
    const schema = register.requestBody.content['application/json'].schema;
    expect(schema.properties.channel.description).toBe('来源渠道');
    expect(schema.required).toEqual(expect.arrayContaining(['channel', 'kind', 'title', 'content', 'areaCode']));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/cases/{id}/dispatch', '/api/public/evaluations/{token}']));
  });
});

describe('health', () => {
  it('answers without a session when the database answers', async () => {
    const response = await ctx.anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: ctx.database.dialect });
  });
});

import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { auditCount, expectProblem, lastAudit } from '../../test/admin-support.js';

const { ctx, admin, dispatcher } = suiteContext({ admin: 'admin', dispatcher: 'dispatcher' });

const db = () => ctx.database.db;
const userCount = async () => Number((await db().selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
const sessionCount = async (userId: string) =>
  Number((await db().selectFrom('sessions').select((eb) => eb.fn.countAll<number | string>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow()).n);
const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'clerk.li',
  displayName: '李文书',
  password: 'Qingxi2026',
  phone: '13907985678',
  grants: [{ role: 'registrar', unitId: 'u-townA' }],
  ...overrides,
});

describe('listing users', () => {
  it('pages the users with masked phones and their roles', async () => {
    const res = await admin.get('/api/admin/users?pageSize=5');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 11, page: 1, pageSize: 5 });
    expect(res.json().items).toHaveLength(5);
    const found = await admin.get('/api/admin/users?q=CADREA1');
    expect(found.json().items.map((u: { username: string }) => u.username)).toEqual(['cadreA1']);
    expect(found.json().items[0].grants.map((g: { role: string }) => g.role).sort()).toEqual(['handler', 'registrar', 'stationed_cadre']);
    const heads = await admin.get('/api/admin/users?role=unit_head&unitId=u-civil');
    expect(heads.json().items.map((u: { username: string }) => u.username)).toEqual(['head']);
  });

  it('is for admins only', async () => {
    expectProblem(await dispatcher.get('/api/admin/users'), 403);
  });
});

describe('creating users', () => {
  it('creates a user who can sign in; the phone is encrypted at rest and masked in answers', async () => {
    const res = await admin.post('/api/admin/users', newUser());
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ username: 'clerk.li', displayName: '李文书', phone: '139****5678', locale: 'zh-CN', isActive: true });
    expect(user.grants).toEqual([{ role: 'registrar', unitId: 'u-townA', unitName: '城关镇人民政府', areaCode: '369901100000', unitIsActive: true }]);
    expect(JSON.stringify(user)).not.toContain('password');

    const row = await db().selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.phoneEnc).not.toContain('13907985678');
    expect(ctx.cipher.decrypt(row.phoneEnc!)).toBe('13907985678');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const entry = await lastAudit(ctx, 'user', user.id);
    expect(entry).toMatchObject({ action: 'create', actorUserId: ctx.org.users.admin });
    expect(entry!.detail).toMatchObject({ username: 'clerk.li', phone: 'set' });
    expect(JSON.stringify(entry)).not.toContain('13907985678');
    expect(JSON.stringify(entry)).not.toContain('Qingxi2026');

    const login = await ctx.anonymous().post('/api/auth/login', { username: 'clerk.li', password: 'Qingxi2026' });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().roles[0]).toMatchObject({ role: 'registrar', unitId: 'u-townA' });
  });

  it('refuses a non-admin with 403 and writes nothing', async () => {
    const before = await userCount();
    expectProblem(await dispatcher.post('/api/admin/users', newUser({ username: 'sneaky' })), 403);
    expect(await userCount()).toBe(before);
  });

  it('refuses roles in units outside the admin’s area', async () => {
    const townAdmin = await ctx.userWith([{ role: 'admin', unitId: 'u-townA' }]);
    expectProblem(await townAdmin.post('/api/admin/users', newUser({ username: 'county.clerk', grants: [{ role: 'registrar', unitId: 'u-center' }] })), 403);
    const ok = await townAdmin.post('/api/admin/users', newUser({ username: 'village.clerk', grants: [{ role: 'handler', unitId: 'u-villageA1' }] }));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it.each([
    ['a password without digits', { password: 'qingxiqingxi' }, 'password'],
    ['a short password', { password: 'ab12' }, 'password'],
    ['a user name with spaces', { username: 'li wen' }, 'username'],
    ['a malformed phone', { phone: '1390798' }, 'phone'],
    ['an unknown role', { grants: [{ role: 'king', unitId: 'u-townA' }] }, 'grants.0.role'],
    ['a unit that does not exist', { grants: [{ role: 'handler', unitId: 'u-civil' }, { role: 'handler', unitId: 'u-nowhere' }] }, 'grants.1.unitId'],
    ['no roles', { grants: [] }, 'grants'],
    ['an unknown language', { locale: 'fr-FR' }, 'locale'],
  ])('answers 400 naming the field for %s, writing nothing', async (_label, overrides, field) => {
    const [users, audits] = [await userCount(), await auditCount(ctx)];
    expectProblem(await admin.post('/api/admin/users', newUser({ username: 'bad.input', ...overrides })), 400, field);
    expect(await userCount()).toBe(users);
    expect(await auditCount(ctx)).toBe(audits);
  });

  it('explains a weak password in the caller’s language', async () => {
    const res = await admin.post('/api/admin/users', newUser({ password: 'qingxiqingxi' }), { 'accept-language': 'en-US', 'x-lianxin-locale': 'en-US' });
    expect(res.json().errors[0].message).toBe('At least 8 characters, with both letters and digits');
  });

  it('answers 409 for a user name that exists', async () => {
    expectProblem(await admin.post('/api/admin/users', newUser({ username: 'dispatcher' })), 409, 'username');
  });

  it('says on the user name field that the name is taken, in the caller’s language', async () => {
    const zh = await admin.post('/api/admin/users', newUser({ username: 'dispatcher' }), { 'x-lianxin-locale': 'zh-CN' });
    expect(zh.json().errors).toEqual([{ field: 'username', message: '已被使用，请换一个' }]);
    const en = await admin.post('/api/admin/users', newUser({ username: 'dispatcher' }), { 'x-lianxin-locale': 'en-US' });
    expect(en.json().errors).toEqual([{ field: 'username', message: 'Already in use; choose another' }]);
  });
});

describe('updating users', () => {
  it('changes the name, language and roles', async () => {
    const id = ctx.org.users.housingHandler;
    const res = await admin.patch(`/api/admin/users/${id}`, { displayName: '孙建', locale: 'en-US', phone: '13800001111', grants: [{ role: 'unit_head', unitId: 'u-housing' }, { role: 'unit_head', unitId: 'u-housing' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '孙建', locale: 'en-US', phone: '138****1111' });
    expect(res.json().grants.map((g: { role: string; unitId: string }) => `${g.role}@${g.unitId}`)).toEqual(['unit_head@u-housing']);
    const entry = await lastAudit(ctx, 'user', id);
    expect(entry).toMatchObject({ action: 'update' });
    expect(entry!.detail.changed).toMatchObject({ displayName: '孙建', locale: 'en-US', phone: 'set', grants: [{ role: 'unit_head', unitId: 'u-housing' }] });
    expect((await admin.get(`/api/admin/users/${id}`)).json().displayName).toBe('孙建');
  });

  it('deactivating a user ends their sessions', async () => {
    const temp = await ctx.userWith([{ role: 'handler', unitId: 'u-civil' }]);
    expect((await temp.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.patch(`/api/admin/users/${temp.userId}`, { isActive: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().isActive).toBe(false);
    expect(await sessionCount(temp.userId!)).toBe(0);
    expectProblem(await temp.get('/api/auth/me'), 401);
    expect((await lastAudit(ctx, 'user', temp.userId!))!.action).toBe('deactivate');
  });

  it('resetting a password ends the user’s sessions and the new password works', async () => {
    const temp = await ctx.userWith([{ role: 'handler', unitId: 'u-civil' }]);
    const username = (await admin.get(`/api/admin/users/${temp.userId}`)).json().username;
    const res = await admin.patch(`/api/admin/users/${temp.userId}`, { password: 'NewPass2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await sessionCount(temp.userId!)).toBe(0);
    expect((await lastAudit(ctx, 'user', temp.userId!))!.detail.changed).toEqual({ password: 'reset' });
    expect((await ctx.anonymous().post('/api/auth/login', { username, password: 'NewPass2026' })).statusCode).toBe(200);
  });

  it('does not let an admin lock themselves out', async () => {
    expectProblem(await admin.patch(`/api/admin/users/${ctx.org.users.admin}`, { isActive: false }), 422, 'isActive');
    expectProblem(await admin.patch(`/api/admin/users/${ctx.org.users.admin}`, { grants: [{ role: 'supervisor', unitId: 'u-center' }] }), 422, 'grants');
    expect((await admin.get('/api/auth/me')).json().roles.map((r: { role: string }) => r.role)).toEqual(['admin']);
  });

  it('refuses a non-admin with 403 and bad input with 400, changing nothing', async () => {
    const id = ctx.org.users.handler;
    expectProblem(await dispatcher.patch(`/api/admin/users/${id}`, { isActive: false }), 403);
    expectProblem(await admin.patch(`/api/admin/users/${id}`, { locale: 'de' }), 400, 'locale');
    expectProblem(await admin.patch(`/api/admin/users/${id}`, { password: '12345678' }), 400, 'password');
    expectProblem(await admin.patch(`/api/admin/users/${id}`, { grants: [{ role: 'handler', unitId: 'u-nowhere' }] }), 400, 'grants.0.unitId');
    const row = await db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ locale: 'zh-CN', isActive: 1, passwordHash: ctx.org.passwordHash });
    expect(await db().selectFrom('userRoles').select(['role', 'unitId']).where('userId', '=', id).execute()).toEqual([{ role: 'handler', unitId: 'u-civil' }]);
    expectProblem(await admin.patch('/api/admin/users/nobody', { displayName: '无' }), 404);
  });
});

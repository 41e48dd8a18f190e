import { describe, expect, it } from 'vitest';
import { AREAS } from '../../test/fixtures.js';
import { suiteContext } from '../../test/context.js';
import { auditCount, expectProblem, lastAudit } from '../../test/admin-support.js';

const { ctx, admin, dispatcher } = suiteContext({ admin: 'admin', dispatcher: 'dispatcher' });

const unitCount = async () => Number((await ctx.database.db.selectFrom('units').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((u) => u.id);

describe('listing units', () => {
  it('filters by area subtree, kind and name for any staff member', async () => {
    const handler = await ctx.as('handler');
    const inTown = await handler.get(`/api/units?areaCode=${AREAS.townA}`);
    expect(inTown.statusCode, inTown.body).toBe(200);
    expect(ids(inTown)).toEqual(['u-townA', 'u-villageA1', 'u-villageA2']);
    expect(inTown.json().items[1]).toMatchObject({ name: '东门社区居民委员会', kind: 'village', areaName: '东门社区', isActive: true });
    expect(ids(await handler.get('/api/units?kind=department')).sort()).toEqual(['u-civil', 'u-housing']);
    expect(ids(await handler.get(`/api/units?q=${encodeURIComponent('民政局')}`))).toEqual(['u-civil']);
    // 人民政府 contains 民政 too; and % is a character to find, not a wildcard.
    expect(ids(await handler.get(`/api/units?q=${encodeURIComponent('民政')}`))).toEqual(['u-civil', 'u-townA', 'u-townB']);
    expect(ids(await handler.get(`/api/units?q=${encodeURIComponent('%')}`))).toEqual([]);
  });

  it('pages with a total', async () => {
    const res = await dispatcher.get('/api/units?pageSize=2&page=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 7, page: 2, pageSize: 2 });
    expect(res.json().items).toHaveLength(2);
    expectProblem(await dispatcher.get('/api/units?pageSize=0'), 400, 'pageSize');
  });
});

describe('creating units', () => {
  it('creates a unit with an audit entry', async () => {
    const res = await admin.post('/api/admin/units', { name: '青溪县水利局', kind: 'department', areaCode: AREAS.county, phone: '0798-1234567' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '青溪县水利局', kind: 'department', areaCode: AREAS.county, areaName: '青溪县', phone: '0798-1234567', isActive: true });
    expect(await lastAudit(ctx, 'unit', res.json().id)).toMatchObject({ action: 'create', actorUserId: ctx.org.users.admin });
  });

  it('refuses a non-admin with 403 and writes nothing', async () => {
    const before = await unitCount();
    expectProblem(await dispatcher.post('/api/admin/units', { name: '青溪县林业局', kind: 'department', areaCode: AREAS.county }), 403);
    expect(await unitCount()).toBe(before);
  });

  it('lets a township admin add units only inside the township', async () => {
    const townAdmin = await ctx.userWith([{ role: 'admin', unitId: 'u-townA' }]);
    expectProblem(await townAdmin.post('/api/admin/units', { name: '青溪县林业局', kind: 'department', areaCode: AREAS.county }), 403);
    const res = await townAdmin.post('/api/admin/units', { name: '东门社区网格站', kind: 'other', areaCode: AREAS.gridA1 });
    expect(res.statusCode, res.body).toBe(201);
  });

  it.each([
    ['an unknown kind', { name: '某单位', kind: 'ministry', areaCode: AREAS.county }, 'kind'],
    ['a malformed area code', { name: '某单位', kind: 'other', areaCode: '3699' }, 'areaCode'],
    ['an area that does not exist', { name: '某单位', kind: 'other', areaCode: '369901109000' }, 'areaCode'],
    ['a malformed phone', { name: '某单位', kind: 'other', areaCode: AREAS.county, phone: '12345' }, 'phone'],
    ['a missing name', { kind: 'other', areaCode: AREAS.county }, 'name'],
  ])('answers 400 naming the field for %s, writing nothing', async (_label, body, field) => {
    const [units, audits] = [await unitCount(), await auditCount(ctx)];
    expectProblem(await admin.post('/api/admin/units', body), 400, field);
    expect(await unitCount()).toBe(units);
    expect(await auditCount(ctx)).toBe(audits);
  });

  it('answers 409 for a name already used at the same area', async () => {
    expectProblem(await admin.post('/api/admin/units', { name: '青溪县民政局', kind: 'department', areaCode: AREAS.county }), 409, 'name');
  });
});

describe('updating units', () => {
  it('renames a unit and audits before and after', async () => {
    const res = await admin.patch('/api/admin/units/u-housing', { name: '青溪县住建局', phone: '0798-7654321' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: 'u-housing', name: '青溪县住建局', phone: '0798-7654321' });
    expect((await lastAudit(ctx, 'unit', 'u-housing'))!.detail).toMatchObject({ before: { name: '青溪县住房和城乡建设局', phone: null }, after: { name: '青溪县住建局' } });
  });

  it('deactivates a unit: hidden from pickers, and its members lose those roles', async () => {
    const created = (await admin.post('/api/admin/units', { name: '临时工作专班', kind: 'other', areaCode: AREAS.county })).json();
    const member = await ctx.userWith([{ role: 'handler', unitId: created.id }]);
    expect((await member.get('/api/auth/me')).json().roles).toHaveLength(1);

    const res = await admin.patch(`/api/admin/units/${created.id}`, { isActive: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().isActive).toBe(false);
    expect((await lastAudit(ctx, 'unit', created.id))!.action).toBe('deactivate');
    expect(ids(await dispatcher.get('/api/units?kind=other'))).not.toContain(created.id);
    expect(ids(await dispatcher.get('/api/units?kind=other&includeInactive=true'))).toContain(created.id);
    expect((await member.get('/api/auth/me')).json().roles).toHaveLength(0);
  });

  it('refuses a non-admin with 403, bad input with 400 and unknown ids with 404, changing nothing', async () => {
    expectProblem(await dispatcher.patch('/api/admin/units/u-civil', { isActive: false }), 403);
    expectProblem(await admin.patch('/api/admin/units/u-civil', { isActive: 'no' }), 400, 'isActive');
    expectProblem(await admin.patch('/api/admin/units/u-civil', { areaCode: '369901109000' }), 400, 'areaCode');
    expectProblem(await admin.patch('/api/admin/units/u-civil', { name: '青溪县住建局' }), 409, 'name');
    expectProblem(await admin.patch('/api/admin/units/u-nowhere', { name: '无' }), 404);
    const row = await ctx.database.db.selectFrom('units').selectAll().where('id', '=', 'u-civil').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '青溪县民政局', areaCode: AREAS.county, isActive: 1 });
  });
});

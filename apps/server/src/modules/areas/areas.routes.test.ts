import { describe, expect, it } from 'vitest';
import { AREAS } from '../../test/fixtures.js';
import { suiteContext } from '../../test/context.js';
import { auditCount, expectProblem, lastAudit } from '../../test/admin-support.js';

const { ctx, admin, registrar } = suiteContext({ admin: 'admin', registrar: 'registrar' });

const areaCount = async () => Number((await ctx.database.db.selectFrom('areas').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
const NEW_VILLAGE = '369901100203';

describe('reading areas', () => {
  it('lists the direct children of an area for any staff member', async () => {
    const res = await registrar.get(`/api/areas?parentCode=${AREAS.townA}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((a: { code: string }) => a.code)).toEqual([AREAS.villageA1, AREAS.villageA2]);
    expect(res.json().items[0]).toMatchObject({ name: '东门社区', level: 'village', parentCode: AREAS.townA });
  });

  it('nests a subtree as a tree', async () => {
    const res = await registrar.get(`/api/areas?format=tree&root=${AREAS.county}`);
    expect(res.statusCode, res.body).toBe(200);
    const [county] = res.json().items;
    expect(res.json().items).toHaveLength(1);
    expect(county.code).toBe(AREAS.county);
    expect(county.children.map((a: { code: string }) => a.code)).toEqual([AREAS.townA, AREAS.townB]);
    expect(county.children[0].children[0].children.map((a: { code: string }) => a.code)).toEqual([AREAS.gridA1]);
  });

  it('shows one area with its ancestors and children, 404 for an unknown code', async () => {
    const res = await registrar.get(`/api/areas/${AREAS.villageA1}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().path.map((a: { code: string }) => a.code)).toEqual([AREAS.province, AREAS.city, AREAS.county, AREAS.townA]);
    expect(res.json().children.map((a: { code: string }) => a.code)).toEqual([AREAS.gridA1]);
    expectProblem(await registrar.get('/api/areas/369901100299'), 404);
  });

  it('refuses anonymous callers and a malformed filter', async () => {
    expectProblem(await ctx.anonymous().get('/api/areas'), 401);
    expectProblem(await registrar.get('/api/areas?parentCode=12'), 400, 'parentCode');
  });
});

describe('creating areas', () => {
  it('adds a village and a grid under it, each with an audit entry', async () => {
    const village = await admin.post('/api/admin/areas', { code: NEW_VILLAGE, parentCode: AREAS.townA, name: '南门社区', lat: 27.5, lng: 115.2 });
    expect(village.statusCode, village.body).toBe(201);
    expect(village.json()).toMatchObject({ code: NEW_VILLAGE, level: 'village', parentCode: AREAS.townA, lat: 27.5, sort: 0 });
    const grid = await admin.post('/api/admin/areas', { code: `${NEW_VILLAGE}001`, parentCode: NEW_VILLAGE, name: '南门社区第一网格', level: 'grid' });
    expect(grid.statusCode, grid.body).toBe(201);
    expect(grid.json().level).toBe('grid');
    const entry = await lastAudit(ctx, 'area', NEW_VILLAGE);
    expect(entry).toMatchObject({ action: 'create', actorUserId: ctx.org.users.admin });
    expect(entry!.detail.after.name).toBe('南门社区');
  });

  it('refuses a non-admin with 403 and writes nothing', async () => {
    const before = await areaCount();
    expectProblem(await registrar.post('/api/admin/areas', { code: '369901100204', parentCode: AREAS.townA, name: '北门社区' }), 403);
    expect(await areaCount()).toBe(before);
  });

  it('refuses an admin outside the place with 403', async () => {
    const townAdmin = await ctx.userWith([{ role: 'admin', unitId: ctx.org.units['u-townA'] }]);
    expectProblem(await townAdmin.post('/api/admin/areas', { code: '369901101202', parentCode: AREAS.townB, name: '河西村' }), 403);
    const inside = await townAdmin.post('/api/admin/areas', { code: '369901100205', parentCode: AREAS.townA, name: '新城社区' });
    expect(inside.statusCode, inside.body).toBe(201);
  });

  it.each([
    ['a malformed code', { code: '3699011002', parentCode: AREAS.townA, name: 'x' }, 'code'],
    ['a level that contradicts the code', { code: '369901100206', parentCode: AREAS.townA, name: 'x', level: 'township' }, 'level'],
    ['a parent two levels up', { code: '369901100206', parentCode: AREAS.county, name: 'x' }, 'parentCode'],
    ['a code outside the parent', { code: '369901101206', parentCode: AREAS.townA, name: 'x' }, 'code'],
    ['a code outside the parent and the admin’s county', { code: '369902100000', parentCode: AREAS.county, name: 'x' }, 'code'],
    ['a missing parent', { code: '369901102000', parentCode: '369902000000', name: 'x' }, 'parentCode'],
    ['a grid that does not extend its village', { code: '369901100202009', parentCode: AREAS.villageA1, name: 'x' }, 'code'],
    ['no parent below province level', { code: '369901100206', name: 'x' }, 'parentCode'],
    ['an empty name', { code: '369901100206', parentCode: AREAS.townA, name: ' ' }, 'name'],
    ['a latitude off the globe', { code: '369901100206', parentCode: AREAS.townA, name: 'x', lat: 91 }, 'lat'],
  ])('answers 400 naming the field for %s, writing nothing', async (_label, body, field) => {
    const [areas, audits] = [await areaCount(), await auditCount(ctx)];
    expectProblem(await admin.post('/api/admin/areas', body), 400, field);
    expect(await areaCount()).toBe(areas);
    expect(await auditCount(ctx)).toBe(audits);
  });

  it('answers 409 for a code that exists', async () => {
    expectProblem(await admin.post('/api/admin/areas', { code: AREAS.villageA1, parentCode: AREAS.townA, name: '重复' }), 409, 'code');
  });
});

describe('updating areas', () => {
  it('renames an area and moves its marker, auditing before and after', async () => {
    const res = await admin.patch(`/api/admin/areas/${AREAS.villageA2}`, { name: '西门社区（新）', lat: 27.1, lng: 115.3, sort: 5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: AREAS.villageA2, name: '西门社区（新）', lat: 27.1, lng: 115.3, sort: 5 });
    const entry = await lastAudit(ctx, 'area', AREAS.villageA2);
    expect(entry!.detail).toMatchObject({ before: { name: '西门社区', lat: null }, after: { name: '西门社区（新）', lat: 27.1 } });
  });

  it('refuses a non-admin with 403 and bad input with 400, changing nothing', async () => {
    expectProblem(await registrar.patch(`/api/admin/areas/${AREAS.villageB1}`, { name: '改名' }), 403);
    expectProblem(await admin.patch(`/api/admin/areas/${AREAS.villageB1}`, { lng: 181 }), 400, 'lng');
    expectProblem(await admin.patch(`/api/admin/areas/${AREAS.villageB1}`, { name: '' }), 400, 'name');
    const row = await ctx.database.db.selectFrom('areas').selectAll().where('code', '=', AREAS.villageB1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '河口村', lng: null });
    expectProblem(await admin.patch('/api/admin/areas/369901100299', { name: '无' }), 404);
  });
});

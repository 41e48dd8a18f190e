import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { expectProblem } from '../../test/admin-support.js';

const { ctx, cadre, admin } = suiteContext({ cadre: 'cadreA1', admin: 'admin' });

type Staff = { id: string; username: string; displayName: string; grants: { role: string; unitId: string; unitName: string; areaCode: string }[] };
const names = (items: Staff[]) => items.map((s) => s.username).sort();

describe('GET /api/staff (colleagues for pickers)', () => {
  it('lists active staff by role with their units, never a phone, to any signed-in staff member', async () => {
    const res = await cadre.get('/api/staff?role=stationed_cadre');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Staff[];
    expect(names(items)).toEqual(['cadreA1', 'cadreA2']);
    expect(items.find((s) => s.username === 'cadreA2')!.grants).toContainEqual({ role: 'stationed_cadre', unitId: 'u-villageA2', unitName: '西门社区居民委员会', areaCode: ctx.org.areas.villageA2 });
    expect(res.body).not.toMatch(/phone|password/i);
    // Leaders sit in county units: the directory is not cut to the reader's own village.
    expect(names((await cadre.get('/api/staff?role=leader')).json().items)).toEqual(['leader']);
  });

  it('narrows by area subtree and by text in the name', async () => {
    expect(names((await cadre.get(`/api/staff?areaCode=${ctx.org.areas.townA}`)).json().items)).toEqual(['cadreA1', 'cadreA2', 'townRegistrar']);
    expect(names((await cadre.get(`/api/staff?q=${encodeURIComponent('陈')}`)).json().items)).toEqual(['cadreA2']);
  });

  it('leaves out deactivated users', async () => {
    const deactivated = await admin.patch(`/api/admin/users/${ctx.org.users.cadreA2}`, { isActive: false });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(names((await cadre.get('/api/staff?role=stationed_cadre')).json().items)).toEqual(['cadreA1']);
  });

  it('refuses a malformed query, naming the field, and strangers', async () => {
    expectProblem(await cadre.get('/api/staff?areaCode=3699'), 400, 'areaCode');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/staff' })).statusCode).toBe(401);
  });
});

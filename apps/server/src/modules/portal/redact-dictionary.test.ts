import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { RedactionNames } from './redact-dictionary.js';
import { redact } from './redact.js';

/**
 * The redactor's dictionary follows the registry and the staff list without being told: a member
 * added, renamed or removed, a colleague renamed — the next public answer knows it (on SQLite and,
 * with DATABASE_URL, on PostgreSQL).
 */
const { ctx, cadreA1, admin } = suiteContext({ cadreA1: 'cadreA1', admin: 'admin' });

describe('the name dictionary of the redactor', () => {
  it('knows every staff member and household member, and follows their changes', async () => {
    let now = Date.now();
    const names = new RedactionNames(ctx.database.db, ctx.cipher, () => now);
    let d = await names.current();
    expect(d.has('李派单')).toBe(true);
    expect(d.has('冯社区')).toBe(true);

    const created = await cadreA1.post('/api/households', {
      areaCode: AREAS.villageA1,
      address: '东门社区解放路8号',
      headName: '饶冬生',
      tags: [],
      members: [
        { name: '饶冬生', relationship: 'head' },
        { name: '涂金莲', relationship: 'spouse' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const household = created.json() as { id: string; members: Array<{ id: string; relationship: string }> };
    d = await names.current();
    expect(d.has('饶冬生') && d.has('涂金莲')).toBe(true);
    expect(redact('感谢饶冬生和涂金莲两口子帮忙', [], d)).toBe('感谢某某和某某两口子帮忙');

    const added = await cadreA1.post(`/api/households/${household.id}/members`, { name: '饶小龙', relationship: 'child' });
    expect(added.statusCode, added.body).toBe(201);
    const spouse = household.members.find((m) => m.relationship === 'spouse')!;
    expect((await cadreA1.patch(`/api/households/${household.id}/members/${spouse.id}`, { name: '涂金兰' })).statusCode).toBe(200);
    d = await names.current();
    expect(d.has('饶小龙')).toBe(true);
    expect(d.has('涂金兰')).toBe(true);
    expect(d.has('涂金莲')).toBe(false);

    const child = (added.json() as { members: Array<{ id: string; name: string; relationship: string }> }).members.find((m) => m.relationship === 'child')!;
    expect((await cadreA1.delete(`/api/households/${household.id}/members/${child.id}`)).statusCode).toBeLessThan(300);
    d = await names.current();
    expect(d.has('饶小龙')).toBe(false);

    // A colleague renamed: at once when the name's length changes, within a minute when it does not.
    expect((await admin.patch(`/api/admin/users/${ctx.org.users.dispatcher}`, { displayName: '欧阳派单' })).statusCode).toBe(200);
    d = await names.current();
    expect(d.has('欧阳派单')).toBe(true);
    expect(d.has('李派单')).toBe(false);
    expect((await admin.patch(`/api/admin/users/${ctx.org.users.dispatcher}`, { displayName: '欧阳单派' })).statusCode).toBe(200);
    now += 61_000;
    d = await names.current();
    expect(d.has('欧阳单派')).toBe(true);
    expect(d.has('欧阳派单')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { caseInput } from '../../test/fixtures.js';
import { suiteContext } from '../../test/context.js';
import { auditCount, expectProblem, lastAudit } from '../../test/admin-support.js';

const { ctx, admin, handler } = suiteContext({ admin: 'admin', handler: 'handler' });

interface Node {
  code: string;
  children: Node[];
}
const categoryCount = async () => Number((await ctx.database.db.selectFrom('categories').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
const find = (nodes: Node[], code: string): Node | undefined => {
  for (const node of nodes) {
    if (node.code === code) return node;
    const inner = find(node.children, code);
    if (inner) return inner;
  }
  return undefined;
};
const tree = async (query = '') => (await handler.get(`/api/categories${query}`)).json().items as Node[];

describe('the category tree', () => {
  it('is readable by every staff member, children nested', async () => {
    const res = await handler.get('/api/categories');
    expect(res.statusCode, res.body).toBe(200);
    const social = find(res.json().items, 'social');
    expect(social).toMatchObject({ name: '民政救助', nameEn: 'Social assistance', parentCode: null, defaultUnitId: null, isActive: true });
    expect(social!.children.map((c) => c.code)).toEqual(['social.dibao', 'social.elderly', 'social.disability']);
  });
});

describe('creating categories', () => {
  it('adds a sub-category with a default unit and an audit entry', async () => {
    const res = await admin.post('/api/admin/categories', { code: 'social.orphans', parentCode: 'social', name: '孤儿救助', nameEn: 'Orphan support', defaultUnitId: 'u-civil', sort: 99 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'social.orphans', parentCode: 'social', defaultUnitId: 'u-civil', isActive: true });
    expect(find(await tree(), 'social')!.children.map((c) => c.code)).toContain('social.orphans');
    expect(await lastAudit(ctx, 'category', 'social.orphans')).toMatchObject({ action: 'create', actorUserId: ctx.org.users.admin });
  });

  it('refuses a non-admin with 403 and writes nothing', async () => {
    const before = await categoryCount();
    expectProblem(await handler.post('/api/admin/categories', { code: 'misc', name: '杂项', nameEn: 'Misc' }), 403);
    expect(await categoryCount()).toBe(before);
  });

  it.each([
    ['a code that is not a slug', { code: 'Social Orphans', name: '孤儿', nameEn: 'Orphans' }, 'code'],
    ['an unknown parent', { code: 'misc.a', parentCode: 'misc', name: '杂项', nameEn: 'Misc' }, 'parentCode'],
    ['an unknown default unit', { code: 'misc', defaultUnitId: 'u-nowhere', name: '杂项', nameEn: 'Misc' }, 'defaultUnitId'],
    ['a missing English name', { code: 'misc', name: '杂项' }, 'nameEn'],
  ])('answers 400 naming the field for %s, writing nothing', async (_label, body, field) => {
    const [categories, audits] = [await categoryCount(), await auditCount(ctx)];
    expectProblem(await admin.post('/api/admin/categories', body), 400, field);
    expect(await categoryCount()).toBe(categories);
    expect(await auditCount(ctx)).toBe(audits);
  });

  it('answers 409 for a code that exists', async () => {
    expectProblem(await admin.post('/api/admin/categories', { code: 'social.dibao', parentCode: 'social', name: '低保', nameEn: 'Dibao' }), 409, 'code');
  });
});

describe('updating categories', () => {
  it('refuses to move a category under itself or its own child', async () => {
    expectProblem(await admin.patch('/api/admin/categories/social', { parentCode: 'social.dibao' }), 400, 'parentCode');
    expectProblem(await admin.patch('/api/admin/categories/social', { parentCode: 'social' }), 400, 'parentCode');
    const row = await ctx.database.db.selectFrom('categories').selectAll().where('code', '=', 'social').executeTakeFirstOrThrow();
    expect(row.parentCode).toBeNull();
  });

  it('refuses a non-admin with 403, bad input with 400 and unknown codes with 404', async () => {
    expectProblem(await handler.patch('/api/admin/categories/social.elderly', { name: '养老' }), 403);
    expectProblem(await admin.patch('/api/admin/categories/social.elderly', { defaultUnitId: 'u-nowhere' }), 400, 'defaultUnitId');
    expectProblem(await admin.patch('/api/admin/categories/social.elderly', { sort: -1 }), 400, 'sort');
    expectProblem(await admin.patch('/api/admin/categories/no.such', { name: '无' }), 404);
    const row = await ctx.database.db.selectFrom('categories').selectAll().where('code', '=', 'social.elderly').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '养老服务', defaultUnitId: null });
  });

  it('deactivates a category: hidden with its subtree unless inactive ones are asked for', async () => {
    const res = await admin.patch('/api/admin/categories/education', { isActive: false, nameEn: 'Education' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isActive: false, nameEn: 'Education' });
    expect(find(await tree(), 'education')).toBeUndefined();
    expect(find(await tree(), 'education.fees')).toBeUndefined();
    expect(find(await tree('?includeInactive=true'), 'education.fees')).toBeDefined();
    expect((await lastAudit(ctx, 'category', 'education'))!.detail).toMatchObject({ before: { isActive: 1 }, after: { isActive: 0 } });
  });

  it('moves a category, and time limits follow the new parent at once', async () => {
    const registrar = await ctx.as('registrar');
    const rule = await admin.post('/api/admin/time-limit-rules', { stage: 'intake', categoryCode: 'land', amount: 3, unit: 'hours' });
    expect(rule.statusCode, rule.body).toBe(201);
    const before = (await registrar.post('/api/cases', caseInput())).json();
    expect(before.deadlines.intake).toBe('2026-03-03T15:59:59.999Z');

    const moved = await admin.patch('/api/admin/categories/social.dibao', { parentCode: 'land' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(find(await tree(), 'land')!.children.map((c) => c.code)).toContain('social.dibao');
    const after = (await registrar.post('/api/cases', caseInput())).json();
    expect(after.deadlines.intake).toBe(new Date(Date.parse(after.times.received) + 3 * 3_600_000).toISOString());
  });
});

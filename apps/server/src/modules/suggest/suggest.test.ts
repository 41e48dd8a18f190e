import { describe, expect, it } from 'vitest';
import { act, allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { createSuggestService } from './suggest.service.js';

const { ctx } = suiteContext();

const WATER = [
  ['小区停水三天', '我们小区自来水已经停水三天，水压很低，水管好像破裂了，请供水公司尽快抢修。'],
  ['自来水发黄', '最近自来水发黄有异味，怀疑水管老化，请检查供水水质。'],
  ['水压太低', '楼上住户水压不足，自来水上不去，请供水部门加压。'],
];
const DIBAO = [
  ['低保申请没有答复', '家庭困难，老人生病住院，向社区递交低保申请三个月没有答复，请尽快审核。'],
  ['特困救助', '本人残疾没有收入，申请特困救助和低保，希望民政部门帮助。'],
  ['低保被取消', '我家低保突然被取消，家里仍然困难，请民政局重新核查。'],
];

/** Registers a case and has the housing bureau answer it (replied). */
async function repliedByHousing(client: Client, title: string, content: string) {
  const created = await client.post('/api/cases', caseInput({ title, content, categoryCode: 'utilities.water' }));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await act(client, id, 'dispatch', { unitId: ctx.org.units['u-housing'] });
  await act(client, id, 'accept', {});
  await act(client, id, 'reply', { reply: '已安排维修，恢复正常供水。', solved: true });
}

describe('category and unit suggestion', () => {
  it('starts cold from the category tree\'s keywords, and says so (unsure)', async () => {
    const registrar = await ctx.as('registrar');
    const response = await registrar.post('/api/cases/suggest', { title: '停水', content: '小区停水两天了，自来水一直没来' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ trainedOn: 0, source: 'keywords', unsure: true });
    expect(body.categories[0]).toMatchObject({ code: 'utilities.water', name: '供水' });
    expect(body.categories[0].terms).toEqual(expect.arrayContaining(['停水', '自来水']));
    const nothing = (await registrar.post('/api/cases/suggest', { content: '嗯嗯嗯' })).json();
    expect(nothing).toMatchObject({ categories: [], source: 'none', unsure: true });
  });

  it('learns categories and units from handled cases once retrained, and explains itself', async () => {
    const worker = await allPowerful(ctx);
    const housing = await ctx.userWith([
      { role: 'registrar', unitId: ctx.org.units['u-center'] },
      { role: 'dispatcher', unitId: ctx.org.units['u-center'] },
      { role: 'handler', unitId: ctx.org.units['u-housing'] },
    ]);
    for (const [title, content] of WATER) await repliedByHousing(housing, title!, content!);
    for (const [title, content] of DIBAO) await caseInState(ctx, worker, 'closed', { title, content, categoryCode: 'social.dibao' });
    // Not handled yet: must not teach the model that water words mean education.
    await caseInState(ctx, worker, 'handling', { title: '停水自来水', content: '自来水停水水管水压', categoryCode: 'education.fees' });

    const admin = await ctx.as('admin');
    const retrained = await admin.post('/api/admin/suggest/retrain');
    expect(retrained.statusCode, retrained.body).toBe(200);
    expect(retrained.json().cases).toBe(6);
    expect(retrained.json().seconds).toBeGreaterThanOrEqual(0);

    const registrar = await ctx.as('registrar');
    const water = (await registrar.post('/api/cases/suggest', { title: '又停水了', content: '小区自来水停水，水压很低，请尽快修水管。' })).json();
    expect(water.trainedOn).toBe(6);
    // Six handled cases are too few for the model: keywords still decide, units are learned.
    expect(water.source).toBe('keywords');
    expect(water.categories[0]).toMatchObject({ code: 'utilities.water', name: '供水' });
    expect(water.units[0]).toMatchObject({ id: 'u-housing', name: '青溪县住房和城乡建设局' });
    expect(water.units[0].reasons).toContainEqual({ kind: 'handles', categoryName: '供水', share: 1, cases: 3 });

    const dibao = (await registrar.post('/api/cases/suggest', { content: '家里困难，申请低保，请民政部门帮助。' })).json();
    expect(dibao.categories[0].code).toBe('social.dibao');
    expect(dibao.categories[0].terms).toContain('低保');
    expect(dibao.units[0].id).toBe('u-civil');

    // With the village: the township covering it is suggested, with why; never the other township.
    const local = (await registrar.post('/api/cases/suggest', { content: '家里困难，申请低保，请民政部门帮助。', areaCode: AREAS.villageA1 })).json();
    const ids = local.units.map((u: { id: string }) => u.id);
    expect(ids).toContain('u-townA');
    expect(ids).not.toContain('u-townB');
    expect(local.units.find((u: { id: string }) => u.id === 'u-townA').reasons).toContainEqual({ kind: 'covers', areaName: '东门社区' });
    // The chosen category decides the competent units, whatever the text says.
    const chosen = (await registrar.post('/api/cases/suggest', { content: '家里困难，申请低保。', categoryCode: 'utilities.water' })).json();
    expect(chosen.categoryCode).toBe('utilities.water');
    expect(chosen.units[0].id).toBe('u-housing');

    // Once enough cases are handled the learned model takes over (threshold lowered for the test).
    const small = createSuggestService({ db: ctx.database.db, modelMinCases: 6 });
    const learned = await small.suggest({} as never, { title: '又停水了', content: '小区自来水停水，水压很低，请尽快修水管。' });
    expect(learned.source).toBe('model');
    expect(learned.categories[0]!.code).toBe('utilities.water');
    expect(learned.categories[0]!.terms.length).toBeGreaterThan(0);
    expect(learned.unsure).toBe(learned.categories[0]!.confidence < 0.6);
  });

  it('lets admins edit a category\'s cold-start keywords, which decide at once (saying keywords decided) until the model takes over', async () => {
    const admin = await ctx.as('admin');
    const registrar = await ctx.as('registrar');
    const text = { title: '泵房半夜响', content: '楼下泵房半夜嗡嗡作响，睡不着。' };
    const state = await admin.get('/api/admin/suggest');
    expect(state.statusCode, state.body).toBe(200);
    expect(state.json()).toMatchObject({ source: 'keywords', modelMinCases: 100 });
    expect(typeof state.json().trainedAt).toBe('string');
    const water = state.json().categories.find((c: { code: string }) => c.code === 'utilities.water');
    expect(water).toMatchObject({ name: '供水', edited: false, updatedAt: null });
    expect(water.keywords).toContain('停水');
    expect(water.fromName).toContain('供水');
    expect(state.json().categories.map((c: { code: string }) => c.code)).not.toContain('utilities'); // leaves only
    expect((await registrar.post('/api/cases/suggest', text)).json().categories.map((c: { code: string }) => c.code)).not.toContain('utilities.water');

    const saved = await admin.put('/api/admin/suggest/keywords/utilities.water', { keywords: ['停水', '泵房', ' 二次供水 ', '泵房'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ code: 'utilities.water', edited: true, keywords: ['停水', '泵房', '二次供水'] });
    const suggested = (await registrar.post('/api/cases/suggest', text)).json();
    expect(suggested).toMatchObject({ source: 'keywords', unsure: true });
    expect(suggested.categories[0]).toMatchObject({ code: 'utilities.water' });
    expect(suggested.categories[0].terms).toContain('泵房');
    // The learned model, once it decides, does not need them (threshold lowered for the test).
    const small = createSuggestService({ db: ctx.database.db, modelMinCases: 6 });
    expect((await small.suggest({} as never, text)).source).toBe('model');

    const bad = await admin.put('/api/admin/suggest/keywords/utilities.water', { keywords: ['泵'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('keywords');
    expect((await admin.put('/api/admin/suggest/keywords/nope', { keywords: ['泵房'] })).statusCode).toBe(404);
    expect((await registrar.put('/api/admin/suggest/keywords/utilities.water', { keywords: ['泵房'] })).statusCode).toBe(403);
    expect((await registrar.get('/api/admin/suggest')).statusCode).toBe(403);
    const audit = await ctx.database.db.selectFrom('auditLog').select(['action', 'subjectId']).where('action', '=', 'suggest_keywords_set').execute();
    expect(audit).toEqual([{ action: 'suggest_keywords_set', subjectId: 'utilities.water' }]);

    const reset = await admin.delete('/api/admin/suggest/keywords/utilities.water');
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ edited: false, updatedAt: null });
    expect(reset.json().keywords).not.toContain('泵房');
    expect((await registrar.post('/api/cases/suggest', text)).json().categories.map((c: { code: string }) => c.code)).not.toContain('utilities.water');
  });

  it('lets only admins retrain', async () => {
    const response = await (await ctx.as('dispatcher')).post('/api/admin/suggest/retrain');
    expect(response.statusCode).toBe(403);
    expect((await ctx.anonymous().post('/api/cases/suggest', { content: '停水' })).statusCode).toBe(401);
  });

  it('refuses a body without content (400, naming the field)', async () => {
    const registrar = await ctx.as('registrar');
    const response = await registrar.post('/api/cases/suggest', { title: '停水' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('content');
    expect((await registrar.post('/api/cases/suggest', { content: 'x'.repeat(5001) })).statusCode).toBe(400);
    const badArea = await registrar.post('/api/cases/suggest', { content: '停水', areaCode: '12ab' });
    expect(badArea.statusCode).toBe(400);
    expect(badArea.body).toContain('areaCode');
  });
});

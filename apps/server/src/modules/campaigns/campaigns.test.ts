import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { fieldsOf, insertHousehold } from '../field-work/field-work.test-support.js';

const { ctx, dispatcher } = suiteContext({ dispatcher: 'dispatcher' });
let campaign: string;
const h: Record<string, string> = {};
type Coverage = { total: number; visited: number; rate: number | null; byVillage: Array<{ villageCode: string; total: number; visited: number }>; byCadre: Array<{ cadre: { name: string } | null; total: number; visited: number }> };
const coverage = async (client: Client): Promise<Coverage> => (await client.get(`/api/campaigns/${campaign}/coverage`)).json();

beforeAll(async () => {
  h.a1 = await insertHousehold(ctx, { areaCode: AREAS.villageA1, address: '东门社区解放路1号', headName: '张秀英', tags: ['dibao', 'elderly_alone'] });
  h.a2 = await insertHousehold(ctx, { areaCode: AREAS.gridA1, address: '东门社区解放路2号', headName: '李国强', tags: ['dibao'] });
  h.a3 = await insertHousehold(ctx, { areaCode: AREAS.villageA1, address: '东门社区解放路3号', headName: '王芳' });
  h.b1 = await insertHousehold(ctx, { areaCode: AREAS.villageA2, address: '西门社区西街1号', headName: '赵德明', tags: ['dibao'] });
  h.b2 = await insertHousehold(ctx, { areaCode: AREAS.villageA2, address: '西门社区西街2号', headName: '钱桂香', tags: ['elderly_alone'] });
  h.c1 = await insertHousehold(ctx, { areaCode: AREAS.villageB1, address: '河口村一组', headName: '孙有才', tags: ['dibao'] });
});

describe('campaigns', () => {
  it('are created by planners over the area', async () => {
    const body = { name: '2026年冬季“三送”活动', areaCode: AREAS.townA, startsOn: '2026-03-01', endsOn: '2026-03-31', description: '送政策、送温暖、送服务' };
    const created = await dispatcher.post('/api/campaigns', body);
    expect(created.statusCode, created.body).toBe(201);
    campaign = created.json().id;
    expect(created.json()).toMatchObject({ areaName: '城关镇', coverage: { total: 0, visited: 0, rate: null } });
    expect((await (await ctx.as('cadreA1')).post('/api/campaigns', body)).statusCode).toBe(403);
    expect(fieldsOf((await dispatcher.post('/api/campaigns', { ...body, endsOn: '2026-02-01' })).json())).toContain('endsOn');
    // A village cadre sees the township's campaign.
    expect((await (await ctx.as('cadreA1')).get('/api/campaigns')).json().items.map((c: { id: string }) => c.id)).toEqual([campaign]);
    expect((await (await ctx.as('handler')).get('/api/campaigns')).statusCode).toBe(403);
  });

  it('target households by area subtree and tags', async () => {
    const url = `/api/campaigns/${campaign}/targets`;
    expect((await dispatcher.post(url, { tags: ['dibao'] })).json()).toMatchObject({ added: 3, coverage: { total: 3 } }); // not 河口村: outside the campaign
    expect((await dispatcher.post(url, { tags: ['dibao', 'elderly_alone'], match: 'all' })).json().added).toBe(0);
    expect((await dispatcher.post(url, { tags: ['elderly_alone'], areaCode: AREAS.villageA2 })).json().added).toBe(1);
    expect(fieldsOf((await dispatcher.post(url, { tags: ['no_such_tag'] })).json())).toContain('tags');
    expect(fieldsOf((await dispatcher.post(url, { areaCode: AREAS.villageB1 })).json())).toContain('areaCode');
    expect((await (await ctx.as('cadreA1')).post(url, { tags: [] })).statusCode).toBe(403);
    const targets = (await dispatcher.get(`/api/campaigns/${campaign}/targets`)).json().items;
    expect(targets.map((t: { household: { id: string } }) => t.household.id).sort()).toEqual([h.a1, h.a2, h.b1, h.b2].sort());
    expect(JSON.stringify(targets)).not.toMatch(/张秀英|李国强|赵德明|钱桂香/);
    expect(targets.find((t: { household: { id: string } }) => t.household.id === h.a1).household).toMatchObject({ headName: '张**', tags: ['dibao', 'elderly_alone'] });
  });

  it('share targets among cadres evenly, neighbours together, or one by one', async () => {
    const even = await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'even', cadreUserIds: [ctx.org.users.cadreA1, ctx.org.users.cadreA2] });
    expect(even.statusCode, even.body).toBe(200);
    expect(even.json().perCadre.map((p: { count: number }) => p.count)).toEqual([2, 2]);
    const mine = (await dispatcher.get(`/api/campaigns/${campaign}/targets?cadre=${ctx.org.users.cadreA1}`)).json().items;
    expect(mine.map((t: { household: { id: string } }) => t.household.id).sort()).toEqual([h.a1, h.a2].sort());
    expect(fieldsOf((await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'explicit', assignments: [{ householdId: h.c1, cadreUserId: ctx.org.users.cadreA1 }] })).json())).toContain('assignments');
    expect(fieldsOf((await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'even', cadreUserIds: ['user-nobody'] })).json())).toContain('cadreUserIds');
    expect(fieldsOf((await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'shuffle' })).json())).toContain('mode');
  });

  it('never give a cadre households they may not visit: a target outside every chosen cadre’s area is refused, changing nothing', async () => {
    const before = (await dispatcher.get(`/api/campaigns/${campaign}/targets`)).json().items;
    const refused = await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'even', cadreUserIds: [ctx.org.users.cadreA1], onlyUnassigned: false });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'no_cadre_for_area' });
    expect(refused.json().title).toContain('西门社区');
    expect(fieldsOf(refused.json())).toContain('cadreUserIds');
    expect((await dispatcher.get(`/api/campaigns/${campaign}/targets`)).json().items).toEqual(before);
    // Within the cadre's own village the same request is fine.
    const village = await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'even', cadreUserIds: [ctx.org.users.cadreA1], onlyUnassigned: false, areaCode: AREAS.villageA1 });
    expect(village.json().perCadre).toEqual([{ cadreUserId: ctx.org.users.cadreA1, count: 2 }]);
  });

  it('count visits recorded against the campaign in the coverage per village and cadre', async () => {
    const cadre = await ctx.as('cadreA1');
    const visit = await cadre.post('/api/visits', { kind: 'visit', areaCode: AREAS.villageA1, householdIds: [h.a1, h.a3], delivered: ['warmth'], campaignId: campaign, notes: '送去棉被和米油' });
    expect(visit.statusCode, visit.body).toBe(201);
    const all = await coverage(dispatcher);
    expect(all).toMatchObject({ total: 4, visited: 1, rate: 0.25 });
    expect(all.byVillage.map((v) => [v.villageCode, v.total, v.visited])).toEqual([
      [AREAS.villageA1, 2, 1],
      [AREAS.villageA2, 2, 0],
    ]);
    expect(all.byCadre.map((c) => [c.cadre?.name, c.total, c.visited])).toEqual([
      ['冯社区', 2, 1],
      ['陈社区', 2, 0],
    ]);
    // The list carries the same figures (the cadre's: their own village only).
    expect((await dispatcher.get('/api/campaigns')).json().items[0].coverage).toEqual({ total: 4, visited: 1, rate: 0.25 });
    expect((await cadre.get('/api/campaigns')).json().items[0].coverage).toEqual({ total: 2, visited: 1, rate: 0.5 });
    const visited = (await dispatcher.get(`/api/campaigns/${campaign}/targets?visited=true`)).json().items;
    expect(visited.map((t: { household: { id: string } }) => t.household.id)).toEqual([h.a1]);
    // A second visit does not move the first visit's date.
    await cadre.post('/api/visits', { kind: 'revisit', areaCode: AREAS.villageA1, householdIds: [h.a1], campaignId: campaign });
    expect((await coverage(dispatcher)).visited).toBe(1);
  });

  it('show each cadre only their part of a wider campaign', async () => {
    const theirs = await coverage(await ctx.as('cadreA2'));
    expect(theirs).toMatchObject({ total: 2, visited: 0 });
    expect(theirs.byVillage.map((v) => v.villageCode)).toEqual([AREAS.villageA2]);
    expect((await (await ctx.as('cadreA2')).get(`/api/campaigns/${campaign}/targets`)).json().items).toHaveLength(2);
    expect((await (await ctx.as('handler')).get(`/api/campaigns/${campaign}`)).statusCode).toBe(403);
    const other = (await dispatcher.post('/api/campaigns', { name: '河口乡送温暖', areaCode: AREAS.townB, startsOn: '2026-03-01', endsOn: '2026-03-31' })).json().id;
    expect((await (await ctx.as('cadreA1')).get(`/api/campaigns/${other}`)).statusCode).toBe(403);
    expect((await (await ctx.as('cadreA1')).post('/api/visits', { kind: 'visit', areaCode: AREAS.villageA1, place: '社区', campaignId: other })).statusCode).toBe(400);
  });
});

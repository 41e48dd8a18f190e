import { describe, expect, it } from 'vitest';
import { act, allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';

const { ctx, boss } = suiteContext({ boss: allPowerful });

type QueueItem = { id: string; status: string; returnCount: number; lastReturn: { reason: string; unitName: string } | null; requester: { phone: string | null } };
const queue = async (client: Client): Promise<QueueItem[]> => {
  const response = await client.get('/api/cases/dispatch-queue?limit=100');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};
const statusOf = async (id: string) => (await ctx.database.db.selectFrom('cases').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow());

describe('the dispatch queue', () => {
  it('lists registered and returned cases, a returned one with its reason, personal data masked', async () => {
    const registered = await caseInState(ctx, boss, 'registered');
    const returned = await caseInState(ctx, boss, 'assigned');
    await act(boss, returned, 'return', { reason: '不属于本单位职责，应由住建部门办理' });
    await caseInState(ctx, boss, 'handling');
    const items = await queue(await ctx.as('dispatcher'));
    expect(items.map((i) => i.id).sort()).toEqual([registered, returned].sort());
    const back = items.find((i) => i.id === returned)!;
    expect(back.returnCount).toBe(1);
    expect(back.lastReturn?.reason).toBe('不属于本单位职责，应由住建部门办理');
    expect(back.lastReturn?.unitName).toBe('青溪县民政局');
    expect(items.find((i) => i.id === registered)!.lastReturn).toBeNull();
    expect(back.requester.phone).toMatch(/^139\*+1234$/);
  });

  it('is for dispatchers only, within their area', async () => {
    expect((await (await ctx.as('handler')).get('/api/cases/dispatch-queue')).statusCode).toBe(403);
    const other = (await boss.post('/api/cases', caseInput({ areaCode: AREAS.villageB1 }))).json();
    const town = await queue(await ctx.as('townRegistrar'));
    expect(town.map((i) => i.id)).not.toContain(other.id);
    expect((await queue(await ctx.as('dispatcher'))).map((i) => i.id)).toContain(other.id);
  });
});

describe('POST /api/cases/dispatch-batch', () => {
  it('dispatches each case and reports the one that can no longer be dispatched', async () => {
    const a = await caseInState(ctx, boss, 'registered');
    const b = await caseInState(ctx, boss, 'registered');
    const taken = await caseInState(ctx, boss, 'assigned');
    const dispatcher = await ctx.as('dispatcher');
    const response = await dispatcher.post('/api/cases/dispatch-batch', { caseIds: [a, taken, b], unitId: ctx.org.units['u-housing'], note: '请尽快办理' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.dispatched).toBe(2);
    expect(body.failed).toBe(1);
    expect(body.results.map((r: { id: string; ok: boolean }) => [r.id, r.ok])).toEqual([[a, true], [taken, false], [b, true]]);
    expect(body.results[1].status).toBe(409);
    expect(body.results[1].title).toContain('已交办');
    expect((await statusOf(a)).status).toBe('assigned');
    expect((await boss.get(`/api/cases/${b}`)).json().currentUnitId).toBe(ctx.org.units['u-housing']);
    expect((await queue(dispatcher)).map((i) => i.id)).not.toEqual(expect.arrayContaining([a]));
  });

  it('names the failing case in English for an en-US caller, and refuses out-of-area cases one by one', async () => {
    const inB = (await boss.post('/api/cases', caseInput({ areaCode: AREAS.villageB1 }))).json().id;
    const inA = (await boss.post('/api/cases', caseInput({ areaCode: AREAS.villageA1 }))).json().id;
    const town = await ctx.as('townRegistrar');
    const response = await town.post('/api/cases/dispatch-batch', { caseIds: [inB, inA], unitId: ctx.org.units['u-villageA1'] }, { 'x-lianxin-locale': 'en-US' });
    expect(response.statusCode).toBe(200);
    const [first, second] = response.json().results;
    expect(first.ok).toBe(false);
    expect(first.status).toBe(403);
    expect(first.title).toMatch(/[A-Za-z]/);
    expect(second.ok).toBe(true);
    expect((await statusOf(inB)).status).toBe('registered');
  });

  it('refuses a bad request whole: unknown unit, repeats, empty list, non-dispatchers', async () => {
    const id = await caseInState(ctx, boss, 'registered');
    const before = await statusOf(id);
    const dispatcher = await ctx.as('dispatcher');
    const unknown = await dispatcher.post('/api/cases/dispatch-batch', { caseIds: [id], unitId: 'no-such-unit' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('unitId');
    const repeated = await dispatcher.post('/api/cases/dispatch-batch', { caseIds: [id, id], unitId: ctx.org.units['u-civil'] });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().errors[0].field).toBe('caseIds');
    expect((await dispatcher.post('/api/cases/dispatch-batch', { caseIds: [], unitId: ctx.org.units['u-civil'] })).json().errors[0].field).toBe('caseIds');
    expect((await (await ctx.as('handler')).post('/api/cases/dispatch-batch', { caseIds: [id], unitId: ctx.org.units['u-civil'] })).statusCode).toBe(403);
    expect(await statusOf(id)).toEqual(before);
  });
});

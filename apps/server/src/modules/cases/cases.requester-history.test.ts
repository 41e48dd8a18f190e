import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';

const { ctx, registrar } = suiteContext({ registrar: 'registrar' });
const PHONE = '13807915555';
const OTHER_PHONE = '13807916666';
const ID_ONLY = '11010519491231002X';

beforeAll(async () => {
  const a1 = await ctx.as('cadreA1');
  const a2 = await ctx.as('cadreA2');
  const post = async (client: Client, body: Record<string, unknown>) => {
    const response = await client.post('/api/cases', caseInput(body));
    expect(response.statusCode, response.body).toBe(201);
  };
  await post(a1, { title: '路灯不亮', requester: { name: '李四', phone: PHONE } });
  ctx.clock.advance(60_000);
  await post(a1, { title: '垃圾没人收', requester: { name: '李四', phone: PHONE } });
  ctx.clock.advance(60_000);
  await post(a2, { areaCode: AREAS.villageA2, title: '邻村的事', requester: { name: '李四', phone: PHONE } });
  await post(a1, { title: '别人的事', requester: { name: '王五', phone: OTHER_PHONE } });
  await post(a1, { channel: 'letter', title: '来信无电话', requester: { name: '赵六', idNumber: ID_ONLY } });
});

const history = async (client: Client, query: string) => client.get(`/api/cases/by-requester?${query}`);

describe('GET /api/cases/by-requester', () => {
  it('lists the requester’s earlier cases newest first, masked, with counts', async () => {
    const response = await history(registrar, `phone=${PHONE}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((c: { title: string }) => c.title)).toEqual(['邻村的事', '垃圾没人收', '路灯不亮']);
    expect(body.total).toBe(3);
    expect(body.open).toBe(3);
    expect(body.items[0].requester.phone).toBe('138****5555');
    expect(body.items[0].requester.name).toBe('李*');
    expect(response.body).not.toContain(PHONE);
  });

  it('keeps to the actor’s scope: a village cadre sees only their village’s cases', async () => {
    const body = (await history(await ctx.as('cadreA1'), `phone=${PHONE}`)).json();
    expect(body.items.map((c: { title: string }) => c.title)).toEqual(['垃圾没人收', '路灯不亮']);
    expect(body.total).toBe(2);
    const outside = (await history(await ctx.as('cadreA2'), `phone=${OTHER_PHONE}`)).json();
    expect(outside).toMatchObject({ items: [], total: 0 });
  });

  it('finds cases registered with an ID number only', async () => {
    const body = (await history(registrar, `idNumber=${ID_ONLY}`)).json();
    expect(body.items.map((c: { title: string }) => c.title)).toEqual(['来信无电话']);
  });

  it('honours the limit and returns nothing for an unknown phone', async () => {
    expect((await history(registrar, `phone=${PHONE}&limit=1`)).json().items).toHaveLength(1);
    expect((await history(registrar, 'phone=13900000000')).json()).toMatchObject({ items: [], total: 0, open: 0 });
  });

  it('refuses a bad or missing phone naming the field, and anonymous callers', async () => {
    const bad = await history(registrar, 'phone=12345');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('phone');
    const missing = await history(registrar, '');
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('phone');
    expect((await history(registrar, 'idNumber=110105194912310021')).statusCode).toBe(400);
    expect((await ctx.anonymous().get(`/api/cases/by-requester?phone=${PHONE}`)).statusCode).toBe(401);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { act, allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';

const { ctx, boss } = suiteContext({ boss: allPowerful });
type Item = { id: string; registeredAt: string; clock: { dueAt: string } | null };

beforeAll(async () => {
  const registrar = await ctx.as('registrar');
  // Different channels and urgencies give different deadlines; some share a registration time.
  for (const [channel, urgency] of [['phone', 'normal'], ['online', 'normal'], ['phone', 'urgent'], ['visit', 'normal'], ['online', 'critical']] as const) {
    expect((await registrar.post('/api/cases', caseInput({ channel, urgency }))).statusCode).toBe(201);
    expect((await registrar.post('/api/cases', caseInput({ channel: 'phone', title: '同一时刻登记' }))).statusCode).toBe(201);
    ctx.clock.advance(37 * 60_000);
  }
  await caseInState(ctx, boss, 'assigned');
  await caseInState(ctx, boss, 'handling');
  // Closed cases have no deadline: they come last in both deadline orders.
  const closed = await caseInState(ctx, boss, 'registered', { kind: 'inquiry' });
  await act(boss, closed, 'resolve_on_spot', { answer: '已当面解答。' });
  const closed2 = await caseInState(ctx, boss, 'registered', { kind: 'inquiry' });
  await act(boss, closed2, 'resolve_on_spot', { answer: '已当面解答。' });
});

/** Every page of the ledger in one order, `limit` at a time. */
async function walk(sort: string, limit: number): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const response = await boss.get(`/api/cases?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Item[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return all;
  }
  throw new Error('paging did not end');
}

const dueOf = async (id: string) => (await ctx.database.db.selectFrom('cases').select('currentDueAt').where('id', '=', id).executeTakeFirstOrThrow()).currentDueAt;

describe('the ledger’s sort orders with keyset paging', () => {
  it('defaults to newest first and pages the same as one big page', async () => {
    const whole = await walk('registered_desc', 200);
    expect(whole.length).toBe(14);
    expect((await walk('registered_desc', 3)).map((c) => c.id)).toEqual(whole.map((c) => c.id));
    const byDefault = (await boss.get('/api/cases?limit=200')).json().items.map((c: Item) => c.id);
    expect(byDefault).toEqual(whole.map((c) => c.id));
    const times = whole.map((c) => c.registeredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('orders oldest first, ties by id, across pages', async () => {
    const asc = await walk('registered_asc', 2);
    const desc = await walk('registered_desc', 5);
    expect(asc.map((c) => c.id)).toEqual(desc.map((c) => c.id).reverse());
  });

  for (const [sort, dir] of [['due_asc', 1], ['due_desc', -1]] as const) {
    it(`orders by the current deadline (${sort}), cases without one last, across pages`, async () => {
      const whole = await walk(sort, 200);
      expect(whole.length).toBe(14);
      for (const limit of [1, 3, 4]) expect((await walk(sort, limit)).map((c) => c.id)).toEqual(whole.map((c) => c.id));
      const dues = await Promise.all(whole.map((c) => dueOf(c.id)));
      const dated = dues.filter((d): d is string => d !== null);
      expect(dues.slice(dated.length).every((d) => d === null)).toBe(true);
      expect(dues.slice(0, dated.length).every((d) => d !== null)).toBe(true);
      expect(dated.length).toBeGreaterThan(5);
      expect(dated).toEqual([...dated].sort((a, b) => dir * a.localeCompare(b)));
      expect(dues.length - dated.length).toBeGreaterThanOrEqual(2);
    });
  }

  it('refuses a cursor of another order or a forged one', async () => {
    const page = (await boss.get('/api/cases?limit=2')).json();
    const mixed = await boss.get(`/api/cases?limit=2&sort=due_asc&cursor=${page.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors[0].field).toBe('cursor');
    expect((await boss.get('/api/cases?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await boss.get('/api/cases?sort=newest')).json().errors[0].field).toBe('sort');
  });
});

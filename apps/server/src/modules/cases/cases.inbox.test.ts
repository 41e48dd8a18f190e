import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext, type TestContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { INBOX_COUNT_CAP } from './cases.queries.js';

const { ctx } = suiteContext();

type Group = { key: string; total: number; more: boolean; items: Array<{ id: string; clock: { dueAt: string } }> };
const group = async (user: Parameters<TestContext['as']>[0], key: string): Promise<Group> =>
  ((await (await ctx.as(user)).get('/api/cases/inbox?limit=50')).json().groups as Group[]).find((g) => g.key === key)!;

describe('the inbox', () => {
  it('lists the dispatcher’s queue soonest deadline first, with its count', async () => {
    const registrar = await ctx.as('registrar');
    const phone = (await registrar.post('/api/cases', caseInput({ channel: 'phone' }))).json();
    const online = (await registrar.post('/api/cases', caseInput({ channel: 'online' }))).json();
    const dispatch = await group('dispatcher', 'dispatch');
    expect(dispatch.total).toBe(2);
    expect(dispatch.more).toBe(false);
    expect(dispatch.items.map((c) => c.id)).toEqual([online.id, phone.id]); // 2 hours before 1 working day
    expect(await group('handler', 'dispatch')).toBeUndefined();
  });

  it('shows a unit only its own cases to accept', async () => {
    const created = (await (await ctx.as('registrar')).post('/api/cases', caseInput())).json();
    await (await ctx.as('dispatcher')).post(`/api/cases/${created.id}/dispatch`, { unitId: ctx.org.units['u-civil'] });
    expect((await group('handler', 'accept')).items.map((c) => c.id)).toContain(created.id);
    expect((await group('housingHandler', 'accept')).items.map((c) => c.id)).not.toContain(created.id);
  });

  it('puts cases dissatisfied twice before a dispatcher or supervisor to decide', async () => {
    const id = await caseInState(ctx, await allPowerful(ctx), 'evaluated');
    expect((await group('supervisor', 'decide')).items.map((c) => c.id)).toContain(id);
    expect((await group('dispatcher', 'decide')).items.map((c) => c.id)).toContain(id);
    expect(await group('handler', 'decide')).toBeUndefined();
  });

  it('stops counting at the cap', async () => {
    const template = await ctx.database.db.selectFrom('cases').selectAll().where('status', '=', 'registered').executeTakeFirstOrThrow();
    const rows = Array.from({ length: INBOX_COUNT_CAP + 5 }, (_, i) => ({ ...template, id: randomUUID(), code: `LXCAP-${i}` }));
    for (let i = 0; i < rows.length; i += 100) await ctx.database.db.insertInto('cases').values(rows.slice(i, i + 100)).execute();
    const dispatch = await group('dispatcher', 'dispatch');
    expect(dispatch.total).toBe(INBOX_COUNT_CAP);
    expect(dispatch.more).toBe(true);
    expect(dispatch.items).toHaveLength(50);
  });
});

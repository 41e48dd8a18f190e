import { describe, expect, it } from 'vitest';
import { caseInput } from '../../test/fixtures.js';
import { suiteContext } from '../../test/context.js';
import { auditCount, expectProblem, lastAudit } from '../../test/admin-support.js';

const { ctx, admin, registrar } = suiteContext({ admin: 'admin', registrar: 'registrar' });

const ruleCount = async () => Number((await ctx.database.db.selectFrom('timeLimitRules').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
/** Registers a help request by phone (SPEC: 1 working day to accept it) and returns it. */
const register = async () => {
  const res = await registrar.post('/api/cases', caseInput());
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { deadlines: { intake: string }; times: { received: string } };
};
// Monday 2026-03-02 10:00 China time; the end of a local day is 15:59:59.999Z.
const END_OF_TUESDAY = '2026-03-03T15:59:59.999Z';
const END_OF_THURSDAY = '2026-03-05T15:59:59.999Z';

describe('reading the rules', () => {
  it('lists the rules in tie-breaking order for every staff member, filtered by stage', async () => {
    const res = await (await ctx.as('handler')).get('/api/time-limit-rules?stage=intake');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual(['intake.petition', 'intake.online', 'intake.default']);
    expect(res.json().items[2]).toMatchObject({ stage: 'intake', kind: null, amount: 1, unit: 'working_days' });
    expectProblem(await registrar.get('/api/time-limit-rules?stage=lunch'), 400, 'stage');
  });
});

describe('changing the rules changes the next deadline', () => {
  it('PATCH: a longer default intake limit applies to the next case', async () => {
    expect((await register()).deadlines.intake).toBe(END_OF_TUESDAY);
    const res = await admin.patch('/api/admin/time-limit-rules/intake.default', { amount: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: 'intake.default', amount: 3, unit: 'working_days' });
    expect((await register()).deadlines.intake).toBe(END_OF_THURSDAY);
    expect((await lastAudit(ctx, 'time_limit_rule', 'intake.default'))!.detail).toEqual({ before: { amount: 1 }, after: { amount: 3 } });
  });

  it('POST: a more specific rule wins; DELETE: removing it restores the default', async () => {
    const created = await admin.post('/api/admin/time-limit-rules', { stage: 'intake', kind: 'help', channel: 'phone', amount: 4, unit: 'hours', note: '求助电话4小时内受理' });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ stage: 'intake', kind: 'help', channel: 'phone', urgency: null, categoryCode: null, amount: 4, unit: 'hours' });
    const fast = await register();
    expect(fast.deadlines.intake).toBe(new Date(Date.parse(fast.times.received) + 4 * 3_600_000).toISOString());
    expect(await lastAudit(ctx, 'time_limit_rule', rule.id)).toMatchObject({ action: 'create', actorUserId: ctx.org.users.admin });

    const removed = await admin.delete(`/api/admin/time-limit-rules/${rule.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await register()).deadlines.intake).toBe(END_OF_THURSDAY);
    expect((await lastAudit(ctx, 'time_limit_rule', rule.id))!.action).toBe('delete');
    expectProblem(await admin.delete(`/api/admin/time-limit-rules/${rule.id}`), 404);
  });
});

describe('guarding the rules', () => {
  it('keeps one unconditional rule per stage (422), changing nothing', async () => {
    const rules = await ruleCount();
    expectProblem(await admin.delete('/api/admin/time-limit-rules/accept.default'), 422, 'stage');
    expectProblem(await admin.patch('/api/admin/time-limit-rules/intake.default', { kind: 'petition' }), 422, 'stage');
    expectProblem(await admin.patch('/api/admin/time-limit-rules/accept.default', { stage: 'handle' }), 422, 'stage');
    expect(await ruleCount()).toBe(rules);
    const row = await ctx.database.db.selectFrom('timeLimitRules').selectAll().where('id', '=', 'intake.default').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stage: 'intake', kind: null, amount: 3 });
  });

  it('refuses non-admins with 403 on every write', async () => {
    const supervisor = await ctx.as('supervisor');
    const rules = await ruleCount();
    expectProblem(await supervisor.post('/api/admin/time-limit-rules', { stage: 'intake', amount: 1, unit: 'hours' }), 403);
    expectProblem(await supervisor.patch('/api/admin/time-limit-rules/intake.online', { amount: 1 }), 403);
    expectProblem(await supervisor.delete('/api/admin/time-limit-rules/intake.online'), 403);
    expect(await ruleCount()).toBe(rules);
  });

  it.each([
    ['an unknown stage', { stage: 'lunch', amount: 1, unit: 'hours' }, 'stage'],
    ['an unknown unit', { stage: 'intake', amount: 1, unit: 'weeks' }, 'unit'],
    ['a zero amount', { stage: 'intake', amount: 0, unit: 'hours' }, 'amount'],
    ['a fractional amount', { stage: 'intake', amount: 1.5, unit: 'natural_days' }, 'amount'],
    ['an unknown kind', { stage: 'intake', kind: 'gossip', amount: 1, unit: 'hours' }, 'kind'],
    ['an unknown urgency', { stage: 'intake', urgency: 'whenever', amount: 1, unit: 'hours' }, 'urgency'],
    ['an unknown channel', { stage: 'intake', channel: 'pigeon', amount: 1, unit: 'hours' }, 'channel'],
    ['a category that does not exist', { stage: 'intake', categoryCode: 'no.such', amount: 1, unit: 'hours' }, 'categoryCode'],
  ])('answers 400 naming the field for %s, writing nothing', async (_label, body, field) => {
    const [rules, audits] = [await ruleCount(), await auditCount(ctx)];
    expectProblem(await admin.post('/api/admin/time-limit-rules', body), 400, field);
    expect(await ruleCount()).toBe(rules);
    expect(await auditCount(ctx)).toBe(audits);
  });

  it('validates updates the same way', async () => {
    expectProblem(await admin.patch('/api/admin/time-limit-rules/intake.online', { categoryCode: 'no.such' }), 400, 'categoryCode');
    expectProblem(await admin.patch('/api/admin/time-limit-rules/intake.online', { amount: -2 }), 400, 'amount');
    expectProblem(await admin.patch('/api/admin/time-limit-rules/no-such-rule', { amount: 2 }), 404);
    const row = await ctx.database.db.selectFrom('timeLimitRules').selectAll().where('id', '=', 'intake.online').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ amount: 2, unit: 'hours', categoryCode: null });
  });
});

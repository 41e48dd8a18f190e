import { emptyMetricCounts, type MetricCounts } from '@lianxin/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTimeLimitSweep } from '../../jobs/time-limit-sweep.js';
import { act } from '../../test/case-driver.js';
import { suiteContext, type Client, type TestContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';

const HOUR = 3_600_000;

/**
 * Six cases with known outcomes, all registered on Monday 2 March 2026 10:00 China time (T0):
 *   C1 civil    accepted on time, replied at T0+2h, rated satisfied + solved      → closed
 *   C2 civil    a repeat of C1; on time, replied at T0+2h, basically satisfied, unsolved → closed
 *   C3 civil    accepted late (after the sweep escalated it), replied at T0+40h, dissatisfied → reopened
 *   C4 housing  returned once, re-dispatched, accepted on time, replied at T0+2h, satisfied + solved → closed
 *   C5 centre   never dispatched, overdue for dispatch
 *   C6 西门社区 (another village) dispatched, never accepted, overdue
 *   C7 centre   an inquiry answered on the spot: closed at once, never assigned
 * "Now" is T0+40h (Tuesday 3 March 18:00Z), past the one-working-day acceptance limit.
 */
const { ctx } = suiteContext();
let dispatcher: Client;
let ids: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7', string>;

async function evaluateByLink(caseId: string, result: string, solved: boolean) {
  const sms = await ctx.database.db.selectFrom('outbox').select('body').where('caseId', '=', caseId).where('template', '=', 'sms.replied').orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
  const token = /\/m\/evaluate\/(\S+)/.exec(sms.body)![1];
  const rated = await ctx.anonymous().post(`/api/public/evaluations/${token}`, { result, solved });
  expect(rated.statusCode, rated.body).toBe(200);
}

beforeAll(async () => {
  const [registrar, handler, housing] = await Promise.all([ctx.as('registrar'), ctx.as('handler'), ctx.as('housingHandler')]);
  dispatcher = await ctx.as('dispatcher');
  const register = async (phone: string, overrides: Record<string, unknown> = {}) => {
    const created = await registrar.post('/api/cases', caseInput({ requester: { name: '群众', phone }, ...overrides }));
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  const other = (title: string) => ({ title, content: `${title}，请尽快处理并答复。` });
  ids = {
    c1: await register('13907980001'),
    c2: await register('13907980001'),
    c3: await register('13907980003', other('路灯损坏多日无人修')),
    c4: await register('13907980004', { ...other('公租房漏水'), categoryCode: 'urban.housing' }),
    c5: await register('13907980005', other('咨询养老补贴')),
    c6: await register('13907980006', { ...other('村道积水'), areaCode: AREAS.villageA2 }),
    c7: await register('13907980008', { ...other('咨询医保报销比例'), kind: 'inquiry', categoryCode: 'health.insurance', resolveOnSpot: { answer: '已当面解答。' } }),
  };
  const dispatch = (id: string, unit: keyof TestContext['org']['units']) => act(dispatcher, id, 'dispatch', { unitId: ctx.org.units[unit] });
  for (const id of [ids.c1, ids.c2, ids.c3]) await dispatch(id, 'u-civil');
  await dispatch(ids.c4, 'u-housing');
  await dispatch(ids.c6, 'u-villageA2');
  await act(handler, ids.c1, 'accept', {});
  await act(handler, ids.c2, 'accept', {});
  await act(housing, ids.c4, 'return', { reason: '房屋维修属于住建部门另一科室，退回重派' });
  await dispatch(ids.c4, 'u-housing');
  await act(housing, ids.c4, 'accept', {});

  ctx.clock.advance(2 * HOUR);
  const reply = { reply: '已核实办理。', solved: true };
  await act(handler, ids.c1, 'reply', reply);
  await act(handler, ids.c2, 'reply', reply);
  await act(housing, ids.c4, 'reply', reply);

  ctx.clock.advance(38 * HOUR);
  expect(await runTimeLimitSweep(ctx.app.services)).toMatchObject({ escalated1: 3, escalated2: 0 });
  await act(handler, ids.c3, 'accept', {});
  await act(handler, ids.c3, 'reply', reply);

  await evaluateByLink(ids.c1, 'satisfied', true);
  await evaluateByLink(ids.c2, 'basically_satisfied', false);
  await evaluateByLink(ids.c3, 'dissatisfied', false);
  await evaluateByLink(ids.c4, 'satisfied', true);

  // Only confirmed accountability records count (docs/METRICS.md): the supervisor confirms C3's.
  const supervisor = await ctx.as('supervisor');
  const record = await ctx.database.db.selectFrom('accountabilityRecords').select('id').where('caseId', '=', ids.c3).where('reason', '=', 'overdue').executeTakeFirstOrThrow();
  const confirmed = await supervisor.post(`/api/accountability/${record.id}/decide`, { decision: 'confirmed', reason: '签收超期属实' });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
});

const counts = (values: Partial<MetricCounts>): MetricCounts => ({ ...emptyMetricCounts(), ...values });
const civil = counts({
  registered: 3, assigned: 3, dispatched: 3, respondedInTime: 2, evaluated: 3, solved: 1,
  satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, closed: 2, closedOnTime: 2, repeat: 1,
  overdueTotal: 1, handlingMsTotal: 44 * HOUR, handlingCount: 3,
});
const housing = counts({
  registered: 1, assigned: 1, dispatched: 1, respondedInTime: 1, evaluated: 1, solved: 1, satisfied: 1,
  closed: 1, closedOnTime: 1, returned: 1, handlingMsTotal: 2 * HOUR, handlingCount: 1,
});
const centre = counts({ registered: 2, closed: 1, closedOnTime: 1, overdueOpen: 1, overdueTotal: 1, handlingCount: 1 });
const villageA2 = counts({ registered: 1, assigned: 1, dispatched: 1, overdueOpen: 1, overdueTotal: 1 });

type Report = {
  groups: Array<{ key: string; label: string; counts: MetricCounts; rates: Record<string, number | null> }>;
  total: { key: string; label: string; counts: MetricCounts; rates: Record<string, number | null> };
  weights: Record<string, number>;
  from: string;
  to: string;
};
async function report(client: Client, query = ''): Promise<Report> {
  const response = await client.get(`/api/metrics${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const byKey = (r: Report) => Object.fromEntries(r.groups.map((g) => [g.key, g]));

describe('GET /api/metrics by unit', () => {
  it('counts each unit exactly and computes its rates and composite score', async () => {
    const r = await report(dispatcher);
    expect(r.groups.map((g) => g.key)).toEqual(['u-center', 'u-civil', 'u-housing', 'u-villageA2']);
    const groups = byKey(r);
    expect(groups['u-civil']).toMatchObject({ label: '青溪县民政局', counts: civil });
    expect(groups['u-civil'].rates).toEqual({
      responseRate: 0.6667, resolutionRate: 0.3333, satisfactionRate: 0.6667, onTimeClosureRate: 1, returnRate: 0,
      repeatRate: 0.3333, overdueOpen: 0, overdueTotal: 1, meanHandlingHours: 14.6667,
      // 0.30 × 2/3 + 0.35 × 1/3 + 0.35 × 2/3
      composite: 0.55,
    });
    expect(groups['u-housing']).toMatchObject({ label: '青溪县住房和城乡建设局', counts: housing });
    expect(groups['u-housing'].rates).toMatchObject({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, returnRate: 1, composite: 1, meanHandlingHours: 2 });
    expect(groups['u-center']).toMatchObject({ label: '青溪县群众工作中心', counts: centre });
    // C7 was answered on the spot: closed on time in 0 hours, but never assigned, so no response rate.
    expect(groups['u-center'].rates).toMatchObject({ responseRate: null, resolutionRate: null, satisfactionRate: null, composite: null, returnRate: null, repeatRate: 0, onTimeClosureRate: 1, meanHandlingHours: 0 });
    expect(groups['u-villageA2'].counts).toEqual(villageA2);
    // Only the response rate exists, and it is 0.
    expect(groups['u-villageA2'].rates).toMatchObject({ responseRate: 0, resolutionRate: null, composite: 0 });
  });

  it('adds a total row over every group', async () => {
    const r = await report(dispatcher);
    expect(r.total.key).toBe('total');
    expect(r.total.label).toBe('合计');
    expect(r.total.counts).toEqual(
      counts({
        registered: 7, assigned: 5, dispatched: 5, respondedInTime: 3, evaluated: 4, solved: 2, satisfied: 2,
        basicallySatisfied: 1, dissatisfied: 1, closed: 4, closedOnTime: 4, returned: 1, repeat: 1,
        overdueOpen: 2, overdueTotal: 3, handlingMsTotal: 46 * HOUR, handlingCount: 5,
      }),
    );
    expect(r.total.rates).toEqual({
      responseRate: 0.6, resolutionRate: 0.5, satisfactionRate: 0.75, onTimeClosureRate: 1, returnRate: 0.2,
      repeatRate: 0.1429, overdueOpen: 2, overdueTotal: 3, meanHandlingHours: 9.2,
      composite: 0.6175,
    });
    expect(r.weights).toEqual({ response: 0.3, resolution: 0.35, satisfaction: 0.35, basicallySatisfiedWeight: 1 });
  });

  it('counts only what a village cadre may see', async () => {
    const r = await report(await ctx.as('cadreA1'));
    expect(r.groups.map((g) => g.key)).toEqual(['u-center', 'u-civil', 'u-housing']);
    expect(r.total.counts.registered).toBe(6);
    expect(r.total.counts.overdueOpen).toBe(1);
    const cadreA2 = await report(await ctx.as('cadreA2'));
    expect(cadreA2.groups.map((g) => g.key)).toEqual(['u-villageA2']);
    expect(cadreA2.total.counts).toEqual(villageA2);
  });

  it('filters by unit, category and area', async () => {
    expect((await report(dispatcher, '?unitId=u-civil')).total.counts).toEqual(civil);
    expect((await report(dispatcher, '?categoryCode=urban')).total.counts).toEqual(housing);
    expect((await report(dispatcher, '?categoryCode=social.dibao')).total.counts.registered).toBe(5);
    expect((await report(dispatcher, '?categoryCode=health')).total.counts).toEqual(counts({ registered: 1, closed: 1, closedOnTime: 1, handlingCount: 1 }));
    expect((await report(dispatcher, `?areaCode=${AREAS.villageA2}`)).total.counts).toEqual(villageA2);
    expect((await report(dispatcher, `?areaCode=${AREAS.townB}`)).groups).toEqual([]);
  });

  it('counts cases by their registration time within the period', async () => {
    expect((await report(dispatcher, '?from=2026-03-02&to=2026-03-02')).total.counts.registered).toBe(7);
    expect((await report(dispatcher, '?from=2026-03-03')).total.counts.registered).toBe(0);
    expect((await report(dispatcher, '?to=2026-03-01')).total.counts.registered).toBe(0);
    expect((await report(dispatcher, '?from=2026-03-02T02:00:00.000Z&to=2026-03-02T02:00:00.001Z')).total.counts.registered).toBe(7);
    expect((await report(dispatcher, '?from=2026-03-02T02:00:00.001Z')).total.counts.registered).toBe(0);
    const defaults = await report(dispatcher);
    expect([defaults.from, defaults.to]).toEqual(['2026-02-01T18:00:00.000Z', '2026-03-03T18:00:00.000Z']);
  });
});

describe('GET /api/metrics by area, category and month', () => {
  it('rolls villages up to their township, or splits a township into villages', async () => {
    const towns = await report(dispatcher, '?groupBy=area');
    expect(towns.groups.map((g) => [g.key, g.label, g.counts.registered])).toEqual([['369901100000', '城关镇', 7]]);
    const villages = await report(dispatcher, `?groupBy=area&areaCode=${AREAS.townA}`);
    expect(villages.groups.map((g) => [g.key, g.label, g.counts.registered])).toEqual([
      [AREAS.villageA1, '东门社区', 6],
      [AREAS.villageA2, '西门社区', 1],
    ]);
  });

  it('groups by top-level category', async () => {
    const r = await report(dispatcher, '?groupBy=category');
    expect(r.groups.map((g) => [g.key, g.label, g.counts.registered])).toEqual([
      ['health', '医疗卫生', 1],
      ['social', '民政救助', 5],
      ['urban', '城乡建设', 1],
    ]);
    expect(byKey(r).urban.counts).toEqual(housing);
  });

  it('groups by China-time month, including empty months', async () => {
    const r = await report(dispatcher, '?groupBy=month');
    expect(r.groups.map((g) => [g.key, g.counts.registered])).toEqual([['2026-02', 0], ['2026-03', 7]]);
    expect(r.groups[0].rates.composite).toBeNull();
  });
});

describe('query validation', () => {
  it('answers 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['?groupBy=week', 'groupBy'],
      ['?from=2026-02-30', 'from'],
      ['?from=yesterday', 'from'],
      ['?from=2026-03-05&to=2026-03-01', 'from'],
      ['?from=2000-01-01&to=2026-01-01', 'from'],
      ['?areaCode=3699', 'areaCode'],
      ['?categoryCode=nonexistent', 'categoryCode'],
    ];
    for (const [query, field] of cases) {
      const response = await dispatcher.get(`/api/metrics${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field), query).toContain(field);
    }
    expect((await ctx.anonymous().get('/api/metrics')).statusCode).toBe(401);
  });
});

describe('composite-score weights', () => {
  it('are readable by staff and changed by admins only, within the rules', async () => {
    const handler = await ctx.as('handler');
    const admin = await ctx.as('admin');
    expect((await handler.get('/api/settings/metric-weights')).json()).toEqual({ response: 0.3, resolution: 0.35, satisfaction: 0.35, basicallySatisfiedWeight: 1 });

    const weights = { response: 0.5, resolution: 0.25, satisfaction: 0.25, basicallySatisfiedWeight: 0.5 };
    expect((await dispatcher.put('/api/admin/settings/metric-weights', weights)).statusCode).toBe(403);

    const badSum = await admin.put('/api/admin/settings/metric-weights', { ...weights, response: 0.6 });
    expect(badSum.statusCode).toBe(400);
    expect(badSum.json().errors.map((e: { field: string }) => e.field)).toEqual(['response', 'resolution', 'satisfaction']);
    expect(badSum.json().errors[0].message).toBe('响应率、解决率、满意率三项权重之和须为1（允许误差0.001）');
    const badPartial = await admin.put('/api/admin/settings/metric-weights', { ...weights, basicallySatisfiedWeight: 1.5 });
    expect(badPartial.statusCode).toBe(400);
    expect(badPartial.json().errors.map((e: { field: string }) => e.field)).toEqual(['basicallySatisfiedWeight']);
    expect((await admin.put('/api/admin/settings/metric-weights', { response: 0.5, resolution: 0.5 })).statusCode).toBe(400);
    // Within 0.001 of 1 is accepted.
    expect((await admin.put('/api/admin/settings/metric-weights', { ...weights, response: 0.5009 })).statusCode).toBe(200);

    const saved = await admin.put('/api/admin/settings/metric-weights', weights);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(weights);
    expect((await handler.get('/api/settings/metric-weights')).json()).toEqual(weights);
    const audit = await ctx.database.db.selectFrom('auditLog').select(['actorUserId', 'detail']).where('action', '=', 'update_setting').where('subjectId', '=', 'metrics.weights').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(ctx.org.users.admin);
    expect(JSON.parse(audit.detail!)).toEqual(weights);

    const r = byKey(await report(dispatcher));
    // 基本满意 counts half: (1 + 0.5) / 3; composite 0.5 × 2/3 + 0.25 × 1/3 + 0.25 × 0.5.
    expect(r['u-civil'].rates).toMatchObject({ satisfactionRate: 0.5, composite: 0.5417 });
    await admin.put('/api/admin/settings/metric-weights', { response: 0.3, resolution: 0.35, satisfaction: 0.35, basicallySatisfiedWeight: 1 });
  });
});

describe('months in China time', () => {
  it('puts a case registered at 01:00 on 1 April (China time) into April', async () => {
    ctx.clock.set(new Date('2026-03-31T17:00:00.000Z'));
    const created = await (await ctx.as('registrar')).post('/api/cases', caseInput({ requester: { name: '群众', phone: '13907980007' }, title: '四月的诉求', content: '四月一日凌晨登记的诉求。' }));
    expect(created.statusCode, created.body).toBe(201);
    const r = await report(dispatcher, '?groupBy=month&from=2026-03-01&to=2026-04-30');
    expect(r.groups.map((g) => [g.key, g.counts.registered])).toEqual([['2026-03', 7], ['2026-04', 1]]);
    expect(r.from).toBe('2026-02-28T16:00:00.000Z');
    expect(r.to).toBe('2026-04-30T16:00:00.000Z');
  });
});

describe('overdue work', () => {
  it('does not count a reply waiting for the resident as the unit overdue, but does count a late reopened case', async () => {
    const registrar = await ctx.as('registrar');
    const housingHandler = await ctx.as('housingHandler');
    const created = await registrar.post('/api/cases', caseInput({ requester: { name: '群众', phone: '13907980009' }, title: '楼道灯不亮', content: '楼道灯坏了一个月。', categoryCode: 'urban.property' }));
    const id = created.json().id;
    await act(dispatcher, id, 'dispatch', { unitId: ctx.org.units['u-housing'] });
    await act(housingHandler, id, 'accept', {});
    await act(housingHandler, id, 'reply', { reply: '已更换灯泡。', solved: true });
    ctx.clock.advance(8 * 24 * HOUR); // past the 7-day evaluation window
    const groups = byKey(await report(dispatcher, '?from=2026-03-01&to=2026-04-30'));
    expect(groups['u-housing'].counts).toMatchObject({ registered: 2, overdueOpen: 0, overdueTotal: 0 });
    // C3 was reopened on 3 March and nobody signed for it again.
    expect(groups['u-civil'].counts).toMatchObject({ overdueOpen: 1, overdueTotal: 1 });
  });
});

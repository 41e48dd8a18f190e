import { beforeAll, describe, expect, it } from 'vitest';
import { runTimeLimitSweep } from '../../jobs/time-limit-sweep.js';
import { act, allPowerful, caseInState } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';

const DAY = 86_400_000;
const { ctx, supervisor, dispatcher, head, handler, leader } = suiteContext({
  supervisor: 'supervisor',
  dispatcher: 'dispatcher',
  head: 'head',
  handler: 'handler',
  leader: 'leader',
});

let overdueCase: string;
let overdueRecord: string;

type Line = { id: string; caseId: string; source: string; state: string; unitId: string | null; canDecide: boolean; canAppeal: boolean };
async function ledger(client: Client, query = ''): Promise<Line[]> {
  const response = await client.get(`/api/accountability${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

beforeAll(async () => {
  // A case dispatched to 民政局 and never accepted: the sweep writes an overdue record against it.
  overdueCase = await caseInState(ctx, dispatcher, 'assigned', { requester: { name: '群众', phone: '13907985001' } });
  ctx.clock.advance(3 * DAY);
  await runTimeLimitSweep(ctx.app.services);
  overdueRecord = (await ctx.database.db.selectFrom('accountabilityRecords').select('id').where('caseId', '=', overdueCase).executeTakeFirstOrThrow()).id;
});

describe('the ledger', () => {
  it('shows the sweep’s overdue record as proposed to the supervisor, who may decide it, with filters', async () => {
    const lines = await ledger(supervisor, '?source=overdue&state=proposed');
    const line = lines.find((l) => l.id === overdueRecord)!;
    expect(line).toMatchObject({ caseId: overdueCase, source: 'overdue', state: 'proposed', unitId: ctx.org.units['u-civil'], canDecide: true, canAppeal: false });
    expect(await ledger(supervisor, '?state=confirmed')).toEqual([]);
    expect((await ledger(supervisor, `?unitId=${ctx.org.units['u-housing']}`)).map((l) => l.id)).not.toContain(overdueRecord);
  });

  it('a leader reads but may not decide; a unit head sees only their unit’s records; a handler sees none', async () => {
    expect((await ledger(leader)).find((l) => l.id === overdueRecord)).toMatchObject({ canDecide: false, canAppeal: false });
    const mine = await ledger(head);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.unitId === ctx.org.units['u-civil'])).toBe(true);
    expect(mine.find((l) => l.id === overdueRecord)).toMatchObject({ canAppeal: true, canDecide: false });
    expect((await handler.get('/api/accountability')).statusCode).toBe(403);
    expect((await leader.post(`/api/accountability/${overdueRecord}/decide`, { decision: 'confirmed', reason: '属实' })).statusCode).toBe(403);
    expect((await head.post(`/api/accountability/${overdueRecord}/decide`, { decision: 'withdrawn', reason: '我们不认' })).statusCode).toBe(403);
  });
});

describe('decision and appeal', () => {
  it('a proposed record does not count in the figures; confirmed, it does', async () => {
    const overdueTotal = async () => {
      const r = (await dispatcher.get(`/api/metrics?groupBy=unit&unitId=${ctx.org.units['u-civil']}&from=2026-03-01&to=2026-03-31`)).json();
      return r.total.counts.overdueTotal as number;
    };
    // Accepted late: no longer open and overdue, so only the record could count it.
    await act(handler, overdueCase, 'accept', {});
    expect(await overdueTotal()).toBe(0);

    const appealed = await head.post(`/api/accountability/${overdueRecord}/appeal`, { text: '交办时联系电话有误，无法及时签收' });
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json()).toMatchObject({ state: 'appealed', appealText: '交办时联系电话有误，无法及时签收', canAppeal: false });
    expect((await head.post(`/api/accountability/${overdueRecord}/appeal`, { text: '再申诉一次' })).statusCode).toBe(422);
    expect(await overdueTotal()).toBe(0);

    const decided = await supervisor.post(`/api/accountability/${overdueRecord}/decide`, { decision: 'confirmed', reason: '经核实，电话无误，签收超期属实' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'confirmed', decisionReason: '经核实，电话无误，签收超期属实', canDecide: false });
    expect(await overdueTotal()).toBe(1);
    expect((await supervisor.post(`/api/accountability/${overdueRecord}/decide`, { decision: 'withdrawn', reason: '改判' })).statusCode).toBe(422);
    expect((await head.post(`/api/accountability/${overdueRecord}/appeal`, { text: '确认后申诉' })).statusCode).toBe(422);
    const audited = await ctx.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', overdueRecord).execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['accountability_appeal', 'accountability_confirmed']);
  });

  it('another unit’s head may not appeal; a supervisor outside the area may not decide', async () => {
    const housingHead = await ctx.userWith([{ role: 'unit_head', unitId: ctx.org.units['u-housing'] }]);
    const id = await caseInState(ctx, dispatcher, 'assigned', { requester: { name: '群众', phone: '13907985002' }, areaCode: AREAS.villageB1 });
    const created = await supervisor.post('/api/accountability', { caseId: id, unitId: ctx.org.units['u-civil'], note: '推诿扯皮，群众多次来电' });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json();
    expect(record).toMatchObject({ source: 'manual', state: 'proposed', unitName: '青溪县民政局' });
    expect((await housingHead.post(`/api/accountability/${record.id}/appeal`, { text: '与我无关' })).statusCode).toBe(403);
    const townSupervisor = await ctx.userWith([{ role: 'supervisor', unitId: ctx.org.units['u-townA'] }]);
    expect((await townSupervisor.post(`/api/accountability/${record.id}/decide`, { decision: 'withdrawn', reason: '不属实' })).statusCode).toBe(403);
    expect((await townSupervisor.post('/api/accountability', { caseId: id, unitId: ctx.org.units['u-civil'], note: '越权登记' })).statusCode).toBe(403);
    // The unit's head was told.
    const notices = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.accountability').where('caseId', '=', id).execute();
    expect(notices.map((n) => n.recipientUserId)).toEqual([ctx.org.users.head]);
    const withdrawn = await supervisor.post(`/api/accountability/${record.id}/decide`, { decision: 'withdrawn', reason: '经核实不属实' });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
  });

  it('refuses bad input and unknown references without writing anything', async () => {
    const before = await ctx.database.db.selectFrom('accountabilityRecords').select('id').execute();
    expect((await leader.post('/api/accountability', { caseId: overdueCase, unitId: ctx.org.units['u-civil'], note: '领导登记' })).statusCode).toBe(403);
    expect((await supervisor.post('/api/accountability', { caseId: 'nope', unitId: ctx.org.units['u-civil'], note: '无此件' })).statusCode).toBe(400);
    expect((await supervisor.post('/api/accountability', { caseId: overdueCase, unitId: 'nope', note: '无此单位' })).statusCode).toBe(400);
    expect((await supervisor.post('/api/accountability', { caseId: overdueCase, unitId: ctx.org.units['u-civil'], note: '' })).statusCode).toBe(400);
    expect((await supervisor.post(`/api/accountability/${overdueRecord}/decide`, { decision: 'maybe', reason: 'x' })).statusCode).toBe(400);
    expect((await supervisor.post('/api/accountability/nope/decide', { decision: 'confirmed', reason: 'x' })).statusCode).toBe(404);
    expect(await ctx.database.db.selectFrom('accountabilityRecords').select('id').execute()).toHaveLength(before.length);
  });
});

describe('sources', () => {
  it('a return without a valid reason and a second dissatisfied rating leave records; the second goes to a supervisor', async () => {
    const returned = await caseInState(ctx, dispatcher, 'assigned', { requester: { name: '群众', phone: '13907985003' } });
    await act(handler, returned, 'return', { reason: '不属于本单位职责，应由住建部门办理' });
    await act(dispatcher, returned, 'dispatch', { unitId: ctx.org.units['u-civil'], returnUnjustified: true });
    const twice = await caseInState(ctx, await allPowerful(ctx), 'evaluated', { requester: { name: '群众', phone: '13907985004' } });
    const lines = await ledger(supervisor, '?limit=100');
    expect(lines.find((l) => l.caseId === returned)).toMatchObject({ source: 'returned_without_reason', state: 'proposed' });
    expect(lines.find((l) => l.caseId === twice)).toMatchObject({ source: 'dissatisfied_twice', state: 'proposed' });
    const escalated = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.escalated').where('caseId', '=', twice).execute();
    expect(escalated.map((n) => n.recipientUserId)).toContain(ctx.org.users.supervisor);
  });
});

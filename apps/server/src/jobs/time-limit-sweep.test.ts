import { replayTransitions, type TransitionRecord } from '@lianxin/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from '../test/case-driver.js';
import { createTestContext, TEST_START, type Client, type TestContext } from '../test/context.js';
import { caseInput } from '../test/fixtures.js';
import { runTimeLimitSweep, SECOND_ESCALATION_SETTING } from './time-limit-sweep.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Dispatched on Monday 2 March 10:00 China time, a case must be accepted within one working day:
// by the end of Tuesday 3 March (15:59:59.999Z). 75 % of that time is used 28.5 h after dispatch.
const ACCEPT_DUE = '2026-03-03T15:59:59.999Z';
const ACCEPT_DUE_MS = Date.parse(ACCEPT_DUE);
const NOTHING = { yellow: 0, escalated1: 0, escalated2: 0, callbacks: 0, skipped: 0, failed: 0 };

let ctx: TestContext;
let registrar: Client;
let dispatcher: Client;
let handler: Client;
let phone = 13907980000;

beforeEach(async () => {
  ctx = await createTestContext();
  [registrar, dispatcher, handler] = await Promise.all([ctx.as('registrar'), ctx.as('dispatcher'), ctx.as('handler')]);
});
afterEach(() => ctx.close());

const sweep = (options?: Parameters<typeof runTimeLimitSweep>[2]) => runTimeLimitSweep(ctx.app.services, undefined, options);

async function register(overrides: Record<string, unknown> = {}): Promise<string> {
  phone += 1;
  const created = await registrar.post('/api/cases', caseInput({ requester: { name: '刘群众', phone: String(phone) }, ...overrides }));
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

async function dispatched(): Promise<string> {
  const id = await register();
  await act(dispatcher, id, 'dispatch', { unitId: ctx.org.units['u-civil'] });
  return id;
}

const detail = async (id: string) => (await dispatcher.get(`/api/cases/${id}`)).json();
const notices = (caseId: string, template: string) =>
  ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'params']).where('caseId', '=', caseId).where('template', '=', template).orderBy('recipientUserId').execute();
const records = (caseId: string) => ctx.database.db.selectFrom('accountabilityRecords').selectAll().where('caseId', '=', caseId).execute();

describe('the time-limit sweep', () => {
  it('turns a case yellow, escalates it to the unit head and then to supervisors, once each', async () => {
    const id = await dispatched();
    expect(await sweep()).toEqual(NOTHING);

    // The limit is 136 799 999 ms long; 75 % of it is 102 599 999.25 ms.
    ctx.clock.advance(102_599_000);
    expect(await sweep()).toEqual(NOTHING);
    ctx.clock.advance(1_000);
    expect(await sweep()).toEqual({ ...NOTHING, yellow: 1 });
    let c = await detail(id);
    expect(c).toMatchObject({ dueLevel: 'yellow', escalationLevel: 0, status: 'assigned' });
    expect(c.events.at(-1)).toMatchObject({ action: 'flag', actorLabel: 'system', fromStatus: 'assigned', toStatus: 'assigned', data: { dueLevel: 'yellow', stage: 'accept' } });
    // Nobody signed for it yet, so the unit's handlers and its head are reminded.
    const dueSoon = await notices(id, 'notice.due_soon');
    expect(dueSoon.map((n) => n.recipientUserId)).toEqual([ctx.org.users.handler, ctx.org.users.head].sort());
    expect(JSON.parse(dueSoon[0].params!)).toEqual({ code: c.code, stage: 'accept' });
    expect(await sweep()).toEqual(NOTHING);

    ctx.clock.advance(ACCEPT_DUE_MS - ctx.clock.now().getTime());
    expect(await sweep()).toEqual(NOTHING); // due, not yet overdue
    ctx.clock.advance(HOUR);
    expect(await sweep()).toEqual({ ...NOTHING, escalated1: 1 });
    c = await detail(id);
    expect(c).toMatchObject({ dueLevel: 'red', escalationLevel: 1, status: 'assigned' });
    expect(c.events.at(-1)).toMatchObject({ action: 'escalate', actorLabel: 'system', data: { level: 1, stage: 'accept', dueAt: ACCEPT_DUE } });
    expect(c.accountability).toHaveLength(1);
    expect(c.accountability[0]).toMatchObject({ reason: 'overdue', stage: 'accept', unitId: ctx.org.units['u-civil'], userId: null });
    const toHead = await notices(id, 'notice.escalated');
    expect(toHead.map((n) => n.recipientUserId)).toEqual([ctx.org.users.head]);
    expect(JSON.parse(toHead[0].params!)).toEqual({ code: c.code, stage: 'accept', level: 1 });
    expect(await sweep()).toEqual(NOTHING);

    ctx.clock.advance(23 * HOUR); // 24 h overdue: not yet more than a day
    expect(await sweep()).toEqual(NOTHING);
    ctx.clock.advance(1); // 24 h and 1 ms overdue
    expect(await sweep()).toEqual({ ...NOTHING, escalated2: 1 });
    c = await detail(id);
    expect(c).toMatchObject({ dueLevel: 'red', escalationLevel: 2 });
    expect(c.events.at(-1)).toMatchObject({ action: 'escalate', data: { level: 2, stage: 'accept' } });
    const escalated = await notices(id, 'notice.escalated');
    expect(escalated.map((n) => [n.recipientUserId, JSON.parse(n.params!).level])).toEqual(
      [[ctx.org.users.head, 1], [ctx.org.users.supervisor, 2]].sort(),
    );
    expect(await records(id)).toHaveLength(1);

    ctx.clock.advance(30 * DAY);
    expect(await sweep()).toEqual(NOTHING);
    // The history still replays to the stored state: the sweep's events never move it.
    const events = (await detail(id)).events.map((e: { action: string; fromStatus: string | null; toStatus: string }) => ({ action: e.action, fromState: e.fromStatus, toState: e.toStatus }));
    expect(events.map((e: TransitionRecord) => e.action)).toEqual(['register', 'dispatch', 'flag', 'escalate', 'escalate']);
    expect(replayTransitions(events)).toBe('assigned');
  });

  it('tells the handler alone once a handler has signed for the case', async () => {
    const id = await dispatched();
    await act(handler, id, 'accept', {});
    // Seven natural days from Monday 2 March end with Monday 9 March; 75 % is used on 7 March.
    ctx.clock.advance(5 * DAY);
    expect(await sweep()).toEqual(NOTHING);
    ctx.clock.advance(DAY);
    expect(await sweep()).toEqual({ ...NOTHING, yellow: 1 });
    expect((await notices(id, 'notice.due_soon')).map((n) => n.recipientUserId)).toEqual([ctx.org.users.handler]);
    expect((await detail(id)).events.at(-1).data).toMatchObject({ dueLevel: 'yellow', stage: 'handle' });
  });

  it('catches up in one run after a pause, and escalates an undispatched case against the registering unit', async () => {
    const assigned = await dispatched();
    const waiting = await register();
    ctx.clock.advance(3 * DAY);
    expect(await sweep()).toEqual({ ...NOTHING, escalated1: 2, escalated2: 2 });
    expect(await sweep()).toEqual(NOTHING);

    expect((await detail(assigned)).events.slice(-2).map((e: { data: { level: number } }) => e.data.level)).toEqual([1, 2]);
    const [record] = await records(waiting);
    expect(record).toMatchObject({ reason: 'overdue', stage: 'intake', unitId: ctx.org.units['u-center'], userId: null });
    // The registering centre has no unit head: its supervisors hear of the first escalation too.
    const levels = (await notices(waiting, 'notice.escalated')).map((n) => [n.recipientUserId, JSON.parse(n.params!).level]).sort();
    expect(levels).toEqual([[ctx.org.users.supervisor, 1], [ctx.org.users.supervisor, 2]]);
    // No yellow flag for a case that went straight to red.
    expect((await detail(waiting)).events.map((e: { action: string }) => e.action)).toEqual(['register', 'escalate', 'escalate']);
  });

  it('turns a reply the resident did not rate in time into a call-back to-do, without blame', async () => {
    const id = await dispatched();
    await act(handler, id, 'accept', {});
    await act(handler, id, 'reply', { reply: '已核实并办理完毕。', solved: true });
    ctx.clock.advance(6 * DAY); // 7-day evaluation window, most of it used: no yellow for the resident's time
    expect(await sweep()).toEqual(NOTHING);
    ctx.clock.advance(2 * DAY);
    expect(await sweep()).toEqual({ ...NOTHING, callbacks: 1 });
    const c = await detail(id);
    expect(c).toMatchObject({ status: 'replied', dueLevel: 'red', escalationLevel: 0, accountability: [] });
    expect(c.events.at(-1)).toMatchObject({ action: 'flag', data: { dueLevel: 'red', stage: 'evaluate', callback: true } });
    expect(await notices(id, 'notice.escalated')).toEqual([]);
    ctx.clock.advance(5 * DAY);
    expect(await sweep()).toEqual(NOTHING);
    expect(await records(id)).toEqual([]);
    // It is on the call-back list of the registrar.
    const inbox = (await registrar.get('/api/cases/inbox')).json();
    expect(inbox.groups.find((g: { key: string }) => g.key === 'callback').items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('waits for the configured time before the second escalation', async () => {
    await ctx.database.db.insertInto('settings').values({ key: SECOND_ESCALATION_SETTING, value: '48' }).execute();
    await dispatched();
    ctx.clock.advance(40 * HOUR + 25 * HOUR);
    expect(await sweep()).toEqual({ ...NOTHING, escalated1: 1 });
    ctx.clock.advance(24 * HOUR);
    expect(await sweep()).toEqual({ ...NOTHING, escalated2: 1 });
    // An explicit option wins over the setting. (Dispatched on a Thursday night: due Monday.)
    await dispatched();
    ctx.clock.advance(4 * DAY);
    expect(await sweep({ secondEscalationAfterMs: 0 })).toEqual({ ...NOTHING, escalated1: 1, escalated2: 1 });
  });

  it('pages through more cases than one batch holds', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await dispatched());
    ctx.clock.advance(40 * HOUR);
    expect(await sweep({ batchSize: 2 })).toEqual({ ...NOTHING, escalated1: 5 });
    for (const id of ids) expect((await detail(id)).escalationLevel).toBe(1);
  });

  it('leaves a case untouched when its change fails, reports it and goes on with the others', async () => {
    const failing = await dispatched();
    const fine = await register({ channel: 'online' }); // 2-hour intake limit: overdue long before the other
    ctx.clock.advance(40 * HOUR);
    const services = ctx.app.services;
    const notifier = {
      ...services.notifier,
      notice: async (...args: Parameters<typeof services.notifier.notice>) => {
        if (args[4] === failing && args[2] === 'notice.escalated') throw new Error('outbox unavailable');
        return services.notifier.notice(...args);
      },
    };
    const errors: Array<[unknown, string]> = [];
    const result = await runTimeLimitSweep({ ...services, notifier }, undefined, { onCaseError: (error, id) => errors.push([error, id]) });
    expect(result).toEqual({ ...NOTHING, escalated1: 1, escalated2: 1, failed: 1 });
    expect(errors.map(([error, id]) => [(error as Error).message, id])).toEqual([['outbox unavailable', failing]]);
    // Nothing of the failed escalation was kept: no event, no record, no level.
    const c = await detail(failing);
    expect(c).toMatchObject({ escalationLevel: 0, dueLevel: 'normal', accountability: [] });
    expect(c.events.map((e: { action: string }) => e.action)).toEqual(['register', 'dispatch']);
    expect((await detail(fine)).escalationLevel).toBe(2);
    // The next run picks it up.
    expect(await sweep()).toEqual({ ...NOTHING, escalated1: 1 });
  });

  it('sweeps as of the instant it is given', async () => {
    await dispatched();
    expect(await runTimeLimitSweep(ctx.app.services, new Date(TEST_START.getTime() + 40 * HOUR))).toEqual({ ...NOTHING, escalated1: 1 });
  });
});

describe('POST /api/admin/jobs/time-limit-sweep', () => {
  it('lets a supervisor or an admin run the sweep, audited, and nobody else', async () => {
    await dispatched();
    ctx.clock.advance(40 * HOUR);
    expect((await ctx.anonymous().post('/api/admin/jobs/time-limit-sweep')).statusCode).toBe(401);
    const refused = await handler.post('/api/admin/jobs/time-limit-sweep');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    const run = await (await ctx.as('supervisor')).post('/api/admin/jobs/time-limit-sweep');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual({ ...NOTHING, escalated1: 1 });
    const again = await (await ctx.as('admin')).post('/api/admin/jobs/time-limit-sweep');
    expect(again.json()).toEqual(NOTHING);

    const audit = await ctx.database.db.selectFrom('auditLog').select(['actorUserId', 'action', 'detail']).where('action', '=', 'run_job').orderBy('seq').execute();
    expect(audit.map((a) => [a.actorUserId, JSON.parse(a.detail!).escalated1])).toEqual([
      [ctx.org.users.supervisor, 1],
      [ctx.org.users.admin, 0],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { caseIdOf, submit } from '../portal/portal.test-support.js';

const { ctx, leader, dispatcher, registrar, head, handler, supervisor } = suiteContext({
  leader: 'leader', // heads the county centre (a 领导 held in u-center)
  dispatcher: 'dispatcher',
  registrar: 'registrar',
  head: 'head', // 钱局长, head of 民政局
  handler: 'handler',
  supervisor: 'supervisor',
});

const week = (unitId: string, from = '2026-03-02', days = 7) => `/api/duty/roster?unitId=${unitId}&from=${from}&days=${days}`;
const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

describe('duty roster (值班)', () => {
  it('a unit head builds the week by day and shift, with weekends from the calendar; unfilled slots are counted', async () => {
    const entries = [
      { date: '2026-03-02', shift: 'day', userId: ctx.org.users.handler },
      { date: '2026-03-02', shift: 'night', userId: ctx.org.users.head },
      { date: '2026-03-07', shift: 'day', userId: ctx.org.users.handler, leadUserId: ctx.org.users.head },
    ];
    const saved = await head.put('/api/duty/roster', { unitId: 'u-civil', entries });
    expect(saved.statusCode, saved.body).toBe(200);
    const roster = (await head.get(week('u-civil'))).json();
    expect(roster.days).toHaveLength(7);
    expect(roster.days[0]).toMatchObject({ date: '2026-03-02', weekday: 1, working: true, slots: [{ shift: 'day', person: { name: '赵承办' } }, { shift: 'night', person: { name: '钱局长' } }] });
    expect(roster.days[5]).toMatchObject({ date: '2026-03-07', weekday: 6, working: false, slots: [{ person: { name: '赵承办' }, lead: { name: '钱局长' } }, { person: null }] });
    expect(roster.gaps).toBe(14 - 3);
    expect(roster.may).toEqual({ edit: true, approveSwaps: true });
    // The person put on duty is told, under the kind 值班请假.
    const notes = await ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'noticeKind']).where('template', '=', 'notice.duty_assigned').execute();
    expect(notes.map((n) => n.recipientUserId)).toContain(ctx.org.users.handler);
    expect(notes[0]!.noticeKind).toBe('duty');
  });

  it('refuses a non-member, a past day, and anyone but the head; bad input is a 400 naming the field', async () => {
    const other = await head.put('/api/duty/roster', { unitId: 'u-civil', entries: [{ date: '2026-03-03', shift: 'day', userId: ctx.org.users.housingHandler }] });
    expect(other.statusCode).toBe(422);
    expect(fieldsOf(other.json())).toEqual(['entries.0.userId']);
    const past = await head.put('/api/duty/roster', { unitId: 'u-civil', entries: [{ date: '2026-03-01', shift: 'day', userId: ctx.org.users.handler }] });
    expect(past.statusCode).toBe(422);
    expect((await handler.put('/api/duty/roster', { unitId: 'u-civil', entries: [{ date: '2026-03-03', shift: 'day', userId: ctx.org.users.handler }] })).statusCode).toBe(403);
    const bad = await head.put('/api/duty/roster', { unitId: 'u-civil', entries: [{ date: '2026-02-30', shift: 'noon', userId: null }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad.json())).toEqual(expect.arrayContaining(['entries.0.date', 'entries.0.shift']));
  });

  it('out-of-scope reads are refused: a township cadre cannot read a county bureau’s roster', async () => {
    const townB = await ctx.userWith([{ role: 'handler', unitId: 'u-townB' }]);
    expect((await townB.get(week('u-civil'))).statusCode).toBe(403);
    expect((await townB.get(`/api/duty/swaps?unitId=u-civil`)).statusCode).toBe(403);
    expect((await townB.get(`/api/duty/roster.xlsx?unitId=u-civil&from=2026-03-02`)).statusCode).toBe(403);
    // The county's supervisor reads it (duty.read over the county), but may not edit it.
    const seen = await supervisor.get(week('u-civil'));
    expect(seen.statusCode).toBe(200);
    expect(seen.json().may.edit).toBe(false);
  });

  it('a swap is asked for by the person on duty and takes effect when the head approves it', async () => {
    const roster = (await head.get(week('u-civil'))).json();
    const shiftId = roster.days[5].slots[0].shiftId;
    const asked = await handler.post('/api/duty/swaps', { shiftId, toUserId: ctx.org.users.head, reason: '家中有事' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ state: 'pending', from: { name: '赵承办' }, to: { name: '钱局长' }, may: { decide: false } });
    expect((await head.get(week('u-civil'))).json().days[5].slots[0].pendingSwap).toBe(true);
    expect((await handler.post(`/api/duty/swaps/${asked.json().id}/decide`, { approve: true })).statusCode).toBe(403);
    const list = (await head.get('/api/duty/swaps?unitId=u-civil&state=pending')).json().items;
    expect(list[0].may.decide).toBe(true);
    const approved = await head.post(`/api/duty/swaps/${asked.json().id}/decide`, { approve: true });
    expect(approved.json()).toMatchObject({ state: 'approved' });
    expect((await head.get(week('u-civil'))).json().days[5].slots[0]).toMatchObject({ person: { name: '钱局长' }, pendingSwap: false });
    expect((await head.post(`/api/duty/swaps/${asked.json().id}/decide`, { approve: false })).statusCode).toBe(409);
    const told = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.duty_swap_decided').execute();
    expect(told.map((t) => t.recipientUserId)).toContain(ctx.org.users.handler);
  });

  it('exports the roster to Excel and prints it as a PDF', async () => {
    const xlsx = await head.get(`/api/duty/roster.xlsx?unitId=u-civil&from=2026-03-02`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await head.get(`/api/duty/roster.pdf?unitId=u-civil&from=2026-03-02`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('flags a shift without a person a week ahead, once, to the unit head', async () => {
    const first = await ctx.app.services.duty.sweepGaps();
    expect(first.notified).toBeGreaterThan(0);
    const gaps = await ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'params']).where('template', '=', 'notice.duty_gap').execute();
    // 民政局 keeps a roster: its head hears of its gaps; the centre's are told to its leader.
    expect(gaps.some((g) => g.recipientUserId === ctx.org.users.head && JSON.parse(g.params!).unit === '青溪县民政局')).toBe(true);
    expect(gaps.some((g) => g.recipientUserId === ctx.org.users.leader)).toBe(true);
    expect((await ctx.app.services.duty.sweepGaps()).notified).toBe(0);
  });

  it('the 2-hour online case submitted on a Friday evening reaches the duty person: told, and theirs in the dispatch queue', async () => {
    // The centre's leader puts the dispatcher on Friday night.
    const saved = await leader.put('/api/duty/roster', { unitId: 'u-center', entries: [{ date: '2026-03-06', shift: 'night', userId: ctx.org.users.dispatcher, leadUserId: ctx.org.users.leader }] });
    expect(saved.statusCode, saved.body).toBe(200);
    // Submitted in office hours (Monday 10:00, due 12:00), a case stays with the dispatch centre as usual.
    await submit(ctx);
    expect((await ctx.app.services.duty.routeAfterHours()).claimed).toBe(0);
    ctx.clock.set(new Date('2026-03-06T11:30:00.000Z')); // Friday 19:30 China time
    const { code } = await submit(ctx);
    const caseId = await caseIdOf(ctx, code);
    // In office hours nothing would be claimed; now it is, once.
    expect((await ctx.app.services.duty.routeAfterHours()).claimed).toBe(1);
    expect((await ctx.app.services.duty.routeAfterHours()).claimed).toBe(0);

    const told = await ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'caseId', 'body']).where('template', '=', 'notice.duty_case').execute();
    expect(told).toEqual([expect.objectContaining({ recipientUserId: ctx.org.users.dispatcher, caseId })]);
    expect(told[0]!.body).toContain('夜班');
    // The notice reaches the dispatcher's screen (the notifications centre).
    const mine = (await dispatcher.get('/api/notifications?kind=duty')).json().items;
    expect(mine.some((n: { caseId: string | null }) => n.caseId === caseId)).toBe(true);

    const queue = (await dispatcher.get('/api/cases/dispatch-queue')).json().items;
    expect(queue.find((i: { id: string }) => i.id === caseId)).toMatchObject({ onDuty: { id: ctx.org.users.dispatcher, name: '李派单' } });
    const detail = (await dispatcher.get(`/api/cases/${caseId}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toContain('duty_claim');

    const today = (await dispatcher.get('/api/duty/today')).json();
    expect(today.claimedCases).toBe(1);
    const centre = today.units.find((u: { unit: { id: string } }) => u.unit.id === 'u-center');
    expect(centre.now).toMatchObject({ date: '2026-03-06', shift: 'night', person: { name: '李派单' }, lead: { name: '吴县长' } });
    // Anyone of the county sees the centre's duty person on the workbench.
    expect((await (await registrar.get('/api/duty/today')).json()).units.find((u: { unit: { id: string } }) => u.unit.id === 'u-center').now.person.name).toBe('李派单');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { closeStalePendingExtensions } from '../../db/migrations/2026120609_urges_instructions.js';
import { handlingCase, noticesOf, timeline } from './supervision.test-support.js';

const { ctx, registrar, dispatcher, handler, head, supervisor, leader, housingHandler } = suiteContext({
  registrar: 'registrar',
  dispatcher: 'dispatcher',
  handler: 'handler',
  head: 'head',
  supervisor: 'supervisor',
  leader: 'leader',
  housingHandler: 'housingHandler',
});

let townLeader: Client;
beforeAll(async () => {
  townLeader = await ctx.userWith([{ role: 'leader', unitId: ctx.org.units['u-townB'] }, { role: 'supervisor', unitId: ctx.org.units['u-townB'] }]);
});

const newCase = () => handlingCase(ctx, registrar, dispatcher, handler);

describe('urges (催办)', () => {
  it('records an urge: a count on the case (page, ledger), an event, a notice to the unit, audited', async () => {
    const c = await newCase();
    const panel = await supervisor.get(`/api/cases/${c.id}/supervision`);
    expect(panel.json()).toMatchObject({ urgeCount: 0, may: { issue: true, urge: true, instruct: false } });
    const urged = await supervisor.post(`/api/cases/${c.id}/urges`, { note: '请本周内答复群众' });
    expect(urged.statusCode, urged.body).toBe(200);
    expect(urged.json().urgeCount).toBe(1);
    expect(urged.json().urges[0]).toMatchObject({ urgedByName: '周督办', note: '请本周内答复群众', unitId: 'u-civil' });
    await dispatcher.post(`/api/cases/${c.id}/urges`, {});
    expect((await supervisor.get(`/api/cases/${c.id}`)).json().urgeCount).toBe(2);
    const ledger = (await supervisor.get(`/api/cases?limit=100`)).json().items.find((x: { id: string }) => x.id === c.id);
    expect(ledger.urgeCount).toBe(2);
    expect((await timeline(supervisor, c.id)).filter((a) => a === 'urge')).toHaveLength(2);
    const told = (await noticesOf(ctx, 'notice.urge')).filter((n) => n.caseId === c.id);
    expect(new Set(told.map((n) => n.recipientUserId))).toEqual(new Set([ctx.org.users.handler, ctx.org.users.head]));
    expect(await ctx.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', c.id).where('action', '=', 'case_urge').execute()).toHaveLength(2);
  });

  it('refuses the wrong role, out of scope, and a case no unit works on', async () => {
    const c = await newCase();
    expect((await handler.post(`/api/cases/${c.id}/urges`, {})).json().code).toBe('forbidden');
    const far = await townLeader.post(`/api/cases/${c.id}/urges`, {});
    expect(far.statusCode).toBe(403);
    expect(far.json().code).toBe('out_of_scope');
    const fresh = (await registrar.post('/api/cases', caseInput())).json();
    expect((await supervisor.post(`/api/cases/${fresh.id}/urges`, {})).statusCode).toBe(422);
    expect((await supervisor.get(`/api/cases/${c.id}`)).json().urgeCount).toBe(0);
  });
});

describe('leader instructions (批示)', () => {
  it('a leader instructs; the unit acknowledges, then reports back; the timeline shows each, the leader is told', async () => {
    const c = await newCase();
    expect((await leader.get(`/api/cases/${c.id}/supervision`)).json().may.instruct).toBe(true);
    const written = await leader.post(`/api/cases/${c.id}/instructions`, { text: '请民政局三日内核实情况并妥善解决' });
    expect(written.statusCode, written.body).toBe(200);
    const instruction = written.json().instructions[0];
    expect(instruction).toMatchObject({ state: 'issued', leaderName: '吴县长', unitName: '青溪县民政局', may: { acknowledge: false, report: false } });
    const told = (await noticesOf(ctx, 'notice.instruction')).filter((n) => n.caseId === c.id);
    expect(new Set(told.map((n) => n.recipientUserId))).toEqual(new Set([ctx.org.users.handler, ctx.org.users.head]));

    const seen = (await handler.get(`/api/cases/${c.id}/supervision`)).json().instructions[0];
    expect(seen.may).toEqual({ acknowledge: true, report: false });
    // Reporting back before acknowledging is the wrong state.
    const early = await handler.post(`/api/cases/${c.id}/instructions/${instruction.id}/report`, { report: '已核实' });
    expect(early.statusCode).toBe(409);
    const acked = await handler.post(`/api/cases/${c.id}/instructions/${instruction.id}/acknowledge`);
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json().instructions[0]).toMatchObject({ state: 'acknowledged', may: { acknowledge: false, report: true } });
    expect((await handler.post(`/api/cases/${c.id}/instructions/${instruction.id}/acknowledge`)).statusCode).toBe(409);
    const reported = await head.post(`/api/cases/${c.id}/instructions/${instruction.id}/report`, { report: '已入户核实，符合条件，已纳入低保' });
    expect(reported.json().instructions[0]).toMatchObject({ state: 'reported', report: '已入户核实，符合条件，已纳入低保' });

    const detail = (await leader.get(`/api/cases/${c.id}`)).json();
    const steps = detail.events.filter((e: { action: string }) => ['instruct', 'instruction_ack', 'instruction_report'].includes(e.action));
    expect(steps.map((e: { action: string; note: string | null }) => [e.action, e.note])).toEqual([
      ['instruct', '请民政局三日内核实情况并妥善解决'],
      ['instruction_ack', null],
      ['instruction_report', '已入户核实，符合条件，已纳入低保'],
    ]);
    expect((await noticesOf(ctx, 'notice.instruction_reported')).some((n) => n.recipientUserId === ctx.org.users.leader && n.caseId === c.id)).toBe(true);
  });

  it('refuses the wrong role, out of scope, and a closed case', async () => {
    const c = await newCase();
    expect((await supervisor.post(`/api/cases/${c.id}/instructions`, { text: '请尽快办理' })).json().code).toBe('forbidden');
    expect((await townLeader.post(`/api/cases/${c.id}/instructions`, { text: '请尽快办理' })).json().code).toBe('out_of_scope');
    expect((await leader.post(`/api/cases/${c.id}/instructions`, { text: '' })).statusCode).toBe(400);
    const instruction = (await leader.post(`/api/cases/${c.id}/instructions`, { text: '请尽快办理' })).json().instructions[0];
    // Only the unit addressed answers: not the leader, not another unit.
    expect((await leader.post(`/api/cases/${c.id}/instructions/${instruction.id}/acknowledge`)).json().code).toBe('forbidden');
    expect((await housingHandler.post(`/api/cases/${c.id}/instructions/${instruction.id}/acknowledge`)).json().code).toBe('out_of_scope');
    expect((await handler.post(`/api/cases/${c.id}/instructions/nope/acknowledge`)).statusCode).toBe(404);
    await act(handler, c.id, 'reply', { reply: '已办理。', solved: true });
    expect((await leader.post(`/api/cases/${c.id}/instructions`, { text: '请尽快办理' })).statusCode).toBe(422);
  });
});

describe('extensions offer only what the rules allow (issue 13 item 7)', () => {
  it('the form gets the limit up front; approve/reject only while one is pending, only to who may decide; a pending request closes when the case moves on', async () => {
    const c = await newCase();
    const before = (await handler.get(`/api/cases/${c.id}`)).json();
    expect(before.extensionMaxDays).toBe(7);
    expect(before.actions).toContain('request_extension');
    expect(before.actions).not.toContain('approve_extension');
    expect((await head.get(`/api/cases/${c.id}`)).json().actions).not.toContain('approve_extension');
    expect((await supervisor.get(`/api/cases/${c.id}`)).json().actions).not.toContain('reject_extension');

    await act(handler, c.id, 'request_extension', { days: 5, reason: '需要入户核查' });
    const pending = (await handler.get(`/api/cases/${c.id}`)).json();
    expect(pending.actions).not.toContain('request_extension');
    expect(pending.actions).not.toContain('approve_extension'); // a handler does not decide
    expect(pending.extensionMaxDays).toBeNull();
    expect((await head.get(`/api/cases/${c.id}`)).json().actions).toEqual(expect.arrayContaining(['approve_extension', 'reject_extension']));
    expect((await supervisor.get(`/api/cases/${c.id}`)).json().actions).toEqual(expect.arrayContaining(['approve_extension', 'reject_extension']));

    await act(handler, c.id, 'reply', { reply: '已办理。', solved: true });
    const after = (await head.get(`/api/cases/${c.id}`)).json();
    expect(after.extensions[0]).toMatchObject({ status: 'closed', decisionNote: '诉求件已答复，延期申请自动关闭' });
    expect(after.actions).not.toContain('approve_extension');
  });

  it('the migration closes requests that an earlier version left pending after the case moved on, and keeps those of cases still handling', async () => {
    const stuck = await newCase();
    const live = await newCase();
    await act(handler, stuck.id, 'request_extension', { days: 5, reason: '需要入户核查' });
    await act(handler, live.id, 'request_extension', { days: 5, reason: '需要入户核查' });
    // As before the fix: the case was replied while its request stayed pending.
    await ctx.database.db.updateTable('cases').set({ status: 'replied' }).where('id', '=', stuck.id).execute();
    await closeStalePendingExtensions(ctx.database.db, ctx.clock.now().toISOString());
    expect((await head.get(`/api/cases/${stuck.id}`)).json().extensions[0]).toMatchObject({ status: 'closed', decisionNote: '诉求件已离开办理环节，延期申请自动关闭' });
    expect((await head.get(`/api/cases/${live.id}`)).json().extensions[0].status).toBe('pending');
  });

  it('no request is offered once an extension was used', async () => {
    const c = await newCase();
    await act(handler, c.id, 'request_extension', { days: 7, reason: '需要入户核查' });
    const extensionId = (await head.get(`/api/cases/${c.id}`)).json().extensions[0].id;
    await act(head, c.id, 'approve_extension', { extensionId });
    const detail = (await handler.get(`/api/cases/${c.id}`)).json();
    expect(detail.actions).not.toContain('request_extension');
    expect(detail.extensionMaxDays).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { replayTransitions } from '@lianxin/core';
import { act } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { docxText, pdfText } from '../documents/read-back.test-support.js';
import { DAY, dueIn, handlingCase, noticesOf, timeline } from './supervision.test-support.js';

const { ctx, registrar, dispatcher, handler, head, supervisor, leader, housingHandler } = suiteContext({
  registrar: 'registrar',
  dispatcher: 'dispatcher',
  handler: 'handler',
  head: 'head',
  supervisor: 'supervisor',
  leader: 'leader',
  housingHandler: 'housingHandler',
});

let townSupervisor: Client;
beforeAll(async () => {
  townSupervisor = await ctx.userWith([{ role: 'supervisor', unitId: ctx.org.units['u-townB'] }]);
});

const newCase = (input: Record<string, unknown> = {}) => handlingCase(ctx, registrar, dispatcher, handler, input);
const issue = (client: Client, body: Record<string, unknown>) => client.post('/api/supervision/orders', { level: 'key', reason: '群众反映强烈，久拖未决', ...body });

describe('supervision orders (督办)', () => {
  it('issued → signed → responded → returned → responded → accepted, numbered per year, an event on the case at each step, notices and audit', async () => {
    const c = await newCase();
    const issued = await issue(supervisor, { caseIds: [c.id], responseDueAt: dueIn(ctx, 5) });
    expect(issued.statusCode, issued.body).toBe(200);
    const order = issued.json();
    expect(order).toMatchObject({ state: 'issued', level: 'key', unitId: 'u-civil', unitName: '青溪县民政局', issuingUnitName: '青溪县群众工作中心', caseCount: 1, overdue: false });
    expect(order.number).toMatch(/^青溪督〔2026〕\d+号$/);
    expect(order.may).toEqual({ sign: false, respond: false, accept: false, return: false });
    const next = (await issue(leader, { caseIds: [c.id], responseDueAt: dueIn(ctx, 5) })).json();
    expect(Number(next.number.match(/〔2026〕(\d+)号/)[1])).toBe(Number(order.number.match(/〔2026〕(\d+)号/)[1]) + 1);

    // The unit's workers are told, with a link to the case and the order.
    const told = (await noticesOf(ctx, 'notice.supervision_issued')).filter((n) => JSON.parse(n.params ?? '{}').orderId === order.id);
    expect(new Set(told.map((n) => n.recipientUserId))).toEqual(new Set([ctx.org.users.handler, ctx.org.users.head]));
    expect(told[0].caseId).toBe(c.id);
    // In the notification centre the notice opens the order (its target), under the kind 督办.
    const mine = (await head.get('/api/notifications?kind=supervision')).json().items;
    expect(mine.find((n: { target: { kind: string; id: string } | null }) => n.target?.id === order.id)).toMatchObject({ kind: 'supervision', target: { kind: 'supervision', id: order.id } });

    expect((await head.get(`/api/supervision/orders/${order.id}`)).json().may).toMatchObject({ sign: true, respond: false });
    const signed = await head.post(`/api/supervision/orders/${order.id}/sign`);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'signed', signedByName: '钱局长', may: { respond: true } });

    const responded = await handler.post(`/api/supervision/orders/${order.id}/respond`, { response: '已约谈申请人，正在补齐材料，预计三日内办结。' });
    expect(responded.json()).toMatchObject({ state: 'responded', respondedLate: false, respondedByName: '赵承办' });
    const returned = await supervisor.post(`/api/supervision/orders/${order.id}/return`, { note: '回复未说明具体办结时间' });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewNote: '回复未说明具体办结时间', returnCount: 1 });
    await handler.post(`/api/supervision/orders/${order.id}/respond`, { response: '已于3月5日完成审核，3月6日发放。' });
    const accepted = await supervisor.post(`/api/supervision/orders/${order.id}/accept`, { note: '同意' });
    expect(accepted.json()).toMatchObject({ state: 'accepted', response: '已于3月5日完成审核，3月6日发放。', reviewNote: '同意' });

    const actions = await timeline(supervisor, c.id);
    for (const a of ['supervise', 'supervision_sign', 'supervision_respond', 'supervision_return', 'supervision_accept']) expect(actions).toContain(a);
    // The history still replays to the stored state: supervision steps keep the state.
    const events = (await supervisor.get(`/api/cases/${c.id}`)).json().events;
    expect(replayTransitions(events.map((e: { action: string; fromStatus: string; toStatus: string }) => ({ action: e.action, fromState: e.fromStatus, toState: e.toStatus })))).toBe('handling');
    const audited = await ctx.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', order.id).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['supervision_issue', 'supervision_sign', 'supervision_respond', 'supervision_return', 'supervision_accept']));
  });

  it('covers several overdue cases of one unit in one order, and refuses cases of two units', async () => {
    const a = await newCase();
    const b = await newCase({ title: '小区路灯损坏' });
    const both = await issue(supervisor, { caseIds: [a.id, b.id], unitId: 'u-civil', responseDueAt: dueIn(ctx, 3) });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json().cases.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());

    const other = await registrar.post('/api/cases', caseInput());
    await act(dispatcher, other.json().id, 'dispatch', { unitId: 'u-housing' });
    const mixed = await issue(supervisor, { caseIds: [a.id, other.json().id], responseDueAt: dueIn(ctx, 3) });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().errors[0].field).toBe('unitId');
  });

  it('refuses the wrong role, out of scope, a past due date, an undispatched case and every step in the wrong state', async () => {
    const c = await newCase();
    expect((await issue(handler, { caseIds: [c.id], responseDueAt: dueIn(ctx, 3) })).json().code).toBe('forbidden');
    expect((await issue(dispatcher, { caseIds: [c.id], responseDueAt: dueIn(ctx, 3) })).statusCode).toBe(403);
    const far = await issue(townSupervisor, { caseIds: [c.id], responseDueAt: dueIn(ctx, 3) });
    expect(far.statusCode).toBe(403);
    expect(far.json().code).toBe('out_of_scope');
    const past = await issue(supervisor, { caseIds: [c.id], responseDueAt: dueIn(ctx, -1) });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].field).toBe('responseDueAt');
    const fresh = (await registrar.post('/api/cases', caseInput())).json();
    expect((await issue(supervisor, { caseIds: [fresh.id], responseDueAt: dueIn(ctx, 3) })).statusCode).toBe(422);

    const order = (await issue(supervisor, { caseIds: [c.id], responseDueAt: dueIn(ctx, 3) })).json();
    const before = await ctx.database.db.selectFrom('supervisionOrders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    // Wrong state: respond before signing, accept before a response.
    expect((await handler.post(`/api/supervision/orders/${order.id}/respond`, { response: '已办理' })).statusCode).toBe(409);
    expect((await supervisor.post(`/api/supervision/orders/${order.id}/accept`, {})).statusCode).toBe(409);
    // Wrong role: the supervisor does not sign for the unit, the unit does not review itself.
    expect((await supervisor.post(`/api/supervision/orders/${order.id}/sign`)).json().code).toBe('forbidden');
    // Out of scope: another unit's handler neither sees nor signs it.
    const other = await housingHandler.post(`/api/supervision/orders/${order.id}/sign`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('out_of_scope');
    expect((await housingHandler.get(`/api/supervision/orders/${order.id}`)).statusCode).toBe(403);
    // Nothing changed.
    expect(await ctx.database.db.selectFrom('supervisionOrders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()).toEqual(before);

    await head.post(`/api/supervision/orders/${order.id}/sign`);
    expect((await head.post(`/api/supervision/orders/${order.id}/sign`)).statusCode).toBe(409);
    await handler.post(`/api/supervision/orders/${order.id}/respond`, { response: '已办理完毕' });
    expect((await head.post(`/api/supervision/orders/${order.id}/accept`, {})).json().code).toBe('forbidden');
    expect((await supervisor.post(`/api/supervision/orders/${order.id}/return`, {})).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/supervision/orders/${order.id}` })).statusCode).toBe(401);
  });

  it('a late response: taken, marked late, escalated once with an accountability record against the unit', async () => {
    const c = await newCase();
    const order = (await issue(supervisor, { caseIds: [c.id], responseDueAt: dueIn(ctx, 1) })).json();
    await head.post(`/api/supervision/orders/${order.id}/sign`);
    ctx.clock.advance(2 * DAY);
    const late = await handler.post(`/api/supervision/orders/${order.id}/respond`, { response: '迟复：已办结' });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ state: 'responded', respondedLate: true, overdue: true });
    expect(late.json().escalatedAt).not.toBeNull();
    const records = await ctx.database.db.selectFrom('accountabilityRecords').selectAll().where('caseId', '=', c.id).execute();
    expect(records).toMatchObject([{ reason: 'supervision_overdue', unitId: 'u-civil', stage: order.number }]);
    expect((await ctx.app.services.supervision.sweepOverdue()).escalated).toBe(0);
  });

  it('the sweep escalates an unanswered order once: record, event, notices to the issuer and the unit head; the overdue view lists it', async () => {
    const c = await newCase();
    const order = (await issue(supervisor, { caseIds: [c.id], responseDueAt: dueIn(ctx, 1) })).json();
    expect((await supervisor.get('/api/supervision/orders?view=overdue')).json().items.map((o: { id: string }) => o.id)).not.toContain(order.id);
    ctx.clock.advance(2 * DAY);
    expect((await ctx.app.services.supervision.sweepOverdue()).escalated).toBeGreaterThanOrEqual(1);
    expect((await ctx.app.services.supervision.sweepOverdue()).escalated).toBe(0);
    const records = await ctx.database.db.selectFrom('accountabilityRecords').selectAll().where('caseId', '=', c.id).where('reason', '=', 'supervision_overdue').execute();
    expect(records).toHaveLength(1);
    const told = (await noticesOf(ctx, 'notice.supervision_overdue')).filter((n) => JSON.parse(n.params ?? '{}').orderId === order.id);
    expect(new Set(told.map((n) => n.recipientUserId))).toEqual(new Set([ctx.org.users.supervisor, ctx.org.users.head]));
    expect(await timeline(supervisor, c.id)).toContain('supervision_overdue');
    const overdue = (await supervisor.get('/api/supervision/orders?view=overdue')).json().items;
    expect(overdue.find((o: { id: string }) => o.id === order.id)).toMatchObject({ overdue: true, state: 'issued' });
  });

  it('lists by view: issued by me, to my unit; scoped to the caller', async () => {
    const c = await newCase();
    const mine = (await issue(leader, { caseIds: [c.id], responseDueAt: dueIn(ctx, 9) })).json();
    const byLeader = (await leader.get('/api/supervision/orders?view=mine&limit=100')).json().items;
    expect(byLeader.every((o: { issuedBy: string }) => o.issuedBy === ctx.org.users.leader)).toBe(true);
    expect(byLeader.map((o: { id: string }) => o.id)).toContain(mine.id);
    const toUnit = (await handler.get('/api/supervision/orders?view=unit&limit=100')).json().items;
    expect(toUnit.length).toBeGreaterThan(0);
    expect(toUnit.every((o: { unitId: string }) => o.unitId === 'u-civil')).toBe(true);
    expect((await housingHandler.get('/api/supervision/orders?limit=100')).json().items).toEqual([]);
    expect((await registrar.get('/api/supervision/orders')).statusCode).toBe(403);
  });

  it('downloads the 督办通知单 as PDF and DOCX, reading back the number, the unit, the cases and the due date', async () => {
    const c = await newCase();
    const order = (await issue(supervisor, { caseIds: [c.id], responseDueAt: '2026-03-20T02:00:00.000Z' })).json();
    const pdf = await head.get(`/api/supervision/orders/${order.id}/document.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const phrase of ['督办通知单', order.number, '青溪县民政局：', c.code, '2026年3月20日', '青溪县群众工作中心', '重点督办']) expect(text).toContain(phrase);
    const docx = await supervisor.get(`/api/supervision/orders/${order.id}/document.docx`);
    expect(await docxText(docx.rawPayload)).toContain(order.number);
    expect((await housingHandler.get(`/api/supervision/orders/${order.id}/document.pdf`)).statusCode).toBe(403);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, lastAudit } from '../../test/admin-support.js';
import { act, allPowerful, caseInState } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';

// Task forces (专案组): forming one, members reading the case, milestones, progress reports, the end.
const { ctx, supervisor, leader, head, housingHandler, handler, dispatcher } = suiteContext({
  supervisor: 'supervisor',
  leader: 'leader',
  head: 'head',
  housingHandler: 'housingHandler',
  handler: 'handler',
  dispatcher: 'dispatcher',
});
let power: Client;
let caseId: string;
let ending: string;
let taskForceId: string;
let townMember: Client;
let townMemberId: string;

const form = (client: Client, id: string, body: Record<string, unknown> = {}) =>
  client.post(`/api/cases/${id}/task-force`, { leadUserId: ctx.org.users.head, memberUserIds: [ctx.org.users.housingHandler, townMemberId], plan: '先调查，后协调', ...body });

beforeAll(async () => {
  power = await allPowerful(ctx);
  caseId = await caseInState(ctx, power, 'handling');
  ending = await caseInState(ctx, power, 'evaluated');
  townMember = await ctx.userWith([{ role: 'handler', unitId: ctx.org.units['u-townB'] }]);
  townMemberId = townMember.userId!;
});

describe('forming a task force', () => {
  it('is for supervisors and leaders over an open case, once', async () => {
    expectProblem(await form(handler, caseId), 403);
    expectProblem(await form(dispatcher, caseId), 403);
    expectProblem(await form(leader, caseId, { memberUserIds: ['user-nobody'] }), 400, 'memberUserIds');
    expectProblem(await form(leader, caseId, { leadUserId: 'user-nobody' }), 400, 'leadUserId');
    const closed = await caseInState(ctx, power, 'closed');
    expectProblem(await form(leader, closed), 422);

    const res = await form(leader, caseId);
    expect(res.statusCode, res.body).toBe(201);
    const tf = res.json();
    taskForceId = tf.id;
    expect(tf).toMatchObject({ status: 'active', name: expect.stringContaining('专案组'), lead: { name: '钱局长' }, plan: '先调查，后协调' });
    expect(tf.members[0]).toMatchObject({ name: '钱局长', role: 'lead', unitNames: ['青溪县民政局'] });
    expect(tf.members.slice(1).map((m: { name: string; role: string }) => `${m.name}/${m.role}`).sort()).toEqual(['临时用户/member', '孙住建/member']);
    expect(tf.members.find((m: { userId: string }) => m.userId === townMemberId).unitNames).toEqual(['河口乡人民政府']);
    expectProblem(await form(supervisor, caseId), 409);
    const notices = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.task_force_member').execute();
    expect(notices.map((n) => n.recipientUserId).sort()).toEqual([ctx.org.users.head, ctx.org.users.housingHandler, townMemberId].sort());
    expect((await lastAudit(ctx, 'task_force', taskForceId))?.action).toBe('task_force_formed');
  });

  it('lets members from other units read the case they work on, and only that case', async () => {
    const page = await townMember.get(`/api/cases/${caseId}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().events.at(-1)).toMatchObject({ action: 'task_force_formed' });
    expect(page.json().actions).toEqual([]);
    expectProblem(await townMember.get(`/api/cases/${ending}`), 403);
    const outsider = await ctx.userWith([{ role: 'handler', unitId: ctx.org.units['u-townB'] }]);
    expectProblem(await outsider.get(`/api/cases/${caseId}`), 403);
    expectProblem(await outsider.get(`/api/cases/${caseId}/task-force`), 403);
    // The member still cannot act on the case.
    expectProblem(await townMember.post(`/api/cases/${caseId}/reply`, { reply: '专案组成员不能代替承办单位答复', solved: true }), 403);

    const view = (await townMember.get(`/api/cases/${caseId}/task-force`)).json();
    expect(view).toMatchObject({ canForm: false, taskForce: { id: taskForceId, canManage: false, canReport: true } });
    expect((await head.get(`/api/cases/${caseId}/task-force`)).json().taskForce.canManage).toBe(true);
    expect((await leader.get(`/api/cases/${ending}/task-force`)).json()).toEqual({ taskForce: null, canForm: true });
    expect((await handler.get(`/api/cases/${ending}/task-force`)).json()).toEqual({ taskForce: null, canForm: false });
  });
});

describe('plan and progress', () => {
  it('takes milestones from the lead and managers, ticked by members', async () => {
    expectProblem(await housingHandler.post(`/api/task-forces/${taskForceId}/milestones`, { title: '完成入户调查', dueOn: '2026-03-20' }), 403);
    expectProblem(await head.post(`/api/task-forces/${taskForceId}/milestones`, { title: '', dueOn: '2026-03-20' }), 400, 'title');
    const res = await head.post(`/api/task-forces/${taskForceId}/milestones`, { title: '完成入户调查', dueOn: '2026-03-20' });
    expect(res.statusCode, res.body).toBe(201);
    const [milestone] = res.json().milestones;
    expect(milestone).toMatchObject({ title: '完成入户调查', dueOn: '2026-03-20', done: false });
    const done = await housingHandler.patch(`/api/task-forces/${taskForceId}/milestones/${milestone.id}`, { done: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().milestones[0]).toMatchObject({ done: true, doneAt: expect.any(String) });
    expectProblem(await housingHandler.patch(`/api/task-forces/${taskForceId}/milestones/nope`, { done: true }), 404);
    const events = (await supervisor.get(`/api/cases/${caseId}`)).json().events.slice(-2);
    expect(events.map((e: { data: { change: string } }) => e.data.change)).toEqual(['milestone_added', 'milestone_done']);
  });

  it('takes progress reports from members, shown on the case, notifying the others', async () => {
    expectProblem(await dispatcher.post(`/api/task-forces/${taskForceId}/reports`, { text: '不是成员' }), 403);
    expectProblem(await townMember.post(`/api/task-forces/${taskForceId}/reports`, { text: ' ' }), 400, 'text');
    const res = await townMember.post(`/api/task-forces/${taskForceId}/reports`, { text: '已走访当事人，核实了宅基地权属情况。', reportedOn: '2026-03-02' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reports[0]).toMatchObject({ author: { name: '临时用户' }, reportedOn: '2026-03-02', text: '已走访当事人，核实了宅基地权属情况。' });
    const event = (await supervisor.get(`/api/cases/${caseId}`)).json().events.at(-1);
    expect(event).toMatchObject({ action: 'task_force_report', note: '已走访当事人，核实了宅基地权属情况。', actorUserId: townMemberId });
    const notified = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.task_force_report').execute();
    expect(notified.map((n) => n.recipientUserId).sort()).toEqual([ctx.org.users.head, ctx.org.users.housingHandler].sort());
  });

  it('adds members from other units', async () => {
    expectProblem(await housingHandler.post(`/api/task-forces/${taskForceId}/members`, { userIds: [ctx.org.users.handler] }), 403);
    const res = await leader.post(`/api/task-forces/${taskForceId}/members`, { userIds: [ctx.org.users.handler, ctx.org.users.housingHandler] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members).toHaveLength(4);
    expectProblem(await leader.post(`/api/task-forces/${taskForceId}/members`, { userIds: [] }), 400, 'userIds');
  });
});

describe('the end of a task force', () => {
  it('shows closed once its case is closed, and takes no more changes', async () => {
    const formed = await form(supervisor, ending, { memberUserIds: [townMemberId] });
    expect(formed.statusCode, formed.body).toBe(201);
    const id = formed.json().id;
    await act(power, ending, 'close', { note: '督办员决定办结' });
    const view = (await townMember.get(`/api/cases/${ending}/task-force`)).json();
    expect(view.taskForce).toMatchObject({ status: 'closed', canManage: false, canReport: false });
    expectProblem(await townMember.post(`/api/task-forces/${id}/reports`, { text: '办结之后的报告' }), 422);
    expectProblem(await supervisor.post(`/api/task-forces/${id}/milestones`, { title: '办结之后', dueOn: '2026-04-01' }), 422);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, lastAudit } from '../../test/admin-support.js';
import { allPowerful, caseInState } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { docxText, pdfText } from '../documents/read-back.test-support.js';

// Joint review meetings (集中会审): scheduling, invitations, minutes, decisions per case, holding.
const { ctx, supervisor, leader, handler, head, housingHandler } = suiteContext({
  supervisor: 'supervisor',
  leader: 'leader',
  handler: 'handler',
  head: 'head',
  housingHandler: 'housingHandler',
});
let power: Client;
const c = {} as Record<'old' | 'reopened' | 'replied' | 'lead' | 'closed' | 'other', string>;
let meetingId: string;

const body = (overrides: Record<string, unknown> = {}) => ({
  title: '2026年第一季度积案集中会审',
  scheduledAt: '2026-03-10T01:30:00.000Z',
  place: '县群众工作中心三楼会议室',
  chairUserId: ctx.org.users.leader,
  areaCode: AREAS.county,
  unitIds: [ctx.org.units['u-civil']],
  caseIds: [c.old, c.reopened, c.replied, c.lead],
  ...overrides,
});
const decide = (client: Client, decision: Record<string, unknown>) => client.post(`/api/hard-case-meetings/${meetingId}/decisions`, decision);
const caseOf = async (id: string) => (await supervisor.get(`/api/cases/${id}`)).json();
const decisionOf = async (caseId: string) => (await supervisor.get(`/api/hard-case-meetings/${meetingId}`)).json().cases.find((a: { id: string }) => a.id === caseId);

beforeAll(async () => {
  power = await allPowerful(ctx);
  c.old = await caseInState(ctx, power, 'handling');
  c.reopened = await caseInState(ctx, power, 'reopened');
  c.replied = await caseInState(ctx, power, 'evaluated'); // twice dissatisfied: a supervisor may close it
  c.lead = await caseInState(ctx, power, 'assigned');
  c.closed = await caseInState(ctx, power, 'closed');
  c.other = await caseInState(ctx, power, 'handling');
});

describe('scheduling', () => {
  it('lets supervisors and leaders schedule over their area, and refuses the others', async () => {
    expectProblem(await handler.post('/api/hard-case-meetings', body()), 403);
    const townSupervisor = await ctx.userWith([{ role: 'supervisor', unitId: ctx.org.units['u-townB'] }]);
    expectProblem(await townSupervisor.post('/api/hard-case-meetings', body()), 403);
    expectProblem(await townSupervisor.post('/api/hard-case-meetings', body({ areaCode: AREAS.townB })), 403);
    expectProblem(await supervisor.post('/api/hard-case-meetings', body({ caseIds: [c.old, c.closed] })), 422, 'caseIds');
    expectProblem(await supervisor.post('/api/hard-case-meetings', body({ unitIds: ['u-nowhere'] })), 400, 'unitIds');
    expectProblem(await supervisor.post('/api/hard-case-meetings', body({ chairUserId: 'user-nobody' })), 400, 'chairUserId');
    expectProblem(await supervisor.post('/api/hard-case-meetings', body({ caseIds: [] })), 400, 'caseIds');
    expect(await ctx.database.db.selectFrom('hardCaseMeetings').select('id').execute()).toEqual([]);

    const res = await supervisor.post('/api/hard-case-meetings', body());
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    meetingId = m.id;
    expect(m).toMatchObject({ status: 'planned', number: '〔2026〕1号', chair: { name: '吴县长' }, caseCount: 4, decidedCount: 0, canManage: true, units: [{ name: '青溪县民政局' }] });
    expect(m.cases.map((a: { id: string }) => a.id)).toEqual([c.old, c.reopened, c.replied, c.lead]);
  });

  it('notifies every member of the invited units and the chair', async () => {
    const notices = await ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'params']).where('template', '=', 'notice.hard_case_meeting').execute();
    const recipients = notices.map((n) => n.recipientUserId);
    expect(recipients).toEqual(expect.arrayContaining([ctx.org.users.handler, ctx.org.users.head, ctx.org.users.leader]));
    expect(recipients).not.toContain(ctx.org.users.housingHandler);
    expect(recipients).not.toContain(ctx.org.users.supervisor);
    expect(JSON.parse(notices[0]!.params ?? '{}')).toMatchObject({ meetingId, place: '县群众工作中心三楼会议室', time: '2026-03-10 09:30' });
  });

  it('shows the meeting to its managers and invited units only', async () => {
    const seen = await handler.get(`/api/hard-case-meetings/${meetingId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canManage).toBe(false);
    expectProblem(await housingHandler.get(`/api/hard-case-meetings/${meetingId}`), 403);
    expect((await handler.get('/api/hard-case-meetings')).json().items.map((m: { id: string }) => m.id)).toEqual([meetingId]);
    expect((await housingHandler.get('/api/hard-case-meetings')).json().items).toEqual([]);
    expect((await leader.get('/api/hard-case-meetings?status=planned')).json().items).toHaveLength(1);
    expect((await leader.get('/api/hard-case-meetings?status=held')).json().items).toHaveLength(0);
  });

  it('edits a planned meeting: invitations for new units only, agenda checked', async () => {
    expectProblem(await handler.patch(`/api/hard-case-meetings/${meetingId}`, { place: '别处' }), 403);
    const res = await leader.patch(`/api/hard-case-meetings/${meetingId}`, { unitIds: [ctx.org.units['u-civil'], ctx.org.units['u-housing']], place: '县政府二楼会议室' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().units.map((u: { name: string }) => u.name)).toContain('青溪县住房和城乡建设局');
    const housingNotices = await ctx.database.db.selectFrom('outbox').select('id').where('template', '=', 'notice.hard_case_meeting').where('recipientUserId', '=', ctx.org.users.housingHandler).execute();
    expect(housingNotices).toHaveLength(1);
    expect((await ctx.database.db.selectFrom('outbox').select('id').where('template', '=', 'notice.hard_case_meeting').where('recipientUserId', '=', ctx.org.users.handler).execute()).length).toBe(1);
    expectProblem(await leader.patch(`/api/hard-case-meetings/${meetingId}`, { caseIds: [c.closed] }), 422, 'caseIds');
  });
});

describe('decisions', () => {
  it('refuses a case off the agenda, the wrong role, and a state the machine forbids — changing nothing', async () => {
    expectProblem(await decide(supervisor, { kind: 'new_date', caseId: c.other, dueOn: '2026-04-30' }), 422, 'caseId');
    expectProblem(await decide(handler, { kind: 'new_date', caseId: c.old, dueOn: '2026-04-30' }), 403);
    const before = (await caseOf(c.reopened)).version;
    expectProblem(await decide(supervisor, { kind: 'close', caseId: c.reopened, explanation: '已多次答复，依法办结' }), 409);
    expectProblem(await decide(leader, { kind: 'close', caseId: c.replied, explanation: '领导不能直接办结' }), 403);
    expectProblem(await decide(supervisor, { kind: 'new_date', caseId: c.reopened, dueOn: '2026-03-02' }), 422, 'dueOn');
    expectProblem(await decide(supervisor, { kind: 'assign_leader', caseId: c.lead, leaderUserId: ctx.org.users.handler }), 400, 'leaderUserId');
    expect((await caseOf(c.reopened)).version).toBe(before);
    expect(await decisionOf(c.reopened)).toMatchObject({ decision: null });
  });

  it('sets a new date for the current stage as an event', async () => {
    const res = await decide(supervisor, { kind: 'new_date', caseId: c.reopened, dueOn: '2026-04-30', note: '会审明确4月底前重新答复' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = await caseOf(c.reopened);
    expect(detail.clock.dueAt).toBe('2026-04-30T15:59:59.999Z');
    expect(detail.events.at(-1)).toMatchObject({ action: 'hard_case_decision', note: '会审明确4月底前重新答复', data: { meetingId, decision: 'new_date', stage: 'accept' } });
    expect(await decisionOf(c.reopened)).toMatchObject({ decision: 'new_date', decisionNote: '会审明确4月底前重新答复' });
    expectProblem(await decide(supervisor, { kind: 'new_date', caseId: c.reopened, dueOn: '2026-05-30' }), 409);
  });

  it('assigns a leader through the lifecycle’s own action', async () => {
    const res = await decide(leader, { kind: 'assign_leader', caseId: c.lead, leaderUserId: ctx.org.users.leader });
    expect(res.statusCode, res.body).toBe(200);
    const detail = await caseOf(c.lead);
    expect(detail.leaderUserId).toBe(ctx.org.users.leader);
    expect(detail.events.slice(-2).map((e: { action: string }) => e.action)).toEqual(['hard_case_decision', 'assign_leader']);
  });

  it('closes with an explanation where the machine allows, and forms a task force', async () => {
    const closed = await decide(supervisor, { kind: 'close', caseId: c.replied, explanation: '经会审，已依政策答复到位，予以办结' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await caseOf(c.replied)).status).toBe('closed');

    const formed = await decide(supervisor, {
      kind: 'task_force',
      caseId: c.old,
      taskForce: { leadUserId: ctx.org.users.head, memberUserIds: [ctx.org.users.housingHandler, ctx.org.users.cadreA1], plan: '一个月内完成调查核实' },
    });
    expect(formed.statusCode, formed.body).toBe(200);
    const item = formed.json().cases.find((a: { id: string }) => a.id === c.old);
    expect(item.decision).toBe('task_force');
    expect(item.decisionData.taskForceId).toBeTruthy();
    expect(formed.json().decidedCount).toBe(4);
    const events = (await caseOf(c.old)).events.slice(-2).map((e: { action: string }) => e.action);
    expect(events).toEqual(['hard_case_decision', 'task_force_formed']);
    const audit = await lastAudit(ctx, 'hard_case_meeting', meetingId);
    expect(audit?.detail).toMatchObject({ caseId: c.old, decision: 'task_force' });
    const decidedNotices = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.hard_case_decided').where('caseId', '=', c.old).execute();
    expect(decidedNotices.map((n) => n.recipientUserId)).toEqual(expect.arrayContaining([ctx.org.users.handler, ctx.org.users.head]));
  });
});

describe('minutes and holding', () => {
  it('needs minutes before the meeting is held, then locks it', async () => {
    expectProblem(await supervisor.post(`/api/hard-case-meetings/${meetingId}/hold`), 422, 'minutes');
    expect((await supervisor.patch(`/api/hard-case-meetings/${meetingId}`, { minutes: '会议听取了民政局关于积案办理情况的汇报。\n会议要求各单位落实包案责任。' })).statusCode).toBe(200);
    expectProblem(await handler.post(`/api/hard-case-meetings/${meetingId}/hold`), 403);
    const held = await supervisor.post(`/api/hard-case-meetings/${meetingId}/hold`);
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', canManage: false });
    expectProblem(await supervisor.patch(`/api/hard-case-meetings/${meetingId}`, { minutes: '改写' }), 409);
    expectProblem(await supervisor.post(`/api/hard-case-meetings/${meetingId}/hold`), 409);
    expectProblem(await decide(supervisor, { kind: 'new_date', caseId: c.old, dueOn: '2026-04-30' }), 409);
  });

  it('renders the minutes as PDF and DOCX for those who may read the meeting, audited', async () => {
    const pdf = await handler.get(`/api/hard-case-meetings/${meetingId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('积案集中会审纪要');
    expect(text).toContain('〔2026〕1号');
    expect(text).toContain('成立专案组攻坚');
    const docx = await supervisor.get(`/api/hard-case-meetings/${meetingId}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    const words = await docxText(docx.rawPayload);
    expect(words).toContain('会议要求各单位落实包案责任');
    expect(words).toContain('青溪县群众工作中心');
    expect((await lastAudit(ctx, 'hard_case_meeting', meetingId))?.action).toBe('generate_document');
    const stranger = await ctx.userWith([{ role: 'handler', unitId: ctx.org.units['u-townB'] }]);
    expectProblem(await stranger.get(`/api/hard-case-meetings/${meetingId}/minutes.pdf`), 403);
    expectProblem(await head.get('/api/hard-case-meetings/nope/minutes.pdf'), 404);
  });
});

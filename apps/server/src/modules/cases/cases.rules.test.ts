import { describe, expect, it } from 'vitest';
import { act, actionBody, allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';

const { ctx, boss } = suiteContext({ boss: allPowerful });
const DAY = 86_400_000;

const outbox = (caseId: string) => ctx.database.db.selectFrom('outbox').selectAll().where('caseId', '=', caseId).orderBy('createdAt').execute();
const accountability = (caseId: string) => ctx.database.db.selectFrom('accountabilityRecords').selectAll().where('caseId', '=', caseId).execute();

describe('return (退单)', () => {
  it('sends the case back to the dispatch queue with its reason, and an unjustified return is recorded', async () => {
    const id = await caseInState(ctx, boss, 'assigned');
    const handler = await ctx.as('handler');
    const returned = await handler.post(`/api/cases/${id}/return`, { reason: '属于住建部门职责，请改派' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await handler.get(`/api/cases/${id}`)).statusCode).toBe(403); // no longer the unit's case
    const detail = (await boss.get(`/api/cases/${id}`)).json();
    expect(detail.status).toBe('registered');
    expect(detail.counts.returns).toBe(1);
    expect(detail.events.at(-1)).toMatchObject({ action: 'return', note: '属于住建部门职责，请改派', fromStatus: 'assigned', toStatus: 'registered' });

    const inbox = (await (await ctx.as('dispatcher')).get('/api/cases/inbox')).json();
    expect(inbox.groups.find((g: { key: string }) => g.key === 'dispatch').items.map((c: { id: string }) => c.id)).toContain(id);

    await act(boss, id, 'dispatch', { unitId: ctx.org.units['u-civil'], returnUnjustified: true });
    expect(await accountability(id)).toMatchObject([{ reason: 'returned_without_reason', unitId: ctx.org.units['u-civil'] }]);
  });

  it('requires a reason', async () => {
    const id = await caseInState(ctx, boss, 'assigned');
    const response = await boss.post(`/api/cases/${id}/return`, { reason: '  ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('reason');
  });
});

describe('extensions (延期)', () => {
  it('moves the handling deadline once, tells the resident, and refuses a second one', async () => {
    const id = await caseInState(ctx, boss, 'handling');
    const tooLong = await boss.post(`/api/cases/${id}/extensions`, { days: 30, reason: '需要更长时间' });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].field).toBe('days');

    const requested = await act(boss, id, 'request_extension', { days: 5, reason: '需要现场复核' });
    const extensionId = requested.extensions[0].id;
    expect(requested.extensions[0].status).toBe('pending');
    const before = requested.deadlines.handle;
    const approved = await act(boss, id, 'approve_extension', { extensionId });
    expect(Date.parse(approved.deadlines.handle) - Date.parse(before)).toBeGreaterThanOrEqual(5 * DAY);
    expect(approved.counts.extensionDays).toBe(5);
    expect((await outbox(id)).map((m) => m.template)).toContain('sms.extended');

    const again = await boss.post(`/api/cases/${id}/extensions`, { days: 2, reason: '再延期' });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('extension_used');
  });

  it('lets only the unit head or a supervisor approve', async () => {
    const id = await caseInState(ctx, boss, 'handling');
    const handler = await ctx.as('handler');
    const requested = await act(handler, id, 'request_extension', { days: 3, reason: '等待鉴定结果' });
    const refused = await handler.post(`/api/cases/${id}/extensions/approve`, { extensionId: requested.extensions[0].id });
    expect(refused.statusCode).toBe(403);
    const head = await ctx.as('head');
    const inbox = (await head.get('/api/cases/inbox')).json();
    expect(inbox.groups.find((g: { key: string }) => g.key === 'approve').items.map((c: { id: string }) => c.id)).toContain(id);
    await act(head, id, 'reject_extension', { extensionId: requested.extensions[0].id, note: '时限内可以办结' });
  });
});

describe('co-handling, merge, leader, not-accepted', () => {
  it('lets a co-handling unit see the case', async () => {
    const id = await caseInState(ctx, boss, 'handling');
    const housing = await ctx.as('housingHandler');
    expect((await housing.get(`/api/cases/${id}`)).statusCode).toBe(403);
    await act(boss, id, 'add_co_unit', { unitId: ctx.org.units['u-housing'] });
    const seen = await housing.get(`/api/cases/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().coUnits[0].unitId).toBe(ctx.org.units['u-housing']);
  });

  it('merges a duplicate into an open case, never into itself or a closed one', async () => {
    const target = await caseInState(ctx, boss, 'handling');
    const closed = await caseInState(ctx, boss, 'closed');
    const duplicate = await caseInState(ctx, boss, 'registered');
    expect((await boss.post(`/api/cases/${duplicate}/merge`, { intoCaseId: duplicate })).json().code).toBe('merge_self');
    expect((await boss.post(`/api/cases/${duplicate}/merge`, { intoCaseId: closed })).statusCode).toBe(422);
    const merged = await act(boss, duplicate, 'merge', { intoCaseId: target });
    expect(merged.status).toBe('merged');
    expect(merged.duplicateOfId).toBe(target);
    expect((await boss.get(`/api/cases/${target}`)).json().duplicates.map((d: { id: string }) => d.id)).toEqual([duplicate]);
  });

  it('assigns a leader who then finds the case among their to-dos', async () => {
    const id = await caseInState(ctx, boss, 'handling');
    const bad = await boss.post(`/api/cases/${id}/leader`, { leaderUserId: ctx.org.users.handler });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('leaderUserId');
    expect(bad.json().title).toBe('引用的包案领导不存在');
    const detail = await act(boss, id, 'assign_leader', { leaderUserId: ctx.org.users.leader });
    expect(detail.flags).toContain('major');
    const inbox = (await (await ctx.as('leader')).get('/api/cases/inbox')).json();
    expect(inbox.groups.find((g: { key: string }) => g.key === 'leading').items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('tells the resident why a matter is not accepted', async () => {
    const id = await caseInState(ctx, boss, 'not_accepted');
    const sms = (await outbox(id)).filter((m) => m.channel === 'sms').at(-1)!;
    expect(sms.template).toBe('sms.not_accepted');
    expect(sms.body).toContain('已通过诉讼途径处理');
  });
});

describe('on-the-spot resolution (立行立办)', () => {
  it('closes an inquiry at registration with the answer given', async () => {
    const response = await (await ctx.as('registrar')).post('/api/cases', caseInput({ kind: 'inquiry', resolveOnSpot: { answer: '已告知办理医保报销所需材料。' } }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'closed', reply: { text: '已告知办理医保报销所需材料。', solved: true } });
  });

  it('refuses it for a complaint and writes nothing', async () => {
    const count = async () => Number((await ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const response = await (await ctx.as('registrar')).post('/api/cases', caseInput({ kind: 'complaint', resolveOnSpot: { answer: '已解答' } }));
    expect(response.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });
});

describe('evaluation (群众评议) and closing', () => {
  it('reopens once on dissatisfaction, then hands the case to supervision with an accountability record', async () => {
    const id = await caseInState(ctx, boss, 'evaluated');
    const detail = (await boss.get(`/api/cases/${id}`)).json();
    expect(detail.counts).toMatchObject({ reopens: 1, dissatisfied: 2 });
    expect(await accountability(id)).toMatchObject([{ reason: 'dissatisfied_twice' }]);
    const supervisorNotices = await ctx.database.db.selectFrom('outbox').selectAll().where('caseId', '=', id).where('recipientUserId', '=', ctx.org.users.supervisor).execute();
    expect(supervisorNotices.map((n) => n.template)).toContain('notice.escalated');
    const supervisor = await ctx.as('supervisor');
    expect((await supervisor.post(`/api/cases/${id}/close`, { note: '经督办核实已按政策办理到位' })).json().status).toBe('closed');
  });

  it('closes an unevaluated case only after the evaluation window', async () => {
    const id = await caseInState(ctx, boss, 'replied');
    const early = await boss.post(`/api/cases/${id}/close`, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('evaluate_window');
    ctx.clock.advance(9 * DAY);
    expect((await act(boss, id, 'close', {})).status).toBe('closed');
  });

  it('keeps petition review within its 30-day window', async () => {
    const id = await caseInState(ctx, boss, 'closed', { kind: 'petition', channel: 'visit' });
    ctx.clock.advance(32 * DAY);
    const late = await boss.post(`/api/cases/${id}/review`, actionBody(ctx, 'request_review'));
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('window_closed');
  });

  it('refuses review for matters that are not petitions', async () => {
    const id = await caseInState(ctx, boss, 'closed');
    expect((await boss.post(`/api/cases/${id}/review`, actionBody(ctx, 'request_review'))).json().code).toBe('review_petition_only');
  });
});

describe('automatic flags and first-contact responsibility', () => {
  it('flags collective visits and gives them to the unit head', async () => {
    const created = (await boss.post('/api/cases', caseInput({ peopleCount: 12, representatives: '李大山、王小河' }))).json();
    expect(created.flags).toContain('collective');
    expect(created.ownerLevel).toBe('head');
  });

  it('flags a similar matter from the same requester as a repeat', async () => {
    const phone = '13607981111';
    const first = (await boss.post('/api/cases', caseInput({ requester: { name: '刘桂兰', phone }, title: '村口路灯坏了两个月没人修', content: '河口村村口三盏路灯坏了两个月，晚上出行很不安全，希望尽快维修。' }))).json();
    const second = (await boss.post('/api/cases', caseInput({ requester: { name: '刘桂兰', phone }, title: '村口路灯还是坏的', content: '河口村村口的路灯坏了快三个月，晚上出行很不安全，希望尽快维修。' }))).json();
    const unrelated = (await boss.post('/api/cases', caseInput({ requester: { name: '刘桂兰', phone }, title: '咨询孙子入学', content: '孙子明年上小学，想问户口不在本地能不能在城关小学报名。' }))).json();
    expect(first.flags).not.toContain('repeat');
    expect(second.flags).toContain('repeat');
    expect(second.repeatOfId).toBe(first.id);
    expect(unrelated.flags).not.toContain('repeat');
  });

  it('alerts leaders at once about extreme-risk words', async () => {
    const created = (await boss.post('/api/cases', caseInput({ content: '工地老板拖欠工资半年，再不给钱我就从楼顶跳楼。' }))).json();
    expect(created.flags).toContain('risk');
    expect(created.riskWords).toContain('跳楼');
    const notices = await ctx.database.db.selectFrom('outbox').selectAll().where('caseId', '=', created.id).where('template', '=', 'notice.risk').execute();
    expect(notices.map((n) => n.recipientUserId)).toEqual(expect.arrayContaining([ctx.org.users.leader, ctx.org.users.supervisor]));
  });

  it('flags a petition brought to the county about a village matter never raised below as cross-level', async () => {
    const registrar = await ctx.as('registrar');
    const created = (await registrar.post('/api/cases', caseInput({ kind: 'petition', channel: 'visit', petitionClass: 'appeal', requester: { name: '黄老汉', phone: '13807982222' } }))).json();
    expect(created.flags).toContain('cross_level');
  });

  it('tells the first-contact registrar of every step', async () => {
    const registrar = await ctx.as('registrar');
    const id = (await registrar.post('/api/cases', caseInput())).json().id;
    await act(boss, id, 'dispatch', actionBody(ctx, 'dispatch'));
    await act(boss, id, 'accept', {});
    const notices = await ctx.database.db.selectFrom('outbox').select('body').where('caseId', '=', id).where('recipientUserId', '=', ctx.org.users.registrar).execute();
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => n.body)).toEqual(expect.arrayContaining([expect.stringContaining('交办'), expect.stringContaining('签收')]));
  });
});

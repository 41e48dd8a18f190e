import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';

const { ctx, handler, head, cadreA1, townHead, org } = suiteContext({
  handler: 'handler',
  head: 'head',
  cadreA1: 'cadreA1',
  townHead: (c) => c.userWith([{ role: 'unit_head', unitId: c.org.units['u-townB'] }]),
  org: (c) => c.userWith([{ role: 'org_department', unitId: c.org.units['u-center'] }]),
});

describe('mentoring (拜师认徒)', () => {
  let pairId: string;
  it('the unit head pairs a mentor with a new cadre; bad input is a 400 naming the field', async () => {
    const bad = await head.post('/api/mentoring/pairs', { mentorUserId: ctx.org.users.head, menteeUserId: ctx.org.users.head, goals: '熟悉业务', startsOn: '2026-03-01', endsOn: '2026-08-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('menteeUserId');
    expect((await handler.post('/api/mentoring/pairs', { mentorUserId: ctx.org.users.head, menteeUserId: ctx.org.users.handler, goals: '熟悉低保政策和办件流程', startsOn: '2026-03-01', endsOn: '2026-08-31' })).statusCode).toBe(403);
    const r = await head.post('/api/mentoring/pairs', { mentorUserId: ctx.org.users.head, menteeUserId: ctx.org.users.handler, goals: '熟悉低保政策和办件流程', startsOn: '2026-03-01', endsOn: '2026-08-31' });
    expect(r.statusCode, r.body).toBe(201);
    pairId = r.json().id;
    expect(r.json()).toMatchObject({ mentorName: '钱局长', menteeName: '赵承办', state: 'active', canRecord: false, canClose: true });
  });

  it('the mentee keeps records, the mentor comments, and the pair closes with a review', async () => {
    expect((await head.post(`/api/mentoring/pairs/${pairId}/records`, { kind: 'visit', text: '一起走访', occurredOn: '2026-03-05' })).statusCode).toBe(403);
    const rec = await handler.post(`/api/mentoring/pairs/${pairId}/records`, { kind: 'visit', text: '随师傅走访东门社区低保户三户，学习入户核查', occurredOn: '2026-03-05' });
    expect(rec.statusCode, rec.body).toBe(201);
    const recordId = rec.json().records[0].id;
    expect((await handler.post(`/api/mentoring/records/${recordId}/comment`, { text: '自评' })).statusCode).toBe(403);
    const commented = await head.post(`/api/mentoring/records/${recordId}/comment`, { text: '入户核查细致，注意保护群众隐私' });
    expect(commented.json().records[0].mentorComment).toBe('入户核查细致，注意保护群众隐私');
    const closed = await head.post(`/api/mentoring/pairs/${pairId}/close`, { review: '已能独立办理低保类诉求', rating: 'good' });
    expect(closed.json()).toMatchObject({ state: 'closed', reviewRating: 'good', canRecord: false });
    expect((await handler.post(`/api/mentoring/pairs/${pairId}/records`, { kind: 'study', text: '再记一条', occurredOn: '2026-09-01' })).statusCode).toBe(422);
  });

  it('out-of-scope reads are refused; the mentee and mentor see their own pair', async () => {
    const r = await townHead.get(`/api/mentoring/pairs/${pairId}`);
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('out_of_scope');
    expect((await cadreA1.get(`/api/mentoring/pairs/${pairId}`)).statusCode).toBe(403);
    expect((await handler.get('/api/mentoring/pairs')).json().items.map((p: { id: string }) => p.id)).toEqual([pairId]);
  });
});

describe('training (培训)', () => {
  it('records sessions and attendance; each cadre has a yearly total', async () => {
    const s1 = (await org.post('/api/training/sessions', { title: '群众工作方法专题培训', heldOn: '2026-03-10', hours: 4 })).json();
    const s2 = (await org.post('/api/training/sessions', { title: '信访条例解读', heldOn: '2026-03-20', hours: 2.5, place: '县委党校' })).json();
    expect((await org.post('/api/training/sessions', { title: '坏', heldOn: '2026-03-20', hours: 0 })).statusCode).toBe(400);
    expect((await org.post(`/api/training/sessions/${s1.id}/attendance`, { userIds: [ctx.org.users.handler, ctx.org.users.cadreA1] })).json().attendees).toBe(2);
    await org.post(`/api/training/sessions/${s2.id}/attendance`, { userIds: [ctx.org.users.handler], hours: 2 });
    const all = (await org.get('/api/training/hours?year=2026')).json().items;
    expect(all.find((i: { userId: string }) => i.userId === ctx.org.users.handler)).toMatchObject({ sessions: 2, hours: 6 });
    expect(all.find((i: { userId: string }) => i.userId === ctx.org.users.cadreA1)).toMatchObject({ sessions: 1, hours: 4 });
    // A cadre reads their own total only.
    expect((await handler.get(`/api/training/hours?year=2026&userId=${ctx.org.users.handler}`)).json().items).toEqual([{ userId: ctx.org.users.handler, name: '赵承办', sessions: 2, hours: 6 }]);
    expect((await handler.get('/api/training/hours?year=2026')).statusCode).toBe(403);
    expect((await townHead.get(`/api/training/hours?year=2026&userId=${ctx.org.users.handler}`)).statusCode).toBe(403);
  });
});

describe('the cadre’s page', () => {
  it('gathers unit and roles, figures, mentoring and training; a cadre sees their own, out-of-scope readers are refused', async () => {
    const own = await handler.get(`/api/cadres/${ctx.org.users.handler}?year=2026`);
    expect(own.statusCode, own.body).toBe(200);
    const page = own.json();
    expect(page).toMatchObject({ name: '赵承办', isSelf: true, year: 2026, roles: [{ role: 'handler', unitName: '青溪县民政局' }] });
    expect(page.mentoring).toMatchObject([{ as: 'mentee', otherName: '钱局长', state: 'closed' }]);
    expect(page.training.hours).toBe(6);
    expect(page.evaluations).toEqual([]);
    expect(page.accountability).toEqual([]);
    // The organisation department reads it; 河口乡's head does not (民政局 is not in their area); a colleague neither.
    expect((await org.get(`/api/cadres/${ctx.org.users.handler}`)).statusCode).toBe(200);
    const out = await townHead.get(`/api/cadres/${ctx.org.users.handler}`);
    expect(out.statusCode).toBe(403);
    expect(out.body).toContain('out_of_scope');
    expect((await cadreA1.get(`/api/cadres/${ctx.org.users.handler}`)).statusCode).toBe(403);
    // The unit head reads it, without the evaluation results (the organisation department's) or the ledger (supervisors').
    const byHead = (await head.get(`/api/cadres/${ctx.org.users.handler}`)).json();
    expect(byHead.evaluations).toBeNull();
    expect(byHead.accountability).toBeNull();
  });
});

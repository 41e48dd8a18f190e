import { describe, expect, it } from 'vitest';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { fieldsOf } from '../field-work/field-work.test-support.js';

// The clock stands on Monday 2026-03-02, 10:00 China time.
const { ctx, dispatcher } = suiteContext({ dispatcher: 'dispatcher' });
type Session = { id: string; villageCode: string; date: string; attendees: number; cases: number };
const sessions = async (client: Client, query = '') => (await client.get(`/api/office-days/sessions?${query}`)).json().items as Session[];

describe('schedules and sessions', () => {
  it('sets a recurring day per village (Monday by default), for planners only', async () => {
    const monday = await dispatcher.put('/api/office-days/schedules', { villageCode: AREAS.villageA1, place: '东门社区便民服务中心' });
    expect(monday.statusCode, monday.body).toBe(200);
    expect(monday.json()).toMatchObject({ villageCode: AREAS.villageA1, villageName: '东门社区', weekday: 1, isActive: true });
    expect((await (await ctx.as('townRegistrar')).put('/api/office-days/schedules', { villageCode: AREAS.villageA2, weekday: 3 })).statusCode).toBe(200);
    expect((await (await ctx.as('cadreA1')).put('/api/office-days/schedules', { villageCode: AREAS.villageA1, weekday: 2 })).statusCode).toBe(403);
    for (const [body, field] of [
      [{ villageCode: AREAS.villageA1, weekday: 8 }, 'weekday'],
      [{ villageCode: AREAS.gridA1 }, 'villageCode'],
      [{ villageCode: AREAS.townA }, 'villageCode'],
    ] as const) {
      const response = await dispatcher.put('/api/office-days/schedules', body);
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toContain(field);
    }
    const listed = (await dispatcher.get('/api/office-days/schedules')).json().items;
    expect(listed.map((s: { villageCode: string; weekday: number }) => [s.villageCode, s.weekday])).toEqual([
      [AREAS.villageA1, 1],
      [AREAS.villageA2, 3],
    ]);
  });

  it('generates the sessions of a period once', async () => {
    const first = await dispatcher.post('/api/office-days/sessions/generate', { from: '2026-03-02', to: '2026-03-15' });
    expect(first.json()).toEqual({ created: 4, scheduled: 4 });
    expect((await dispatcher.post('/api/office-days/sessions/generate', { from: '2026-03-02', to: '2026-03-15' })).json()).toEqual({ created: 0, scheduled: 4 });
    const all = await sessions(dispatcher);
    expect(all.map((s) => [s.date, s.villageCode])).toEqual([
      ['2026-03-11', AREAS.villageA2],
      ['2026-03-09', AREAS.villageA1],
      ['2026-03-04', AREAS.villageA2],
      ['2026-03-02', AREAS.villageA1],
    ]);
    expect((await sessions(await ctx.as('cadreA2'))).map((s) => s.villageCode)).toEqual([AREAS.villageA2, AREAS.villageA2]);
    expect((await (await ctx.as('cadreA1')).post('/api/office-days/sessions/generate', { from: '2026-03-02', to: '2026-03-15' })).statusCode).toBe(403);
    const bad = await dispatcher.post('/api/office-days/sessions/generate', { from: '2026-03-15', to: '2026-03-02' });
    expect(fieldsOf(bad.json())).toContain('to');
    expect((await (await ctx.as('handler')).get('/api/office-days/sessions')).statusCode).toBe(403);
  });
});

describe('a session day', () => {
  it('lists the cases registered that day in the village with channel 联合办公日', async () => {
    const cadre = await ctx.as('cadreA1');
    const joint = (await cadre.post('/api/cases', caseInput({ channel: 'joint_office', title: '联合办公日反映小区路灯不亮' }))).json();
    await cadre.post('/api/cases', caseInput({ channel: 'phone' }));
    await (await ctx.as('cadreA2')).post('/api/cases', caseInput({ channel: 'joint_office', areaCode: AREAS.villageA2 }));
    const today = (await sessions(dispatcher, 'from=2026-03-02&to=2026-03-02'))[0]!;
    expect(today).toMatchObject({ villageCode: AREAS.villageA1, cases: 1 });
    const detail = (await cadre.get(`/api/office-days/sessions/${today.id}`)).json();
    expect(detail.cases.map((c: { id: string }) => c.id)).toEqual([joint.id]);
    expect(detail.cases[0]).toMatchObject({ code: joint.code, status: 'registered' });
    expect(JSON.stringify(detail)).not.toContain('13907981234');
    expect((await (await ctx.as('cadreA2')).get(`/api/office-days/sessions/${today.id}`)).statusCode).toBe(403);
  });

  it('records attendance (me by default, or named staff) and removes an attendee', async () => {
    const today = (await sessions(dispatcher, 'from=2026-03-02&to=2026-03-02'))[0]!;
    const url = `/api/office-days/sessions/${today.id}/attendance`;
    const me = await (await ctx.as('cadreA1')).post(url, {});
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().attendance.map((a: { name: string }) => a.name)).toEqual(['冯社区']);
    const more = await dispatcher.post(url, { userIds: [ctx.org.users.cadreA1, ctx.org.users.townRegistrar] });
    expect(more.json().attendance.map((a: { userId: string }) => a.userId).sort()).toEqual([ctx.org.users.cadreA1, ctx.org.users.townRegistrar].sort());
    expect((await sessions(dispatcher, 'from=2026-03-02&to=2026-03-02'))[0]!.attendees).toBe(2);
    expect(fieldsOf((await dispatcher.post(url, { userIds: ['user-nobody'] })).json())).toContain('userIds');
    expect((await (await ctx.as('cadreA2')).post(url, {})).statusCode).toBe(403);
    const removed = await dispatcher.delete(`${url}/${ctx.org.users.townRegistrar}`);
    expect(removed.json().attendance).toHaveLength(1);
    expect((await dispatcher.delete(`${url}/${ctx.org.users.townRegistrar}`)).statusCode).toBe(404);
  });

  it('lets a cadre record and withdraw only themselves, and nobody attend a day still to come', async () => {
    const today = (await sessions(dispatcher, 'from=2026-03-02&to=2026-03-02'))[0]!;
    const url = `/api/office-days/sessions/${today.id}/attendance`;
    const cadre = await ctx.as('cadreA1');
    expect((await cadre.post(url, { userIds: [ctx.org.users.townRegistrar] })).statusCode).toBe(403);
    await dispatcher.post(url, { userIds: [ctx.org.users.townRegistrar] });
    expect((await cadre.delete(`${url}/${ctx.org.users.townRegistrar}`)).statusCode).toBe(403);
    expect((await cadre.delete(`${url}/${ctx.org.users.cadreA1}`)).statusCode).toBe(200);
    const attendees = (await dispatcher.get(`/api/office-days/sessions/${today.id}`)).json().attendance.map((a: { userId: string }) => a.userId);
    expect(attendees).toEqual([ctx.org.users.townRegistrar]);

    const later = (await sessions(dispatcher, 'from=2026-03-09&to=2026-03-09'))[0]!;
    const refused = await cadre.post(`/api/office-days/sessions/${later.id}/attendance`, {});
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('session_not_yet');
    expect((await dispatcher.get(`/api/office-days/sessions/${later.id}`)).json().attendance).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { fieldsOf } from '../field-work/field-work.test-support.js';
import { freshIp } from '../portal/portal.test-support.js';

// The clock stands on Monday 2026-03-02; the sessions are the following week.
const { ctx, dispatcher } = suiteContext({ dispatcher: 'dispatcher' });
let published: string;
let hidden: string;

const sessionBody = (overrides: Record<string, unknown> = {}) => ({
  leaderUserId: ctx.org.users.leader,
  areaCode: AREAS.county,
  startsAt: '2026-03-10T01:00:00.000Z',
  endsAt: '2026-03-10T04:00:00.000Z',
  place: '青溪县群众工作中心一楼接待室',
  topic: '征地拆迁专场',
  capacity: 2,
  isPublished: true,
  ...overrides,
});
const book = (sessionId: string, body: Record<string, unknown>) => ctx.anonymous().post(`/api/public/reception-sessions/${sessionId}/appointments`, body);

beforeAll(async () => {
  published = (await dispatcher.post('/api/reception/sessions', sessionBody())).json().id;
  hidden = (await dispatcher.post('/api/reception/sessions', sessionBody({ isPublished: false, startsAt: '2026-03-17T01:00:00.000Z', endsAt: '2026-03-17T04:00:00.000Z' }))).json().id;
});

describe('scheduling', () => {
  it('lets planners over the area schedule sessions, and checks the input', async () => {
    expect(published).toBeTruthy();
    expect((await (await ctx.as('cadreA1')).post('/api/reception/sessions', sessionBody())).statusCode).toBe(403);
    expect((await (await ctx.as('townRegistrar')).post('/api/reception/sessions', sessionBody())).statusCode).toBe(403);
    for (const [body, field] of [
      [sessionBody({ endsAt: '2026-03-10T00:00:00.000Z' }), 'endsAt'],
      [sessionBody({ leaderUserId: 'user-nobody' }), 'leaderUserId'],
      [sessionBody({ capacity: 0 }), 'capacity'],
      [sessionBody({ place: '' }), 'place'],
    ] as const) {
      const response = await dispatcher.post('/api/reception/sessions', body);
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toContain(field);
    }
  });
});

describe('the public schedule and booking', () => {
  it('shows only published sessions, with no personal data, without a login', async () => {
    const response = await ctx.anonymous().get('/api/public/reception-sessions');
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items.map((s: { id: string }) => s.id)).toEqual([published]);
    expect(Object.keys(items[0]).sort()).toEqual(['areaName', 'available', 'capacity', 'endsAt', 'id', 'leaderName', 'place', 'startsAt', 'topic']);
    expect(items[0]).toMatchObject({ leaderName: '吴县长', available: 2 });
  });

  it('takes requests (stored encrypted, answered masked), refusing duplicates, hidden and full sessions', async () => {
    const first = await book(published, { name: '刘桂兰', phone: '13807981111', matter: '反映征地补偿款未足额发放的问题' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'requested', channel: 'portal', name: '刘**', phone: '138****1111' });
    const stored = await ctx.database.db.selectFrom('receptionAppointments').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('13807981111');
    expect(JSON.stringify(stored)).not.toContain('刘桂兰');

    expect((await book(published, { name: '刘桂兰', phone: '13807981111', matter: '再次预约同一场次的事项' })).statusCode).toBe(409);
    expect((await book(hidden, { name: '王强', phone: '13807982222', matter: '未公布的场次不能预约' })).statusCode).toBe(404);
    expect(fieldsOf((await book(published, { name: '王强', phone: '12345', matter: '电话号码不对' })).json())).toContain('phone');
    expect((await book(published, { name: '王强', phone: '13807982222', matter: '宅基地审批迟迟没有结果' })).statusCode).toBe(201);
    const full = await book(published, { name: '赵敏', phone: '13807983333', matter: '预约已满时应当被拒绝' });
    expect(full.statusCode).toBe(422);
    expect(full.json().code).toBe('reception_full');
    const schedule = (await ctx.anonymous().get('/api/public/reception-sessions')).json();
    expect(schedule.items[0].available).toBe(0);
    expect(JSON.stringify(schedule)).not.toMatch(/刘|王强|1380798/);
  });

});

describe('staff side', () => {
  it('shows appointments masked to planners over the area and reveals contacts with an audit', async () => {
    const detail = (await dispatcher.get(`/api/reception/sessions/${published}`)).json();
    expect(detail.appointments.map((a: { name: string; phone: string }) => [a.name, a.phone])).toEqual([
      ['刘**', '138****1111'],
      ['王*', '138****2222'],
    ]);
    expect((await (await ctx.as('cadreA1')).get(`/api/reception/sessions/${published}`)).statusCode).toBe(403);
    const contact = await dispatcher.get(`/api/reception/appointments/${detail.appointments[0].id}/contact`);
    expect(contact.json()).toEqual({ name: '刘桂兰', phone: '13807981111' });
    const audit = await ctx.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', detail.appointments[0].id).execute();
    expect(audit.map((a) => a.action)).toContain('reveal_personal_data');
    expect((await (await ctx.as('registrar')).get(`/api/reception/appointments/${detail.appointments[0].id}/contact`)).statusCode).toBe(403);
  });

  it('registers appointments for residents, moves them on, and links the cases taken', async () => {
    await dispatcher.patch(`/api/reception/sessions/${published}`, { capacity: 5 });
    const staff = await (await ctx.as('registrar')).post(`/api/reception/sessions/${published}/appointments`, { name: '赵敏', phone: '13807983333', matter: '孩子入学的户籍问题' });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json()).toMatchObject({ status: 'confirmed', channel: 'staff' });

    const detail = (await dispatcher.get(`/api/reception/sessions/${published}`)).json();
    const first = detail.appointments[0].id;
    expect((await dispatcher.patch(`/api/reception/appointments/${first}`, { status: 'confirmed' })).statusCode).toBe(200);
    const back = await dispatcher.patch(`/api/reception/appointments/${first}`, { status: 'requested' });
    expect(back.statusCode).toBe(409);
    const created = (await (await ctx.as('registrar')).post('/api/cases', caseInput({ channel: 'leader_reception', title: '征地补偿款未足额发放' }))).json();
    const done = await dispatcher.patch(`/api/reception/appointments/${first}`, { status: 'done', caseId: created.id });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().cases.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect(done.json().appointments[0]).toMatchObject({ status: 'done', caseId: created.id });
    expect(fieldsOf((await dispatcher.post(`/api/reception/sessions/${published}/cases`, { caseId: 'no-such-case' })).json())).toContain('caseId');

    await dispatcher.patch(`/api/reception/sessions/${published}`, { isCancelled: true });
    expect((await ctx.anonymous().get('/api/public/reception-sessions')).json().items).toEqual([]);
    const closed = await dispatcher.post(`/api/reception/sessions/${published}/appointments`, { name: '钱多', phone: '13807984444', matter: '取消后的场次不能预约' });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().code).toBe('reception_closed');
  });

  it('limits public booking requests per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await book(hidden, { name: '测试', phone: `1380798${String(5000 + i)}`, matter: '频繁请求应当被限制' })).statusCode);
    expect(statuses).toContain(429);
  });
});

describe('the resident cancels', () => {
  it('gives the resident a reference and a token that cancels the booking, once, and frees the place', async () => {
    const session = (await dispatcher.post('/api/reception/sessions', sessionBody({ startsAt: '2026-06-10T01:00:00.000Z', endsAt: '2026-06-10T04:00:00.000Z' }))).json().id as string;
    const ip = freshIp();
    const booked = await ctx.anonymous().post(`/api/public/reception-sessions/${session}/appointments`, { name: '孙立', phone: '13807984444', matter: '预约后又想取消的事项' }, ip);
    expect(booked.statusCode, booked.body).toBe(201);
    const { reference, cancelToken } = booked.json();
    expect(reference).toMatch(/^JF-[0-9A-F]{8}$/);
    const available = async () => (await ctx.anonymous().get('/api/public/reception-sessions', freshIp())).json().items.find((i: { id: string }) => i.id === session).available as number;
    const before = await available();
    const cancel = (token: string) => ctx.anonymous().post('/api/public/reception-appointments/cancel', { token }, ip);
    const cancelled = await cancel(cancelToken);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ reference, status: 'cancelled' });
    expect(await available()).toBe(before + 1);
    // Again: the same answer, nothing changed; a forged or foreign token is refused.
    expect((await cancel(cancelToken)).json().status).toBe('cancelled');
    expect((await cancel(`${cancelToken.slice(0, -2)}xx`)).statusCode).toBe(404);
    expect(fieldsOf((await ctx.anonymous().post('/api/public/reception-appointments/cancel', {}, ip)).json())).toContain('token');
  });
});

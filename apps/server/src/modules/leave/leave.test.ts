import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { act, actionBody } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { fieldsOf, insertHousehold } from '../field-work/field-work.test-support.js';
import { attendedDays } from './leave.repository.js';

const { ctx, registrar, dispatcher, handler, head, housingHandler, cadreA1 } = suiteContext({
  registrar: 'registrar',
  dispatcher: 'dispatcher',
  handler: 'handler', // 赵承办, 民政局
  head: 'head', // 钱局长, head of 民政局
  housingHandler: 'housingHandler',
  cadreA1: 'cadreA1', // 冯社区, stationed in 东门社区
});
let villageHead: Client;
let openCase: string;
const at = (iso: string) => ctx.clock.set(new Date(iso));

beforeAll(async () => {
  villageHead = await ctx.userWith([{ role: 'unit_head', unitId: 'u-villageA1' }]);
});

async function approvedLeave(applicant: Client, approver: Client, body: Record<string, unknown>) {
  const applied = await applicant.post('/api/leave', { kind: 'personal', reason: '家中有事', ...body });
  expect(applied.statusCode, applied.body).toBe(201);
  const decided = await approver.post(`/api/leave/${applied.json().id}/decide`, { approve: true });
  expect(decided.statusCode, decided.body).toBe(200);
  return decided.json();
}

describe('leave (请假)', () => {
  it('a cadre applies, the unit head approves (not their own), both told; bad dates are a 400 naming the field', async () => {
    // An open case 赵承办 handles, before the leave.
    const created = await registrar.post('/api/cases', caseInput());
    openCase = created.json().id;
    await act(dispatcher, openCase, 'dispatch', actionBody(ctx, 'dispatch'));
    await act(handler, openCase, 'accept', {});

    const bad = await handler.post('/api/leave', { kind: 'sick', startsOn: '2026-03-05', endsOn: '2026-03-03', reason: '发烧' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['endsOn']);
    expect((await handler.post('/api/leave', { kind: 'holiday', startsOn: '2026-03-03', endsOn: '2026-03-05', reason: '发烧' })).statusCode).toBe(400);

    const applied = await handler.post('/api/leave', { kind: 'sick', startsOn: '2026-03-03', endsOn: '2026-03-05', reason: '发烧住院' });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ state: 'pending', kind: 'sick', days: 3, workingDays: 3, unit: { id: 'u-civil' }, openCases: 1, may: { decide: false, cancel: true } });
    expect((await handler.post('/api/leave', { kind: 'personal', startsOn: '2026-03-04', endsOn: '2026-03-04', reason: '又一次' })).statusCode).toBe(409);
    const heads = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.leave_applied').execute();
    expect(heads.map((h) => h.recipientUserId)).toEqual([ctx.org.users.head]);

    const pending = (await head.get('/api/leave?view=approve&state=pending')).json().items;
    expect(pending).toEqual([expect.objectContaining({ id: applied.json().id, person: { id: ctx.org.users.handler, name: '赵承办' }, may: { decide: true, cancel: false, reassign: false } })]);
    expect((await handler.post(`/api/leave/${applied.json().id}/decide`, { approve: true })).statusCode).toBe(403);
    const approved = await head.post(`/api/leave/${applied.json().id}/decide`, { approve: true, note: '注意休息' });
    expect(approved.json()).toMatchObject({ state: 'approved', decidedBy: '钱局长', may: { reassign: true } });
    expect((await head.post(`/api/leave/${applied.json().id}/decide`, { approve: false })).statusCode).toBe(409);
    const told = await ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'body']).where('template', '=', 'notice.leave_decided').execute();
    expect(told).toEqual([expect.objectContaining({ recipientUserId: ctx.org.users.handler })]);
    // The cadre's page (干部档案) shows the leave and counts its days in the year.
    const page = (await handler.get(`/api/cadres/${ctx.org.users.handler}?year=2026`)).json();
    expect(page.dutyAndLeave).toMatchObject({ leaveDays: 3, leaves: [{ kind: 'sick', startsOn: '2026-03-03', endsOn: '2026-03-05', state: 'approved' }] });
    expect(told[0]!.body).toContain('病假');
    expect((await handler.get('/api/notifications?kind=duty')).json().items.length).toBeGreaterThan(0);
  });

  it('out-of-scope reads are refused', async () => {
    const [mine] = (await handler.get('/api/leave')).json().items;
    expect((await housingHandler.get('/api/leave?view=approve')).statusCode).toBe(403);
    expect((await housingHandler.post(`/api/leave/${mine.id}/decide`, { approve: false })).statusCode).toBe(403);
    expect((await housingHandler.get(`/api/leave/${mine.id}/open-cases`)).statusCode).toBe(403);
    expect((await handler.get(`/api/leave/${mine.id}/open-cases`)).statusCode).toBe(403); // the person away does not reassign
    expect((await housingHandler.get('/api/attendance?unitId=u-civil&month=2026-03')).statusCode).toBe(403);
    expect((await handler.get('/api/attendance?unitId=u-civil&month=2026-03')).statusCode).toBe(403);
    expect((await villageHead.get('/api/attendance?unitId=u-civil&month=2026-03')).statusCode).toBe(403);
  });

  it('while away, dispatch never names them and the roster refuses them; the head reassigns their open cases in one action, with events', async () => {
    at('2026-03-03T02:00:00.000Z'); // Tuesday, on leave
    const other = await registrar.post('/api/cases', caseInput({ title: '小区路灯不亮' }));
    const refused = await dispatcher.post(`/api/cases/${other.json().id}/dispatch`, { unitId: 'u-civil', handlerUserId: ctx.org.users.handler });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused.json())).toEqual(['handlerUserId']);
    const roster = await head.put('/api/duty/roster', { unitId: 'u-civil', entries: [{ date: '2026-03-04', shift: 'day', userId: ctx.org.users.handler }] });
    expect(roster.statusCode).toBe(422);
    expect(roster.json().title ?? roster.json().detail).toBeDefined();

    const [leave] = (await head.get('/api/leave?view=approve')).json().items;
    const open = (await head.get(`/api/leave/${leave.id}/open-cases`)).json();
    expect(open.items.map((c: { id: string }) => c.id)).toEqual([openCase]);
    expect(open.handlers).toEqual([{ id: ctx.org.users.head, name: '钱局长' }]);
    expect(fieldsOf((await head.post(`/api/leave/${leave.id}/reassign`, { toUserId: ctx.org.users.housingHandler })).json())).toEqual(['toUserId']);
    const moved = await head.post(`/api/leave/${leave.id}/reassign`, { toUserId: ctx.org.users.head });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ reassigned: 1, to: { id: ctx.org.users.head, name: '钱局长' } });
    const c = await ctx.database.db.selectFrom('cases').select(['handlerUserId', 'status']).where('id', '=', openCase).executeTakeFirstOrThrow();
    expect(c).toEqual({ handlerUserId: ctx.org.users.head, status: 'handling' });
    const events = (await head.get(`/api/cases/${openCase}`)).json().events;
    expect(events.at(-1)).toMatchObject({ action: 'leave_reassign', fromStatus: 'handling', toStatus: 'handling' });
    expect((await head.get(`/api/leave/${leave.id}/open-cases`)).json().items).toEqual([]);
  });

  it('a cadre on leave is given no stationing and no share of an even split; the stationing report does not count those days', async () => {
    at('2026-03-02T02:00:00.000Z');
    const stationed = await dispatcher.post('/api/stationing/assignments', { cadreUserId: ctx.org.users.cadreA1, villageCode: AREAS.villageA1, startsOn: '2026-03-02', minDaysPerWeek: 3 });
    expect(stationed.statusCode, stationed.body).toBe(201);
    await approvedLeave(cadreA1, villageHead, { kind: 'annual', startsOn: '2026-03-09', endsOn: '2026-03-13', unitId: 'u-villageA1' });

    const refused = await dispatcher.post('/api/stationing/assignments', { cadreUserId: ctx.org.users.cadreA1, villageCode: AREAS.villageA2, startsOn: '2026-03-10' });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused.json())).toEqual(['cadreUserId']);

    at('2026-03-10T02:00:00.000Z');
    const campaign = (await dispatcher.post('/api/campaigns', { name: '春季走访', areaCode: AREAS.villageA1, startsOn: '2026-03-01', endsOn: '2026-03-31' })).json().id;
    await insertHousehold(ctx, { areaCode: AREAS.villageA1, address: '东门社区解放路1号', headName: '张秀英', tags: ['dibao'] });
    await insertHousehold(ctx, { areaCode: AREAS.villageA1, address: '东门社区解放路2号', headName: '李国强', tags: ['dibao'] });
    await dispatcher.post(`/api/campaigns/${campaign}/targets`, { tags: ['dibao'] });
    const split = await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'even', cadreUserIds: [ctx.org.users.cadreA1, ctx.org.users.dispatcher] });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json().perCadre).toEqual([{ cadreUserId: ctx.org.users.dispatcher, count: 2 }]);
    const alone = await dispatcher.post(`/api/campaigns/${campaign}/assign`, { mode: 'even', cadreUserIds: [ctx.org.users.cadreA1] });
    expect(alone.statusCode).toBe(422);
    expect(fieldsOf(alone.json())).toEqual(['cadreUserIds']);

    at('2026-03-17T02:00:00.000Z');
    const report = (await dispatcher.get(`/api/stationing/report?from=2026-03-02&to=2026-03-15&cadre=${ctx.org.users.cadreA1}`)).json();
    const weeks = report.cadres[0].weeks;
    expect(weeks[0]).toMatchObject({ week: '2026-W10', daysPresent: 0, compliant: false });
    expect(weeks[1]).toMatchObject({ week: '2026-W11', daysPresent: 0, daysAway: 5, compliant: true });
  });

  it('attendance comes from check-ins and office days, corrected by the unit head with a reason (audited); the month is an Excel sheet', async () => {
    await ctx.database.db.insertInto('checkIns').values({ id: randomUUID(), cadreUserId: ctx.org.users.cadreA1, at: '2026-03-02T01:00:00.000Z', localDate: '2026-03-02', areaCode: AREAS.villageA1, lat: 27.9, lng: 116.3, accuracyM: 10, visitId: null }).execute();
    const sessionId = randomUUID();
    await ctx.database.db.insertInto('officeDaySessions').values({ id: sessionId, villageCode: AREAS.villageA1, date: '2026-03-16', scheduleId: null, place: null, createdAt: '2026-03-01T00:00:00.000Z' }).execute();
    await ctx.database.db.insertInto('officeDayAttendance').values({ sessionId, userId: ctx.org.users.cadreA1, recordedBy: null, recordedAt: '2026-03-16T02:00:00.000Z' }).execute();

    const sheet = (await villageHead.get('/api/attendance?unitId=u-villageA1&month=2026-03')).json();
    expect(sheet.dates).toHaveLength(31);
    const row = sheet.rows.find((r: { person: { id: string } }) => r.person.id === ctx.org.users.cadreA1);
    const mark = (date: string) => row.marks[Number(date.slice(8)) - 1];
    expect([mark('2026-03-02'), mark('2026-03-03'), mark('2026-03-07'), mark('2026-03-10'), mark('2026-03-16'), mark('2026-03-20')]).toEqual(['present', 'absent', 'rest', 'leave', 'present', 'future']);
    expect(row).toMatchObject({ present: 2, leave: 5 });
    expect(sheet.may.correct).toBe(true);

    expect((await cadreA1.post('/api/attendance/corrections', { unitId: 'u-villageA1', userId: ctx.org.users.cadreA1, date: '2026-03-03', status: 'present', reason: '自己改' })).statusCode).toBe(403);
    expect(fieldsOf((await villageHead.post('/api/attendance/corrections', { unitId: 'u-villageA1', userId: ctx.org.users.cadreA1, date: '2026-03-03', status: 'trip' })).json())).toEqual(['reason']);
    const fixed = await villageHead.post('/api/attendance/corrections', { unitId: 'u-villageA1', userId: ctx.org.users.cadreA1, date: '2026-03-03', status: 'present', reason: '当日在乡里开会，漏打卡' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const after = fixed.json().rows.find((r: { person: { id: string } }) => r.person.id === ctx.org.users.cadreA1);
    expect(after).toMatchObject({ present: 3, corrected: ['2026-03-03'] });
    const audited = await ctx.database.db.selectFrom('auditLog').select(['action', 'detail']).where('action', '=', 'attendance_correct').execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toContain('漏打卡');

    // What the evaluation reads: office days attended in a period.
    const days = await attendedDays(ctx.database.db, [ctx.org.users.cadreA1, ctx.org.users.cadreA2], '2026-03-01', '2026-03-31');
    expect(Object.fromEntries(days)).toEqual({ [ctx.org.users.cadreA1]: 3, [ctx.org.users.cadreA2]: 0 });

    const xlsx = await villageHead.get('/api/attendance.xlsx?unitId=u-villageA1&month=2026-03');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(fieldsOf((await villageHead.get('/api/attendance?unitId=u-villageA1&month=2026-13')).json())).toEqual(['month']);
  });
});

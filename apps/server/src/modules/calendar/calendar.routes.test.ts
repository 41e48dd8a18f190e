import { describe, expect, it } from 'vitest';
import { caseInput } from '../../test/fixtures.js';
import { suiteContext } from '../../test/context.js';
import { auditCount, expectProblem, lastAudit } from '../../test/admin-support.js';

const { ctx, admin, registrar } = suiteContext({ admin: 'admin', registrar: 'registrar' });

const dayRow = (date: string) => ctx.database.db.selectFrom('calendarDays').selectAll().where('date', '=', date).executeTakeFirst();
/** The intake deadline of a new help request: 1 working day after Monday 2026-03-02. */
const intakeDue = async () => {
  const res = await registrar.post('/api/cases', caseInput());
  expect(res.statusCode, res.body).toBe(201);
  return res.json().deadlines.intake as string;
};

describe('reading the calendar', () => {
  it('lists a year’s holidays and swapped working days for every staff member', async () => {
    const res = await (await ctx.as('handler')).get('/api/calendar?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const { year, days } = res.json() as { year: number; days: Array<{ date: string; kind: string; name: string; provisional: boolean }> };
    expect(year).toBe(2026);
    expect(days.length).toBeGreaterThan(20);
    expect(days.every((d) => d.date.startsWith('2026-'))).toBe(true);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'holiday', provisional: false });
    expect(days.some((d) => d.kind === 'workday')).toBe(true);
  });

  it('needs a year', async () => {
    expectProblem(await registrar.get('/api/calendar'), 400, 'year');
    expectProblem(await registrar.get('/api/calendar?year=twenty'), 400, 'year');
  });
});

describe('editing the calendar', () => {
  it('a new holiday moves a working-day deadline; removing it moves it back', async () => {
    expect(await intakeDue()).toBe('2026-03-03T15:59:59.999Z');

    const put = await admin.put('/api/admin/calendar/2026-03-03', { kind: 'holiday', name: '县庆' });
    expect(put.statusCode, put.body).toBe(201);
    expect(put.json()).toEqual({ date: '2026-03-03', kind: 'holiday', name: '县庆', provisional: false });
    expect(await intakeDue()).toBe('2026-03-04T15:59:59.999Z');
    expect(await lastAudit(ctx, 'calendar_day', '2026-03-03')).toMatchObject({ action: 'create', actorUserId: ctx.org.users.admin });

    const renamed = await admin.put('/api/admin/calendar/2026-03-03', { kind: 'holiday', name: '县庆日' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await lastAudit(ctx, 'calendar_day', '2026-03-03'))!.detail).toMatchObject({ before: { name: '县庆' }, after: { name: '县庆日' } });

    const removed = await admin.delete('/api/admin/calendar/2026-03-03');
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await dayRow('2026-03-03')).toBeUndefined();
    expect(await intakeDue()).toBe('2026-03-03T15:59:59.999Z');
    expectProblem(await admin.delete('/api/admin/calendar/2026-03-03'), 404);
  });

  it('a swapped working day on a weekend counts as a working day', async () => {
    ctx.clock.set(new Date('2026-03-06T02:00:00.000Z')); // Friday 10:00: the next working day is Monday
    expect(await intakeDue()).toBe('2026-03-09T15:59:59.999Z');
    expect((await admin.put('/api/admin/calendar/2026-03-07', { kind: 'workday', name: '调休上班' })).statusCode).toBe(201);
    expect(await intakeDue()).toBe('2026-03-07T15:59:59.999Z');
  });

  it('refuses non-admins with 403, changing nothing', async () => {
    const supervisor = await ctx.as('supervisor');
    expectProblem(await supervisor.put('/api/admin/calendar/2026-03-10', { kind: 'holiday', name: '假' }), 403);
    expectProblem(await supervisor.delete('/api/admin/calendar/2026-10-01'), 403);
    expect(await dayRow('2026-03-10')).toBeUndefined();
    expect(await dayRow('2026-10-01')).toBeDefined();
  });

  it.each([
    ['a date that does not exist', '2026-02-30', { kind: 'holiday', name: '假' }, 'date'],
    ['a malformed date', '2026-3-10', { kind: 'holiday', name: '假' }, 'date'],
    ['an unknown kind', '2026-03-10', { kind: 'vacation', name: '假' }, 'kind'],
    ['an empty name', '2026-03-10', { kind: 'holiday', name: '' }, 'name'],
  ])('answers 400 naming the field for %s, writing nothing', async (_label, date, body, field) => {
    const audits = await auditCount(ctx);
    expectProblem(await admin.put(`/api/admin/calendar/${date}`, body), 400, field);
    expect(await dayRow(date)).toBeUndefined();
    expect(await auditCount(ctx)).toBe(audits);
  });
});

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCount, expectProblem, lastAudit } from '../../test/admin-support.js';
import { act, allPowerful, caseInState } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';

// 积案 (long-standing cases): the list and its thresholds, the Excel export. Meetings and task
// forces are in meetings.test.ts and task-forces.test.ts.
const { ctx, supervisor, handler, housingHandler, dispatcher, admin } = suiteContext({
  supervisor: 'supervisor',
  handler: 'handler',
  housingHandler: 'housingHandler',
  dispatcher: 'dispatcher',
  admin: 'admin',
});
let power: Client;
let old: string;
let reopened: string;
let fresh: string;

beforeAll(async () => {
  power = await allPowerful(ctx);
  old = await caseInState(ctx, power, 'handling');
  await caseInState(ctx, power, 'closed'); // closed: never listed
  ctx.clock.advance(91 * 86_400_000);
  reopened = await caseInState(ctx, power, 'evaluated', { title: '多次重办的低保申请', categoryCode: 'social.elderly' });
  await act(power, reopened, 'reopen', { reason: '再次不满意，督办员决定重办' });
  fresh = await caseInState(ctx, power, 'handling');
});

const codesOf = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((c) => c.id);

describe('the list of long-standing cases', () => {
  it('lists open cases over 90 days or reopened twice, oldest first, with age, reopens, unit and last step', async () => {
    const res = await supervisor.get('/api/hard-cases');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(codesOf(res)).toEqual([old, reopened]);
    expect(body.criteria).toEqual({ minAgeDays: 90, minReopens: 2 });
    expect(body.canManage).toBe(true);
    expect(body.total).toBe(2);
    const [first, second] = body.items;
    expect(first).toMatchObject({ reasons: ['age'], ageDays: 91, unitName: '青溪县民政局', status: 'handling', lastStep: { action: 'accept' }, taskForceId: null });
    expect(second).toMatchObject({ reasons: ['reopens'], reopenCount: 2, status: 'reopened', lastStep: { action: 'reopen' } });
    expect(codesOf(res)).not.toContain(fresh);
  });

  it('filters by reason, unit, category and area', async () => {
    expect(codesOf(await supervisor.get('/api/hard-cases?reason=age'))).toEqual([old]);
    expect(codesOf(await supervisor.get('/api/hard-cases?reason=reopens'))).toEqual([reopened]);
    expect(codesOf(await supervisor.get('/api/hard-cases?categoryCode=social.elderly'))).toEqual([reopened]);
    expect(codesOf(await supervisor.get(`/api/hard-cases?unitId=${ctx.org.units['u-housing']}`))).toEqual([]);
    expect(codesOf(await supervisor.get(`/api/hard-cases?areaCode=${AREAS.townB}`))).toEqual([]);
    expect(codesOf(await supervisor.get(`/api/hard-cases?areaCode=${AREAS.villageA1}&limit=1`))).toEqual([old]);
    expect((await supervisor.get('/api/hard-cases?limit=1')).json().nextOffset).toBe(1);
  });

  it('shows units their own cases only, and refuses roles without the ability', async () => {
    expect(codesOf(await handler.get('/api/hard-cases'))).toEqual([old, reopened]);
    expect((await handler.get('/api/hard-cases')).json().canManage).toBe(false);
    expect(codesOf(await housingHandler.get('/api/hard-cases'))).toEqual([]);
    const townSupervisor = await ctx.userWith([{ role: 'supervisor', unitId: ctx.org.units['u-townB'] }]);
    expect(codesOf(await townSupervisor.get('/api/hard-cases'))).toEqual([]);
    expectProblem(await dispatcher.get('/api/hard-cases'), 403);
    expectProblem(await (await ctx.as('registrar')).get('/api/hard-cases'), 403);
  });

  it('exports the filtered list to Excel, audited', async () => {
    const before = await auditCount(ctx, 'hard_cases');
    const res = await supervisor.get('/api/hard-cases/export.xlsx?reason=age');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('积案清单');
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(10).value)).toBe('超期未结');
    expect(await auditCount(ctx, 'hard_cases')).toBe(before + 1);
    expectProblem(await dispatcher.get('/api/hard-cases/export.xlsx'), 403);
  });
});

describe('the thresholds', () => {
  it('are set by admins only, checked, audited, and change the list', async () => {
    expectProblem(await supervisor.put('/api/hard-cases/settings', { minAgeDays: 200, minReopens: 2 }), 403);
    expectProblem(await admin.put('/api/hard-cases/settings', { minAgeDays: 0, minReopens: 2 }), 400, 'minAgeDays');
    expect((await supervisor.get('/api/hard-cases/settings')).json()).toEqual({ minAgeDays: 90, minReopens: 2 });

    const res = await admin.put('/api/hard-cases/settings', { minAgeDays: 200, minReopens: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await lastAudit(ctx, 'setting', 'hard_cases'))?.detail).toEqual({ minAgeDays: 200, minReopens: 3 });
    expect(codesOf(await supervisor.get('/api/hard-cases'))).toEqual([]);
    await admin.put('/api/hard-cases/settings', { minAgeDays: 30, minReopens: 2 });
    expect(codesOf(await supervisor.get('/api/hard-cases'))).toEqual([old, reopened]);
    await admin.put('/api/hard-cases/settings', { minAgeDays: 90, minReopens: 2 });
  });
});

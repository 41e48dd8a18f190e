import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { fieldsOf } from '../field-work/field-work.test-support.js';
import { dateOfDay, dayNumber, isoWeekOf, isoWeekOfDay, mondayOf, mondayOfDay, monthRange, weekRange } from '../field-work/weeks.js';

// The clock stands on Monday 2026-03-02 (2026-W10): weeks W06–W09 are over and judged, W10 is running.
const { ctx, dispatcher } = suiteContext({ dispatcher: 'dispatcher' });
const REPORT = '/api/stationing/report?from=2026-02-02&to=2026-03-08';

const visitOn = async (client: Client, date: string, areaCode: string) => {
  const response = await client.post('/api/visits', { kind: 'visit', areaCode, place: '村委会', occurredAt: `${date}T02:00:00.000Z` });
  expect(response.statusCode, response.body).toBe(201);
};
const checkInOn = (userId: string, date: string, areaCode: string) =>
  ctx.database.db.insertInto('checkIns').values({ id: randomUUID(), cadreUserId: userId, at: `${date}T01:00:00.000Z`, localDate: date, areaCode, lat: 27.8, lng: 115.9, accuracyM: null, visitId: null }).execute();

type CadreLine = { cadre: { id: string }; flagged: boolean; weeksEvaluated: number; weeksCompliant: number; minDaysPerWeek: number; weeks: Array<{ week: string; daysPresent: number; evaluated: boolean; compliant: boolean | null }> };
const lineOf = (report: { cadres: CadreLine[] }, user: string) => report.cadres.find((c) => c.cadre.id === ctx.org.users[user as 'cadreA1'])!;

beforeAll(async () => {
  const a1 = await ctx.as('cadreA1');
  const a2 = await ctx.as('cadreA2');
  // 冯社区 in 东门社区: 3, 2, 4 and 3 days in W06–W09 (a grid counts for its village; a visit and a check-in on one day count once).
  for (const d of ['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-09', '2026-02-11', '2026-02-16', '2026-02-17', '2026-02-23', '2026-02-24', '2026-02-25']) await visitOn(a1, d, AREAS.villageA1);
  await visitOn(a1, '2026-02-18', AREAS.gridA1);
  await checkInOn(ctx.org.users.cadreA1, '2026-02-19', AREAS.villageA1);
  await checkInOn(ctx.org.users.cadreA1, '2026-02-25', AREAS.villageA1);
  // A day in another village does not count for 东门社区.
  await checkInOn(ctx.org.users.cadreA1, '2026-02-12', AREAS.villageA2);
  // 陈社区 in 西门社区: two days a week, which is their rule.
  for (const d of ['2026-02-02', '2026-02-05', '2026-02-10', '2026-02-12', '2026-02-17', '2026-02-20', '2026-02-24', '2026-02-26']) await visitOn(a2, d, AREAS.villageA2);
});

describe('ISO weeks', () => {
  it('labels and bounds weeks and months in China time', () => {
    expect(isoWeekOf('2026-03-02')).toBe('2026-W10');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(weekRange('2026-W10')).toEqual(['2026-03-02', '2026-03-08']);
    expect(monthRange('2026-02')).toEqual(['2026-02-01', '2026-02-28']);
    // The day-number versions the report's loops use agree with the string ones.
    for (const date of ['2026-03-02', '2026-03-08', '2026-01-01', '2027-01-01', '2024-12-30', '2021-01-03']) {
      const monday = mondayOfDay(dayNumber(date));
      expect(dateOfDay(monday)).toBe(mondayOf(date));
      expect(isoWeekOfDay(monday)).toBe(isoWeekOf(date));
    }
  });
});

describe('POST /api/stationing/assignments', () => {
  it('assigns cadres to villages, for planners over the village only', async () => {
    const a1 = await dispatcher.post('/api/stationing/assignments', { cadreUserId: ctx.org.users.cadreA1, villageCode: AREAS.villageA1, startsOn: '2026-02-02' });
    expect(a1.statusCode, a1.body).toBe(201);
    expect(a1.json()).toMatchObject({ cadre: { name: '冯社区' }, village: { code: AREAS.villageA1, name: '东门社区' }, township: { name: '城关镇' }, minDaysPerWeek: 3, usesGlobalRule: true, endsOn: null });
    const town = await ctx.as('townRegistrar');
    const a2 = await town.post('/api/stationing/assignments', { cadreUserId: ctx.org.users.cadreA2, villageCode: AREAS.villageA2, startsOn: '2026-02-02', endsOn: '2026-12-31', minDaysPerWeek: 2 });
    expect(a2.statusCode, a2.body).toBe(201);
    expect((await town.post('/api/stationing/assignments', { cadreUserId: ctx.org.users.cadreA2, villageCode: AREAS.villageB1, startsOn: '2026-02-02' })).statusCode).toBe(403);
    expect((await (await ctx.as('cadreA1')).post('/api/stationing/assignments', { cadreUserId: ctx.org.users.cadreA1, villageCode: AREAS.villageA1, startsOn: '2027-01-01' })).statusCode).toBe(403);
    const overlap = await dispatcher.post('/api/stationing/assignments', { cadreUserId: ctx.org.users.cadreA1, villageCode: AREAS.villageA1, startsOn: '2026-06-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'stationing_overlap', errors: [{ field: 'startsOn' }] });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const body = { cadreUserId: ctx.org.users.cadreA2, villageCode: AREAS.villageB1, startsOn: '2026-02-02' };
    for (const [bad, field] of [
      [{ ...body, endsOn: '2026-01-01' }, 'endsOn'],
      [{ ...body, startsOn: '2026-02-30' }, 'startsOn'],
      [{ ...body, villageCode: AREAS.gridA1 }, 'villageCode'],
      [{ ...body, villageCode: AREAS.townA }, 'villageCode'],
      [{ ...body, cadreUserId: 'user-nobody' }, 'cadreUserId'],
      [{ ...body, minDaysPerWeek: 8 }, 'minDaysPerWeek'],
    ] as const) {
      const response = await dispatcher.post('/api/stationing/assignments', bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(fieldsOf(response.json())).toContain(field);
    }
  });
});

describe('GET /api/stationing/report', () => {
  it('counts days present per ISO week and flags the cadre with two days in a week', async () => {
    const response = await dispatcher.get(REPORT);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const a1 = lineOf(report, 'cadreA1');
    // The unit they are stationed from: the one where they hold 驻村干部.
    expect((a1 as unknown as { cadre: { unit: unknown } }).cadre.unit).toEqual({ id: 'u-villageA1', name: '东门社区居民委员会' });
    expect(a1.weeks.map((w) => [w.week, w.daysPresent, w.compliant])).toEqual([
      ['2026-W06', 3, true],
      ['2026-W07', 2, false],
      ['2026-W08', 4, true],
      ['2026-W09', 3, true],
      ['2026-W10', 0, null], // running: shown, not judged
    ]);
    expect(a1).toMatchObject({ flagged: true, weeksEvaluated: 4, weeksCompliant: 3 });
    expect(lineOf(report, 'cadreA2')).toMatchObject({ flagged: false, minDaysPerWeek: 2, weeksEvaluated: 4, weeksCompliant: 4 });
    expect(report.townships).toEqual([expect.objectContaining({ township: { code: AREAS.townA, name: '城关镇' }, assignments: 2, cadres: 2, weeksEvaluated: 8, weeksCompliant: 7, flaggedCadres: 1 })]);
    expect(report.totals).toMatchObject({ assignments: 2, flagged: 1 });
  });

  it('applies the global rule where an assignment has none (admins set it)', async () => {
    expect((await dispatcher.put('/api/stationing/settings', { minDaysPerWeek: 2 })).statusCode).toBe(403);
    const admin = await ctx.as('admin');
    expect((await admin.put('/api/stationing/settings', { minDaysPerWeek: 9 })).statusCode).toBe(400);
    expect((await admin.put('/api/stationing/settings', { minDaysPerWeek: 2 })).statusCode).toBe(200);
    expect(lineOf((await dispatcher.get(REPORT)).json(), 'cadreA1').flagged).toBe(false);
    await admin.put('/api/stationing/settings', { minDaysPerWeek: 3 });
    expect(lineOf((await dispatcher.get(REPORT)).json(), 'cadreA1').flagged).toBe(true);
  });

  it('keeps each reader to their area', async () => {
    const own = (await (await ctx.as('cadreA2')).get(REPORT)).json();
    expect(own.cadres.map((c: CadreLine) => c.cadre.id)).toEqual([ctx.org.users.cadreA2]);
    expect((await (await ctx.as('townRegistrar')).get(REPORT)).json().cadres).toHaveLength(2);
    expect((await (await ctx.as('handler')).get(REPORT)).statusCode).toBe(403);
    expect((await (await ctx.as('cadreA2')).get(`${REPORT}&areaCode=${AREAS.villageA1}`)).statusCode).toBe(403);
    const bad = await dispatcher.get('/api/stationing/report?from=2026-03-08&to=2026-02-02');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toContain('to');
  });

  it('exports the report to Excel with Chinese headers', async () => {
    const response = await dispatcher.get(`/api/stationing/report.xlsx?from=2026-02-02&to=2026-03-08`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['乡镇汇总', '干部明细', '周明细']);
    const cadres = book.getWorksheet('干部明细')!;
    expect(cadres.getRow(1).getCell(1).value).toBe('驻村干部');
    const rows = cadres.getSheetValues().slice(2) as unknown[][];
    expect(cadres.getRow(1).getCell(2).value).toBe('派出单位');
    expect(rows.find((r) => r[1] === '冯社区')?.[2]).toBe('东门社区居民委员会');
    expect(rows.find((r) => r[1] === '冯社区')?.[12]).toBe('未达标');
    expect(rows.find((r) => r[1] === '陈社区')?.[12]).toBe('达标');
  });
});

describe('PATCH /api/stationing/assignments/:id', () => {
  it('ends an assignment or changes its rule', async () => {
    const list = (await dispatcher.get(`/api/stationing/assignments?activeOn=2026-03-02`)).json();
    const a1 = list.items.find((a: { cadre: { id: string } }) => a.cadre.id === ctx.org.users.cadreA1);
    const changed = await dispatcher.patch(`/api/stationing/assignments/${a1.id}`, { minDaysPerWeek: 2 });
    expect(changed.json()).toMatchObject({ minDaysPerWeek: 2, usesGlobalRule: false });
    expect(lineOf((await dispatcher.get(REPORT)).json(), 'cadreA1').flagged).toBe(false);
    expect((await (await ctx.as('cadreA2')).patch(`/api/stationing/assignments/${a1.id}`, { minDaysPerWeek: 3 })).statusCode).toBe(403);
    expect((await dispatcher.patch(`/api/stationing/assignments/${a1.id}`, { endsOn: '2026-01-01' })).statusCode).toBe(400);
  });
});

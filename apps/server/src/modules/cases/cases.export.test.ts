import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { EXPORT_COLUMNS } from './cases.export.js';

const { ctx, boss } = suiteContext({ boss: allPowerful });
const codes: Record<string, string> = {};

beforeAll(async () => {
  const registrar = await ctx.as('registrar');
  const register = async (key: string, input: Record<string, unknown>) => {
    const created = await registrar.post('/api/cases', caseInput(input));
    expect(created.statusCode, created.body).toBe(201);
    codes[key] = created.json().code;
    ctx.clock.advance(60_000);
  };
  await register('a1Phone', { areaCode: AREAS.villageA1, channel: 'phone', title: '东门路灯不亮' });
  await register('a1Online', { areaCode: AREAS.villageA1, channel: 'online', title: '东门垃圾清运' });
  await register('a2Phone', { areaCode: AREAS.villageA2, channel: 'phone', title: '西门噪声扰民' });
  await register('b1Phone', { areaCode: AREAS.villageB1, channel: 'phone', title: '河口道路破损' });
  const assignedId = await caseInState(ctx, boss, 'assigned', { areaCode: AREAS.villageA1, channel: 'phone', title: '东门低保申请' });
  codes.a1Assigned = (await boss.get(`/api/cases/${assignedId}`)).json().code;
});

/** The workbook of a response, its first sheet as rows of cell texts. */
async function sheetOf(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describe('GET /api/cases/export.xlsx', () => {
  it('holds exactly the filtered rows, with Chinese headers and masked personal data', async () => {
    const response = await boss.get(`/api/cases/export.xlsx?areaCode=${AREAS.villageA1}&channel=phone&status=registered,assigned`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('attachment');
    const rows = await sheetOf(response.rawPayload);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c[1]));
    expect(rows[0]).toContain('编号');
    const body = rows.slice(1);
    expect(body.map((r) => r[0]).sort()).toEqual([codes.a1Phone, codes.a1Assigned].sort());
    const text = body.flat().join(' ');
    expect(text).not.toContain('13907981234');
    expect(text).not.toContain('张秀英');
    expect(body[0][8]).toMatch(/^139\*+1234$/);
    expect(body.map((r) => r[12]).sort()).toEqual(['已交办', '已登记']);
    expect(body.find((r) => r[0] === codes.a1Assigned)![14]).toBe('青溪县民政局');
  });

  it('follows the list’s order (sort) and writes English headers for en-US', async () => {
    const response = await boss.get(`/api/cases/export.xlsx?channel=phone&status=registered&sort=registered_asc&lang=en-US`);
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response.rawPayload);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c[2]));
    expect(rows.slice(1).map((r) => r[0])).toEqual([codes.a1Phone, codes.a2Phone, codes.b1Phone]);
    expect(rows[1][12]).toBe('Registered');
    const header = await boss.get('/api/cases/export.xlsx?status=registered', { 'x-lianxin-locale': 'en-US' });
    expect((await sheetOf(header.rawPayload))[0][0]).toBe('Code');
  });

  it('exports only what the caller may see', async () => {
    const response = await (await ctx.as('cadreA2')).get('/api/cases/export.xlsx');
    expect(response.statusCode).toBe(200);
    const exported = (await sheetOf(response.rawPayload)).slice(1).map((r) => r[0]);
    expect(exported).toEqual([codes.a2Phone]);
  });

  it('refuses bad filters with a 400 naming the field, and strangers with 401', async () => {
    const bad = await boss.get('/api/cases/export.xlsx?status=bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('status');
    expect((await boss.get('/api/cases/export.xlsx?sort=sideways')).json().errors[0].field).toBe('sort');
    expect((await ctx.anonymous().get('/api/cases/export.xlsx')).statusCode).toBe(401);
  });

  it('audits every export with its filters', async () => {
    const before = await ctx.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'export').where('subjectType', '=', 'case').execute();
    await boss.get(`/api/cases/export.xlsx?kind=help&areaCode=${AREAS.townA}`);
    const after = await ctx.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'export').where('subjectType', '=', 'case').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.detail).toContain(`areaCode=${AREAS.townA}`);
  });
});

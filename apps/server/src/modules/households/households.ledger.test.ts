import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL: the same assertions hold on both.
const { ctx, cadreA1 } = suiteContext({ cadreA1: 'cadreA1' });

function multipart(fileName: string, data: Buffer) {
  const boundary = '----lianxin-ledger-test';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function workbook(rows: unknown[][], headers = ['区划代码', '地址', '户主姓名', '户主身份证号', '户主电话', '经度', '纬度', '标签', '联户干部账号', '需求', '备注', '其他成员']) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('民情档案');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readSheet(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

const importFile = async (client: Client, data: Buffer, headers: Record<string, string> = {}) => {
  const { body, headers: h } = multipart('民情档案.xlsx', data);
  return client.post('/api/households/import', body, { ...h, ...headers });
};
const countHouseholds = async () => Number((await ctx.database.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const countMembers = async () => Number((await ctx.database.db.selectFrom('householdMembers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('GET /api/households/template.xlsx', () => {
  it('is a workbook with Chinese headers and instructions', async () => {
    const response = await cadreA1.get('/api/households/template.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(response.rawPayload);
    expect(rows[0]).toEqual(['区划代码', '地址', '户主姓名', '户主身份证号', '户主电话', '经度', '纬度', '标签', '联户干部账号', '需求', '备注', '其他成员']);
  });

  it('is refused, like the import, to someone who may register households nowhere', async () => {
    const leader = await ctx.as('leader');
    expect((await leader.get('/api/households/template.xlsx')).statusCode).toBe(403);
    const before = await countHouseholds();
    const response = await importFile(leader, await workbook([[AREAS.villageA1, '东门街9号', '王五']]));
    expect(response.statusCode).toBe(403);
    expect(await countHouseholds()).toBe(before);
  });
});

describe('POST /api/households/import', () => {
  it('keeps the good rows, reports each bad row with its column, and never half-imports a row', async () => {
    const beforeHouseholds = await countHouseholds();
    const beforeMembers = await countMembers();
    const data = await workbook([
      // 2: good, with two more members and a contact cadre
      [AREAS.villageA1, '解放路1号', '刘建华', '369901195003050037', '13907981001', 115.9062, 27.8031, '低保、独居老人', 'cadreA1', '危房改造', '', '李桂花/配偶//13907981002；刘小龙/子女//'],
      // 3: bad ID number of the head
      [AREAS.villageA1, '解放路2号', '王水生', '369901195003050038', '', '', '', '', '', '', '', ''],
      // 4: unknown tag and a malformed member — two errors, one row
      [AREAS.villageA1, '解放路3号', '张德胜', '', '', '', '', '低保、火星户', '', '', '', '张小明/外星人'],
      // 5: good, no coordinates
      [AREAS.villageA1, '解放路4号', '周冬梅', '', '13907981004', '', '', '退役军人', '', '', '', ''],
      // 6: the same head ID as row 2
      [AREAS.villageA1, '解放路5号', '刘建华', '369901195003050037', '', '', '', '', '', '', '', ''],
      // 7: missing address; 8: outside the cadre's village (nothing of it may be written)
      [AREAS.villageA1, '', '赵金林', '', '', '', '', '', '', '', '', ''],
      [AREAS.villageA2, '胜利路9号', '钱春生', '', '', '', '', '', '', '', '', '孙丽华/配偶//'],
      // 9: a member whose ID number is invalid: the whole row is refused, head included
      [AREAS.villageA1, '解放路6号', '吴国强', '', '', '', '', '', '', '', '', '吴婷/子女/123/'],
    ]);
    const response = await importFile(cadreA1, data);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as { total: number; imported: number; failed: number; errors: Array<{ row: number; column: string; message: string }> };
    expect(result).toMatchObject({ total: 8, imported: 2, failed: 6 });
    const errorsOf = (row: number) => result.errors.filter((e) => e.row === row).map((e) => e.column).sort();
    expect(errorsOf(3)).toEqual(['户主身份证号']);
    expect(result.errors.find((e) => e.row === 3)?.message).toBe('身份证号码格式或校验位不正确');
    expect(errorsOf(4)).toEqual(['其他成员', '标签']);
    expect(result.errors.find((e) => e.column === '标签')?.message).toContain('火星户');
    expect(errorsOf(6)).toEqual(['户主身份证号']);
    expect(errorsOf(7)).toEqual(['地址']);
    expect(errorsOf(8)).toEqual(['区划代码']);
    expect(errorsOf(9)).toEqual(['其他成员']);
    expect(result.errors.map((e) => e.row)).not.toContain(2);
    expect(result.errors.map((e) => e.row)).not.toContain(5);

    expect(await countHouseholds()).toBe(beforeHouseholds + 2);
    expect(await countMembers()).toBe(beforeMembers + 3 + 1);
    const list = (await cadreA1.get('/api/households?q=解放路')).json() as { items: Array<{ address: string; tags: string[]; memberCount: number; contact: { id: string } | null }> };
    expect(list.items.map((h) => h.address).sort()).toEqual(['解放路1号', '解放路4号']);
    expect(list.items.find((h) => h.address === '解放路1号')).toMatchObject({ tags: ['dibao', 'elderly_alone'], memberCount: 3, contact: { id: ctx.org.users.cadreA1 } });
  });

  it('reports row errors in the caller’s language', async () => {
    const data = await workbook([[AREAS.villageA1, '', '赵金林']]);
    const result = (await importFile(cadreA1, data, { 'accept-language': 'en-US' })).json() as { errors: Array<{ message: string }> };
    expect(result.errors[0].message).toBe('Required');
  });

  it('refuses a file that is not a workbook, or lacks required columns, with a 400 on `file`', async () => {
    const before = await countHouseholds();
    const notXlsx = await importFile(cadreA1, Buffer.from('区划代码,地址\n1,2'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().errors[0].field).toBe('file');
    const missing = await importFile(cadreA1, await workbook([[AREAS.villageA1, 'x']], ['区划代码', '地址']));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().title).toContain('户主姓名');
    expect(await countHouseholds()).toBe(before);
  });
});

describe('GET /api/households/export.xlsx', () => {
  it('exports the filtered list with Chinese headers, masked by default', async () => {
    const response = await cadreA1.get('/api/households/export.xlsx?tags=dibao');
    expect(response.statusCode, response.body).toBe(200);
    const rows = await readSheet(response.rawPayload);
    expect(rows[0].slice(0, 6)).toEqual(['户编号', '区划名称', '成员数', '区划代码', '地址', '户主姓名']);
    expect(rows).toHaveLength(2);
    const row = rows[1];
    expect(row[4]).toBe('解放路1号');
    expect(row[5]).toBe('刘**');
    expect(row[6]).toBe('3699**********0037');
    expect(row[10]).toBe('低保、独居老人');
    expect(row[14]).toBe('李**/配偶//139****1002；刘**/子女//');
    expect(rows.flat().join()).not.toContain('13907981001');
  });

  it('unmasks only for those allowed to reveal, and audits the export', async () => {
    const full = await readSheet((await cadreA1.get('/api/households/export.xlsx?tags=dibao&unmasked=true')).rawPayload);
    expect(full[1][5]).toBe('刘建华');
    expect(full[1][7]).toBe('13907981001');
    const admin = await readSheet((await (await ctx.as('admin')).get('/api/households/export.xlsx?tags=dibao&unmasked=true')).rawPayload);
    expect(admin[1][5]).toBe('刘**');
    const audit = await ctx.database.db.selectFrom('auditLog').select(['action', 'actorUserId']).where('subjectType', '=', 'household').where('action', 'like', 'export%').execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'export_personal_data', actorUserId: ctx.org.users.cadreA1 },
        { action: 'export', actorUserId: ctx.org.users.admin },
      ]),
    );
    // Another village's cadre exports nothing of 东门社区.
    const other = await readSheet((await (await ctx.as('cadreA2')).get('/api/households/export.xlsx')).rawPayload);
    expect(other).toHaveLength(1);
  });
});

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { insertBulkCases } from '../../test/bulk-cases.js';

// The ledger export streams every row the filters select: no cap (issue 19). 50,123 generated
// cases of one kind, exported and counted row by row. SQLite, and PostgreSQL with DATABASE_URL.
const ROWS = 50_123;
const { ctx, boss } = suiteContext({ boss: allPowerful });

beforeAll(async () => {
  const created = await boss.post('/api/cases', caseInput({ title: '模板诉求', content: '用于批量生成的模板。', requester: { anonymous: true } }));
  expect(created.statusCode, created.body).toBe(201);
  const template = await ctx.database.db.selectFrom('cases').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
  const now = ctx.clock.now().getTime();
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    id: `x-${String(i).padStart(6, '0')}`,
    code: `EXP-${String(i).padStart(6, '0')}`,
    kind: 'praise',
    registeredAt: new Date(now - 60_000 - i * 1_000).toISOString(),
  }));
  await insertBulkCases(ctx.database.db, template, rows);
}, 300_000);

describe('GET /api/cases/export.xlsx at size', () => {
  it('streams every one of more than 50,000 rows, newest first, and says how many', async () => {
    const response = await boss.get('/api/cases/export.xlsx?kind=praise');
    expect(response.statusCode).toBe(200);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([response.rawPayload]), { worksheets: 'emit', sharedStrings: 'cache' });
    const sheets: Array<{ rows: number; first: string[]; last: string[]; cells: string[][] }> = [];
    for await (const sheet of reader) {
      const seen = { rows: 0, first: [] as string[], last: [] as string[], cells: [] as string[][] };
      for await (const row of sheet) {
        const cells = (row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
        if (seen.rows === 1) seen.first = cells;
        seen.last = cells;
        if (sheets.length === 1) seen.cells.push(cells);
        seen.rows++;
      }
      sheets.push(seen);
    }
    const [ledger, about] = sheets;
    expect(ledger!.rows).toBe(ROWS + 1); // the header and every case
    expect(ledger!.first[0]).toBe('EXP-000000');
    expect(ledger!.last[0]).toBe(`EXP-${String(ROWS - 1).padStart(6, '0')}`);
    expect(about!.cells.find((r) => r[0] === '行数')?.[1]).toBe(String(ROWS));
  }, 300_000);
});

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, XlsxStream, xmlText } from './cases.xlsx.js';

// The export's own .xlsx writer (cases.xlsx.ts), read back by exceljs: text that needs escaping or
// cleaning, numbers, empty cells, two sheets, a bold frozen header, column widths, many rows.

async function written(fill: (book: XlsxStream) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await fill(new XlsxStream(out, '连心 Lianxin', new Date('2026-12-06T08:00:00Z')));
  await ended;
  return Buffer.concat(chunks);
}

describe('the streaming xlsx writer', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 18, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'S', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes markup and drops what XML cannot hold, keeping everything else', () => {
    expect(xmlText('a & b <c> "d"')).toBe('a &amp; b &lt;c&gt; &quot;d&quot;');
    expect(xmlText('bell\u0007 tab\tline\nend')).toBe('bell tab\tline\nend');
    expect(xmlText('😀 lone \ud800 surrogate')).toBe('😀 lone  surrogate');
    expect(xmlText('东门路灯不亮')).toBe('东门路灯不亮');
  });

  it('writes sheets that a reader opens with every value, the header bold and frozen', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => [`BS-${i}`, i % 3 ? `东门 <${i}> & "x"` : null, i, '', '  leading and trailing  ', '\u0001控制字符']);
    const body = await written(async (book) => {
      await book.sheet({ name: '诉求台账', widths: [20, 30, 8, 5, 12, 12], header: true });
      await book.rows([['编号', '标题', '序号', '空', '空格', '控制']]);
      for (let i = 0; i < rows.length; i += 1_000) await book.rows(rows.slice(i, i + 1_000));
      await book.sheet({ name: '说明', widths: [14, 80] });
      await book.rows([['行数', rows.length]]);
      await book.end();
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['诉求台账', '说明']);
    const [ledger, about] = workbook.worksheets;
    expect(ledger!.rowCount).toBe(rows.length + 1);
    expect(ledger!.getRow(1).getCell(1).value).toBe('编号');
    expect(ledger!.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ledger!.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(ledger!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ledger!.getColumn(2).width).toBe(30);
    for (const i of [0, 1, 2, 1_234, 2_499]) {
      const row = ledger!.getRow(i + 2);
      expect(row.getCell(1).value).toBe(`BS-${i}`);
      expect(row.getCell(2).value).toBe(i % 3 ? `东门 <${i}> & "x"` : null);
      expect(row.getCell(3).value).toBe(i);
      expect(row.getCell(4).value).toBe(null);
      expect(row.getCell(5).value).toBe('  leading and trailing  ');
      expect(row.getCell(6).value).toBe('控制字符');
    }
    expect(about!.getRow(1).getCell(2).value).toBe(rows.length);
    expect(workbook.creator).toBe('连心 Lianxin');
  });

  it('stops with an error when the reader goes away, rather than waiting for it', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const book = new XlsxStream(out, 'x', new Date());
    await book.sheet({ name: 's', widths: [10] });
    const big = Array.from({ length: 5_000 }, (_, i) => [`行 ${i} ${'内容'.repeat(20)}`]);
    const writing = (async () => {
      for (let i = 0; i < 50; i++) await book.rows(big);
    })();
    setTimeout(() => out.destroy(), 50);
    await expect(writing).rejects.toThrow(/closed/);
  });
});

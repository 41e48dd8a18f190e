import ExcelJS from 'exceljs';
import { type BulletinDocument, CHINESE_ORDINALS } from './bulletins.model.js';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (s: string, i: number) => `${i + 1} ${s}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** The bulletin as a workbook: a cover sheet with the text, then one sheet per section with its tables. */
export async function renderBulletinXlsx(d: BulletinDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = d.issuer;
  const cover = book.addWorksheet('通报');
  cover.getColumn(1).width = 100;
  const lines = [`${d.issuer}通报`, d.number, d.title, `${d.recipients}：`, d.intro];
  d.sections.forEach((s, i) => lines.push(`${CHINESE_ORDINALS[i] ?? i + 1}、${s.title}`, ...s.paragraphs));
  lines.push(d.closing, d.issuer, d.date);
  for (const line of lines) cover.addRow([line]).alignment = { wrapText: true };
  cover.getRow(1).font = { bold: true, size: 16, color: { argb: 'FFC00000' } };
  cover.getRow(3).font = { bold: true, size: 14 };

  d.sections.forEach((s, i) => {
    if (s.tables.length === 0) return;
    const sheet = book.addWorksheet(sheetName(s.title, i));
    for (const t of s.tables) {
      if (t.caption) sheet.addRow([t.caption]).font = { bold: true };
      sheet.addRow(t.columns).font = { bold: true };
      for (const r of t.rows) sheet.addRow(r);
      sheet.addRow([]);
    }
    sheet.columns.forEach((c, k) => (c.width = k === 0 ? 28 : 14));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

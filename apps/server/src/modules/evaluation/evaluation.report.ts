import { EVAL_ITEMS, EVAL_SOURCES, label, type Locale, type MemberResult } from '@lianxin/core';
import ExcelJS from 'exceljs';
import { newPdf, pdfBytes } from '../documents/pdf-fonts.js';

/** What the report shows: the cycle, the ranked people and units. */
export interface EvaluationReport {
  cycle: { name: string; periodFrom: string; periodTo: string };
  people: MemberResult[];
  units: Array<{ unitName: string; score: number; rank: number; members: number }>;
}

const en = (locale: Locale) => locale === 'en-US';

/** The header of the people table, in the reader's language. */
export function peopleColumns(locale: Locale): string[] {
  const e = en(locale);
  return [
    e ? 'Peer group' : '考核组别',
    e ? 'Rank' : '名次',
    e ? 'Name' : '姓名',
    e ? 'Unit' : '单位',
    e ? 'Score' : '总分',
    e ? 'Grade' : '等次',
    ...EVAL_ITEMS.map((i) => label('evalItem', i, locale)),
    ...EVAL_SOURCES.map((s) => label('evalSource', s, locale)),
  ];
}

/** One row of the people table. */
export function personRow(p: MemberResult, locale: Locale): Array<string | number> {
  return [
    label('unitKind', p.peerGroup, locale) === p.peerGroup && p.peerGroup.length > 20 ? p.unitName : label('unitKind', p.peerGroup, locale),
    `${p.rank}/${p.groupSize}`,
    p.name,
    p.unitName,
    p.score,
    label('evalGrade', p.grade, locale),
    ...EVAL_ITEMS.map((i) => p.items[i]),
    ...EVAL_SOURCES.map((s) => p.bySource[s] ?? '—'),
  ];
}

/** The ranked report as a workbook: one sheet of people (by peer group and rank), one of units. */
export async function renderEvaluationXlsx(r: EvaluationReport, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const e = en(locale);
  const people = book.addWorksheet(e ? 'People' : '干部考核结果');
  people.addRow([`${r.cycle.name}（${r.cycle.periodFrom} — ${r.cycle.periodTo}）`]).font = { bold: true, size: 14 };
  people.addRow(peopleColumns(locale)).font = { bold: true };
  for (const p of r.people) people.addRow(personRow(p, locale));
  people.columns.forEach((c, i) => (c.width = i === 3 ? 28 : i === 0 ? 14 : 10));
  const units = book.addWorksheet(e ? 'Units' : '单位考核结果');
  units.addRow([e ? 'Rank' : '名次', e ? 'Unit' : '单位', e ? 'Score' : '平均分', e ? 'Members' : '参评人数']).font = { bold: true };
  for (const u of r.units) units.addRow([u.rank, u.unitName, u.score, u.members]);
  units.getColumn(2).width = 30;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The ranked report as a PDF (A4 landscape, ruled tables). */
export async function renderEvaluationPdf(r: EvaluationReport, locale: Locale): Promise<Buffer> {
  const doc = newPdf({ size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 40, left: 36, right: 36 }, info: { Title: r.cycle.name } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const e = en(locale);
  doc.font('cjk-bold').fontSize(18).text(`${r.cycle.name}${e ? ' — results' : '结果通报'}`, { align: 'center' });
  doc.font('cjk').fontSize(10).text(`${r.cycle.periodFrom} — ${r.cycle.periodTo}`, { align: 'center' });
  doc.moveDown(0.8);
  const table = (columns: string[], rows: Array<Array<string | number>>, widths: number[]) => {
    const sum = widths.reduce((a, b) => a + b, 0);
    const w = widths.map((x) => (x / sum) * width);
    const draw = (cells: Array<string | number>, bold: boolean) => {
      doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(8.5);
      const texts = cells.map(String);
      const height = Math.max(...texts.map((s, i) => doc.heightOfString(s, { width: w[i] - 4 })), 9) + 5;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      let x = left;
      texts.forEach((s, i) => {
        doc.rect(x, top, w[i], height).lineWidth(0.5).stroke('#444444');
        doc.fillColor('#000000').text(s, x + 2, top + 2.5, { width: w[i] - 4 });
        x += w[i];
      });
      doc.x = left;
      doc.y = top + height;
    };
    draw(columns, true);
    for (const row of rows) draw(row, false);
    doc.moveDown(0.8);
  };
  table(peopleColumns(locale), r.people.map((p) => personRow(p, locale)), [8, 5, 7, 16, 5, 6, 4, 4, 4, 4, 4, 6, 6, 6, 6]);
  doc.font('cjk-bold').fontSize(12).text(e ? 'Units' : '单位排名', left, doc.y);
  doc.moveDown(0.3);
  table([e ? 'Rank' : '名次', e ? 'Unit' : '单位', e ? 'Score' : '平均分', e ? 'Members' : '参评人数'], r.units.map((u) => [u.rank, u.unitName, u.score, u.members]), [4, 20, 6, 6]);
  return pdfBytes(doc);
}

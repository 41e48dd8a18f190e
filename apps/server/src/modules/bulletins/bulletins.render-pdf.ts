import { newPdf, pdfBytes } from '../documents/pdf-fonts.js';
import { type BulletinDocument, CHINESE_ORDINALS } from './bulletins.model.js';

const MM = 72 / 25.4;
const RED = '#c00000';

type Table = BulletinDocument['sections'][number]['tables'][number];

/** Column widths: text columns (the first, and any holding long text) get more room. */
function widthsOf(t: Table, width: number): number[] {
  const weight = t.columns.map((_, i) => {
    const longest = Math.max(t.columns[i].length, ...t.rows.map((r) => String(r[i] ?? '').length));
    return Math.min(Math.max(longest, 3), 16);
  });
  const sum = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => (w / sum) * width);
}

function drawTable(doc: PDFKit.PDFDocument, t: Table, left: number, width: number) {
  const widths = widthsOf(t, width);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawRow = (cells: Array<string | number | null>, bold: boolean) => {
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(9);
    const texts = cells.map((c) => (c === null ? '' : String(c)));
    const height = Math.max(...texts.map((s, i) => doc.heightOfString(s, { width: widths[i] - 6 })), 10) + 6;
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    let x = left;
    texts.forEach((s, i) => {
      doc.rect(x, top, widths[i], height).lineWidth(0.5).stroke('#444444');
      doc.fillColor('#000000').text(s, x + 3, top + 3, { width: widths[i] - 6, align: i === 0 || typeof cells[i] !== 'number' ? 'left' : 'right' });
      x += widths[i];
    });
    doc.x = left;
    doc.y = top + height;
  };
  if (t.caption) {
    doc.font('cjk-bold').fontSize(11).text(t.caption, left, doc.y);
    doc.moveDown(0.2);
  }
  drawRow(t.columns, true);
  for (const row of t.rows) drawRow(row, false);
  doc.moveDown(0.6);
}

/**
 * The bulletin laid out as an official 通报 (GB/T 9704 manner): the issuing organ in red over a red
 * rule with the number, the title centred, the recipients, numbered sections with ruled tables, and
 * the organ and date at the right.
 */
export async function renderBulletinPdf(d: BulletinDocument): Promise<Buffer> {
  const doc = newPdf({ margins: { top: 30 * MM, bottom: 30 * MM, left: 26 * MM, right: 24 * MM }, info: { Title: d.title, Subject: d.number } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const body = 13;

  doc.font('cjk-bold').fontSize(26).fillColor(RED).text(`${d.issuer}通报`, { align: 'center' });
  doc.moveDown(0.4);
  doc.font('cjk').fontSize(12).fillColor('#000000').text(d.number, { align: 'center' });
  doc.moveDown(0.3);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(1.5).stroke(RED);
  doc.moveDown(1);
  doc.font('cjk-bold').fontSize(18).fillColor('#000000').text(d.title, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('cjk').fontSize(body).text(`${d.recipients}：`);
  doc.moveDown(0.3);
  doc.text(d.intro, { indent: body * 2, lineGap: 4 });
  d.sections.forEach((s, i) => {
    doc.moveDown(0.5);
    doc.font('cjk-bold').fontSize(body).text(`${CHINESE_ORDINALS[i] ?? i + 1}、${s.title}`, left, doc.y, { indent: body * 2 });
    doc.font('cjk').fontSize(body);
    for (const p of s.paragraphs) doc.text(p, left, doc.y, { indent: body * 2, lineGap: 4, align: 'justify' });
    doc.moveDown(0.3);
    for (const t of s.tables) drawTable(doc, t, left, width);
  });
  doc.moveDown(0.5);
  doc.font('cjk').fontSize(body).text(d.closing, left, doc.y, { indent: body * 2, lineGap: 4 });
  doc.moveDown(2);
  if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.text(d.issuer, left, doc.y, { width: width - 20, align: 'right' });
  doc.text(d.date, { width: width - 20, align: 'right' });
  return pdfBytes(doc);
}

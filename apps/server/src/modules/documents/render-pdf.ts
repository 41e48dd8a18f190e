import type { OfficialDocument } from './document-texts.js';
import { newPdf, pdfBytes } from './pdf-fonts.js';

const MM = 72 / 25.4;
/** GB/T 9704 type sizes in points: 2号 (title), 3号 (body, 发文字号), 4号 (page numbers). */
const SIZE_2 = 22;
const SIZE_3 = 16;
const SIZE_4 = 14;
/** The red of the 版头 (发文机关标志 and the separator line). */
const RED = '#d40000';

/**
 * Lays an official document out on A4 after GB/T 9704—2012 (党政机关公文格式): margins of 37 mm top,
 * 28 mm left (text area 156 × 225 mm); the 版头 with the issuing unit's mark in red, the 发文字号
 * centred under it and the red separator line; the title in 2号 bold serif centred; the recipient
 * flush left; the body in 3号 serif with paragraphs indented two characters, about 22 lines a page;
 * the facts of the case in a ruled table kept whole on one page; the issuing unit and date at the
 * right under a seal placeholder; page numbers "— n —" in 4号, odd pages right and even pages left.
 */
export async function renderDocumentPdf(d: OfficialDocument): Promise<Buffer> {
  const doc = newPdf({ bufferPages: true, margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM }, info: { Title: `${d.title} ${d.caseCode}`, Subject: d.caseCode } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  // 22 lines of 3号 text in the 225 mm text area.
  const lineGap = Math.max(0, (225 * MM) / 22 - doc.font('serif').fontSize(SIZE_3).currentLineHeight());

  // 版头: the issuing unit's mark in red, as wide as it may be up to the text area.
  doc.font('serif-bold').fillColor(RED);
  let markSize = 30;
  while (markSize > 16 && doc.fontSize(markSize).widthOfString(d.unitName) > width) markSize -= 1;
  doc.fontSize(markSize).text(d.unitName, left, doc.y, { width, align: 'center', characterSpacing: markSize >= 24 ? 2 : 0 });
  doc.moveDown(0.8);
  doc.fillColor('#000000').font('serif').fontSize(SIZE_3).text(d.number, left, doc.y, { width, align: 'center' });
  const ruleY = doc.y + 4 * MM;
  doc.save().moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(1.2).stroke(RED).restore();
  doc.y = ruleY + 2 * SIZE_3;

  // Title and recipient.
  doc.font('serif-bold').fontSize(SIZE_2).text(d.title, left, doc.y, { width, align: 'center', lineGap: 4 });
  doc.moveDown(0.8);
  doc.font('serif').fontSize(SIZE_3).text(d.recipient, left, doc.y, { width, lineGap });
  for (const paragraph of d.paragraphs) doc.text(paragraph, left, doc.y, { width, indent: SIZE_3 * 2, lineGap, align: 'justify' });

  // The facts of the case in a ruled table, kept on one page (a table split over two pages reads as two).
  doc.moveDown(0.8);
  doc.font('serif').fontSize(12);
  const labelWidth = 84;
  const valueWidth = width - labelWidth;
  const rows = d.facts.map(([label, value]) => ({
    label,
    value,
    height: Math.max(doc.heightOfString(value, { width: valueWidth - 12 }), doc.heightOfString(label, { width: labelWidth - 12 }), 14) + 10,
  }));
  const tableHeight = rows.reduce((sum, r) => sum + r.height, 0);
  const pageRoom = bottom() - doc.page.margins.top;
  if (doc.y + tableHeight > bottom() && tableHeight <= pageRoom) doc.addPage();
  for (const row of rows) {
    // A table taller than a page breaks between rows, never inside one.
    if (doc.y + row.height > bottom()) doc.addPage();
    const top = doc.y;
    doc.rect(left, top, labelWidth, row.height).rect(left + labelWidth, top, valueWidth, row.height).lineWidth(0.5).stroke('#000000');
    doc.fillColor('#000000').text(row.label, left + 6, top + 5, { width: labelWidth - 12 });
    doc.text(row.value, left + labelWidth + 6, top + 5, { width: valueWidth - 12 });
    doc.x = left;
    doc.y = top + row.height;
  }

  // Signature: the unit and the date at the right (the date under the unit), the seal over them.
  doc.font('serif').fontSize(SIZE_3);
  if (doc.y + 4 * SIZE_3 + 60 > bottom()) doc.addPage();
  else doc.moveDown(2);
  const signWidth = width - 4 * SIZE_3;
  doc.text(d.unitName, left, doc.y, { width: signWidth, align: 'right' });
  doc.text(d.date, left, doc.y + 4, { width: signWidth, align: 'right' });
  const cx = left + signWidth - 60;
  const cy = doc.y - SIZE_3 - 4;
  doc.save().circle(cx, cy, 40).lineWidth(1.5).dash(3, { space: 3 }).stroke(RED).restore();
  doc.fillColor(RED).fontSize(10).text(d.seal, cx - 40, cy - 6, { width: 80, align: 'center' });
  doc.fillColor('#000000');

  // Page numbers under the text area: "— 1 —", odd pages at the right and even at the left, a character in.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const n = i - range.start + 1;
    doc.font('serif').fontSize(SIZE_4).text(`— ${n} —`, left + SIZE_4, doc.page.height - margin + 7 * MM, { width: width - 2 * SIZE_4, align: n % 2 ? 'right' : 'left', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  return pdfBytes(doc);
}

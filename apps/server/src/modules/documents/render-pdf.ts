import type { OfficialDocument } from './document-texts.js';
import { newPdf, pdfBytes } from './pdf-fonts.js';

const MM = 72 / 25.4;

/**
 * Lays an official document out on A4 in the manner of GB/T 9704: title centred, number under
 * it, recipient flush left, body paragraphs indented two characters, the issuing unit and date
 * at the right, a seal placeholder over them.
 */
export async function renderDocumentPdf(d: OfficialDocument): Promise<Buffer> {
  const doc = newPdf({ margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM }, info: { Title: `${d.title} ${d.caseCode}`, Subject: d.caseCode } });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const body = 15;

  doc.font('cjk-bold').fontSize(22).text(d.title, { align: 'center' });
  doc.moveDown(0.4);
  doc.font('cjk').fontSize(12).text(d.number, { align: 'center' });
  doc.moveDown(1.2);
  doc.fontSize(body).text(d.recipient);
  doc.moveDown(0.3);
  for (const paragraph of d.paragraphs) {
    doc.text(paragraph, { indent: body * 2, lineGap: 6, align: 'justify' });
    doc.moveDown(0.3);
  }

  // The facts of the case in a ruled box, so the document can be checked against the ledger.
  doc.moveDown(0.6);
  const left = doc.page.margins.left;
  const labelWidth = 80;
  doc.fontSize(11);
  for (const [label, value] of d.facts) {
    const y = doc.y;
    const height = Math.max(doc.heightOfString(value, { width: width - labelWidth - 12 }), 14) + 8;
    if (y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    doc.rect(left, top, labelWidth, height).rect(left + labelWidth, top, width - labelWidth, height).lineWidth(0.5).stroke('#666666');
    doc.fillColor('#000000').text(label, left + 6, top + 4, { width: labelWidth - 12 });
    doc.text(value, left + labelWidth + 6, top + 4, { width: width - labelWidth - 12 });
    doc.x = left;
    doc.y = top + height;
  }

  // Signature block: unit and date at the right, the seal placeholder drawn over them.
  doc.moveDown(2.5);
  if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.fontSize(body).text(d.unitName, left, doc.y, { width: width - 20, align: 'right' });
  doc.moveDown(0.3);
  doc.text(d.date, { width: width - 20, align: 'right' });
  const cx = left + width - 70;
  const cy = doc.y - 28;
  doc.save().circle(cx, cy, 38).lineWidth(1.5).dash(3, { space: 3 }).stroke('#c00000').restore();
  doc.fillColor('#c00000').fontSize(10).text(d.seal, cx - 38, cy - 6, { width: 76, align: 'center' });
  doc.fillColor('#000000');
  return pdfBytes(doc);
}

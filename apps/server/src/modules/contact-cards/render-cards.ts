import QRCode from 'qrcode';
import { newPdf, pdfBytes } from '../documents/pdf-fonts.js';

/** One printed card. */
export interface ContactCard {
  villageName: string;
  cadreName: string | null;
  cadrePhone: string | null;
  hotline: string;
  qrUrl: string;
  /** The household the card is addressed to (masked head name and address), if any. */
  household: string | null;
}

const MM = 72 / 25.4;
const CARD_W = 90 * MM;
const CARD_H = 54 * MM;
const COLUMNS = 2;
const ROWS = 5;
const GAP = 6 * MM;
const QR_SIZE = 26 * MM;

/** Draws the QR code as vector squares: sharp at any print resolution, a few hundred bytes. */
export function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill().restore();
}

/** An A4 sheet (or several) of 90 × 54 mm cards with cut lines, ten to a page. */
export async function renderContactCards(cards: ContactCard[]): Promise<Buffer> {
  const doc = newPdf({ margin: 0, info: { Title: '民情联系卡' } });
  const left = (doc.page.width - COLUMNS * CARD_W - (COLUMNS - 1) * GAP) / 2;
  const top = (doc.page.height - ROWS * CARD_H - (ROWS - 1) * GAP) / 2;
  cards.forEach((card, i) => {
    const slot = i % (COLUMNS * ROWS);
    if (i > 0 && slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const x = left + (slot % COLUMNS) * (CARD_W + GAP);
    const y = top + Math.floor(slot / COLUMNS) * (CARD_H + GAP);
    doc.save().rect(x, y, CARD_W, CARD_H).lineWidth(0.5).dash(2, { space: 2 }).stroke('#999999').restore();
    doc.save().rect(x, y, CARD_W, 9 * MM).fill('#b71c1c').restore();
    doc.font('cjk-bold').fontSize(13).fillColor('#ffffff').text('民情联系卡', x + 4 * MM, y + 2.2 * MM, { width: CARD_W - 8 * MM, lineBreak: false });
    doc.font('cjk').fontSize(7.5).text('连心 · 群众工作平台', x + 4 * MM, y + 3.4 * MM, { width: CARD_W - 8 * MM, align: 'right', lineBreak: false });
    const textX = x + 4 * MM;
    const textWidth = CARD_W - QR_SIZE - 10 * MM;
    doc.fillColor('#000000').font('cjk-bold').fontSize(9.5).text(card.villageName, textX, y + 12 * MM, { width: textWidth });
    doc.font('cjk').fontSize(8.5);
    doc.text(`联系干部：${card.cadreName ?? '村（居）委会'}`, textX, doc.y + 1.2 * MM, { width: textWidth });
    doc.text(`联系电话：${card.cadrePhone ?? '—'}`, { width: textWidth });
    doc.text(`服务热线：${card.hotline}`, { width: textWidth });
    if (card.household) doc.fontSize(7.5).fillColor('#333333').text(`联系户：${card.household}`, { width: textWidth, height: 8 * MM, ellipsis: true });
    drawQr(doc, card.qrUrl, x + CARD_W - QR_SIZE - 4 * MM, y + 12 * MM, QR_SIZE);
    doc.fillColor('#b71c1c').font('cjk').fontSize(7).text('扫码反映诉求 · 查询进度', x + CARD_W - QR_SIZE - 6 * MM, y + 12 * MM + QR_SIZE + 1.5 * MM, { width: QR_SIZE + 4 * MM, align: 'center', lineBreak: false });
    doc.fillColor('#555555').fontSize(6.5).text('有事找我 · 件件有着落 · 事事有回音', x + 4 * MM, y + CARD_H - 5.5 * MM, { width: textWidth + 4 * MM, lineBreak: false });
    doc.fillColor('#000000');
  });
  return pdfBytes(doc);
}

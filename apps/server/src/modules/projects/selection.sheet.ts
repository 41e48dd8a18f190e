import { type Locale, localDate } from '@lianxin/core';
import { newPdf, pdfBytes } from '../documents/pdf-fonts.js';

/** What the confirmation sheet states. */
export interface SheetData {
  projectName: string;
  leadUnitName: string;
  number: number;
  order: number | null;
  headName: string;
  address: string;
  people: number;
  entitledArea: number;
  flat: { name: string; floor: number; size: number; type: string } | null;
  desk: string | null;
  chosenAt: string;
  staffName: string;
}

type Pair = [zh: string, en: string];
const T = {
  title: ['选房确认书', 'Flat Selection Confirmation'],
  project: ['项目名称', 'Project'],
  number: ['登记号', 'Registration no.'],
  order: ['选房顺序号', 'Place in order'],
  head: ['户主', 'Head of household'],
  address: ['原住址', 'Former address'],
  people: ['安置人口', 'People'],
  entitled: ['安置面积', 'Entitled area'],
  flat: ['选定房源', 'Flat chosen'],
  floor: ['楼层', 'Floor'],
  size: ['建筑面积', 'Floor area'],
  type: ['户型', 'Type'],
  desk: ['选房窗口', 'Desk'],
  time: ['确认时间', 'Confirmed at'],
  staff: ['经办人', 'Staff'],
  statement: [
    '本户已知悉安置政策和选房办法，按选房顺序号在现场自主选定上述房源，确认无误。本确认书经签字后生效，选房结果将予以公示。',
    'The household knows the resettlement policy and the selection method, chose the flat above in its turn of its own will, and confirms it. This sheet takes effect when signed; the results will be published.',
  ],
  signHousehold: ['户主（或受托人）签字：', 'Signature of the household head (or proxy):'],
  signStaff: ['经办人签字：', 'Signature of the staff member:'],
  date: ['日期：', 'Date:'],
} satisfies Record<string, Pair>;

const pick = (p: Pair, locale: Locale) => p[locale === 'en-US' ? 1 : 0];
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The 选房确认书 as an A4 PDF with the CJK font of `documents`: facts in a ruled table, the statement, signature lines. */
export async function renderConfirmationSheet(d: SheetData, locale: Locale): Promise<Buffer> {
  const doc = newPdf({ margins: { top: 72, bottom: 60, left: 72, right: 72 }, info: { Title: `${pick(T.title, locale)} ${d.projectName} ${d.number}` } });
  const width = doc.page.width - 144;
  doc.font('cjk-bold').fontSize(22).text(pick(T.title, locale), { align: 'center' });
  doc.moveDown(0.3).font('cjk').fontSize(11).text(d.leadUnitName, { align: 'center' });
  doc.moveDown(1);
  const sq = locale === 'en-US' ? ' m²' : '平方米';
  const rows: Array<[string, string]> = [
    [pick(T.project, locale), d.projectName],
    [pick(T.number, locale), String(d.number)],
    [pick(T.order, locale), d.order === null ? '—' : String(d.order)],
    [pick(T.head, locale), d.headName],
    [pick(T.address, locale), d.address],
    [pick(T.people, locale), String(d.people)],
    [pick(T.entitled, locale), `${d.entitledArea}${sq}`],
    [pick(T.flat, locale), d.flat?.name ?? '—'],
    [pick(T.floor, locale), d.flat ? String(d.flat.floor) : '—'],
    [pick(T.size, locale), d.flat ? `${d.flat.size}${sq}` : '—'],
    [pick(T.type, locale), d.flat?.type ?? '—'],
    [pick(T.desk, locale), d.desk ?? '—'],
    [pick(T.time, locale), chinaTime(d.chosenAt)],
    [pick(T.staff, locale), d.staffName],
  ];
  const labelW = 130;
  const rowH = 26;
  let y = doc.y;
  doc.fontSize(12);
  for (const [k, v] of rows) {
    doc.rect(72, y, labelW, rowH).stroke().rect(72 + labelW, y, width - labelW, rowH).stroke();
    doc.text(k, 80, y + 7, { width: labelW - 16 });
    doc.text(v, 80 + labelW, y + 7, { width: width - labelW - 16, height: rowH - 8, ellipsis: true });
    y += rowH;
  }
  doc.x = 72;
  doc.y = y + 20;
  doc.fontSize(12).text(pick(T.statement, locale), { width, lineGap: 4 });
  doc.moveDown(3);
  doc.text(pick(T.signHousehold, locale), { width });
  doc.moveDown(2);
  doc.text(pick(T.signStaff, locale), { width });
  doc.moveDown(2);
  const [yy, mm, dd] = localDate(new Date(d.chosenAt)).split('-').map(Number);
  doc.text(`${pick(T.date, locale)}${locale === 'en-US' ? `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}` : `${yy}年${mm}月${dd}日`}`, { width });
  return pdfBytes(doc);
}

import { label, localDate, type Locale, type MeetingDetail, type ReviewDecisionKind } from '@lianxin/core';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { newPdf, pdfBytes } from '../documents/pdf-fonts.js';

/**
 * 会审纪要: the minutes of a joint review as an official document (GB/T 9704 manner, like the case
 * documents of `modules/documents`): title, number, the meeting's facts, the minutes, one decision
 * per case, the issuing unit and date at the right. One text model feeds the PDF and the DOCX.
 */

type Pair = [zh: string, en: string];
const TEXT = {
  title: ['积案集中会审纪要', 'Minutes of the Joint Review of Long-standing Cases'],
  time: ['时间', 'Time'],
  place: ['地点', 'Place'],
  chair: ['主持', 'Chair'],
  units: ['参会单位', 'Units attending'],
  agenda: ['会议集中审议了以下 {n} 件积案。', 'The meeting reviewed the following {n} long-standing cases.'],
  minutes: ['一、会议纪要', 'I. Minutes'],
  decisions: ['二、会审决定', 'II. Decisions'],
  none: ['（未作决定）', '(no decision)'],
  draft: ['（会议尚未召开，本纪要为草稿）', '(The meeting has not been held yet; this is a draft.)'],
} satisfies Record<string, Pair>;

const DECISIONS: Record<ReviewDecisionKind, Pair> = {
  assign_leader: ['明确领导包案', 'A leader is assigned to the case'],
  task_force: ['成立专案组攻坚', 'A task force is formed'],
  new_date: ['重新明确办理期限', 'A new due date is set'],
  close: ['依法依规办结', 'The case is closed'],
};

const pick = (pair: Pair, locale: Locale) => pair[locale === 'en-US' ? 1 : 0];

function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = localDate(new Date(iso)).split('-').map(Number);
  return locale === 'en-US' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${y}年${m}月${d}日`;
}
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The wording of the minutes, in Chinese (the official text) or English. */
export interface MinutesText {
  title: string;
  number: string;
  facts: string[];
  sections: Array<{ heading: string; paragraphs: string[] }>;
  unitName: string;
  date: string;
}

export function composeMinutes(m: MeetingDetail, unitName: string, locale: Locale): MinutesText {
  const sep = locale === 'en-US' ? ': ' : '：';
  const list = locale === 'en-US' ? ', ' : '、';
  const decisions = m.cases.map((c, i) => {
    const what = c.decision ? pick(DECISIONS[c.decision], locale) : pick(TEXT.none, locale);
    const extra = c.decisionNote ? `${locale === 'en-US' ? '. ' : '。'}${c.decisionNote}` : '';
    const state = label('state', c.status, locale);
    return `${i + 1}. ${c.code} ${c.title}（${c.unitName ?? '—'}，${state}）${sep}${what}${extra}`;
  });
  const minutes = (m.minutes ?? '').split(/\n+/).map((p) => p.trim()).filter(Boolean);
  return {
    title: pick(TEXT.title, locale),
    number: m.number,
    facts: [
      `${pick(TEXT.time, locale)}${sep}${chinaTime(m.scheduledAt)}`,
      `${pick(TEXT.place, locale)}${sep}${m.place}`,
      `${pick(TEXT.chair, locale)}${sep}${m.chair.name}`,
      `${pick(TEXT.units, locale)}${sep}${m.units.map((u) => u.name).join(list)}`,
      pick(TEXT.agenda, locale).replace('{n}', String(m.cases.length)),
      ...(m.status === 'planned' ? [pick(TEXT.draft, locale)] : []),
    ],
    sections: [
      { heading: pick(TEXT.minutes, locale), paragraphs: minutes },
      { heading: pick(TEXT.decisions, locale), paragraphs: decisions },
    ],
    unitName,
    date: formatDate(m.heldAt ?? m.scheduledAt, locale),
  };
}

const MM = 72 / 25.4;

async function minutesPdf(t: MinutesText): Promise<Buffer> {
  const doc = newPdf({ margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM }, info: { Title: `${t.title} ${t.number}` } });
  const body = 14;
  doc.font('cjk-bold').fontSize(22).fillColor('#c00000').text(t.title, { align: 'center' });
  doc.fillColor('#000000').moveDown(0.4);
  doc.font('cjk').fontSize(12).text(t.number, { align: 'center' });
  const y = doc.y + 6;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(1.5).stroke('#c00000');
  doc.moveDown(1.2);
  doc.fontSize(body);
  for (const fact of t.facts) doc.text(fact, { indent: body * 2, lineGap: 5 });
  for (const section of t.sections) {
    doc.moveDown(0.6);
    doc.font('cjk-bold').text(section.heading, { indent: body * 2 });
    doc.font('cjk');
    for (const p of section.paragraphs) doc.text(p, { indent: body * 2, lineGap: 5, align: 'justify' });
  }
  doc.moveDown(2);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.text(t.unitName, doc.page.margins.left, doc.y, { width: width - 20, align: 'right' });
  doc.text(t.date, { width: width - 20, align: 'right' });
  return pdfBytes(doc);
}

const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const pt = (n: number) => n * 2;
const cm = (n: number) => Math.round((n / 2.54) * 1440);

async function minutesDocx(t: MinutesText): Promise<Buffer> {
  const run = (text: string, font = BODY_FONT) => new TextRun({ text, size: pt(16), font });
  const para = (text: string, font = BODY_FONT) => new Paragraph({ indent: { firstLine: pt(16) * 20 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED, children: [run(text, font)] });
  const doc = new Document({
    creator: t.unitName,
    title: `${t.title} ${t.number}`,
    sections: [
      {
        properties: { page: { margin: { top: cm(3.7), bottom: cm(3.5), left: cm(2.8), right: cm(2.6) } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: t.title, size: pt(22), font: TITLE_FONT, bold: true, color: 'C00000' })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, border: { bottom: { style: 'single', size: 12, color: 'C00000', space: 4 } }, children: [new TextRun({ text: t.number, size: pt(14), font: BODY_FONT })] }),
          ...t.facts.map((f) => para(f)),
          ...t.sections.flatMap((s) => [para(s.heading, HEADING_FONT), ...s.paragraphs.map((p) => para(p))]),
          new Paragraph({ spacing: { before: 600 }, alignment: AlignmentType.RIGHT, children: [run(t.unitName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(t.date)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The minutes as a file of `format`. */
export function renderMinutes(m: MeetingDetail, unitName: string, format: 'docx' | 'pdf', locale: Locale): Promise<Buffer> {
  const text = composeMinutes(m, unitName, locale);
  return format === 'pdf' ? minutesPdf(text) : minutesDocx(text);
}

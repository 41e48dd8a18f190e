import ExcelJS from 'exceljs';
import { type AttendanceSheetSchema, type Contract, type DutyRosterSchema, label, type Locale } from '@lianxin/core';
import type { FileToSend } from '../../http/send-file.js';
import type { OfficialDocument } from '../documents/document-texts.js';
import { renderDocumentPdf } from '../documents/render-pdf.js';

type Roster = Contract<typeof DutyRosterSchema>;
type Sheet = Contract<typeof AttendanceSheetSchema>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const WEEKDAYS_ZH = ['', '一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function header(sheet: ExcelJS.Worksheet, columns: Array<[string, number]>) {
  sheet.columns = columns.map(([title, width]) => ({ header: title, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

const dayKind = (d: Roster['days'][number], en: boolean) => (d.holiday ? d.holiday : d.working ? (en ? 'Working day' : '工作日') : en ? 'Day off' : '休息日');
const who = (p: { name: string } | null, en: boolean) => p?.name ?? (en ? '(unfilled)' : '（空缺）');

/** The roster as a workbook: one line per day, the shifts side by side, weekends and holidays shaded, gaps in red. */
export async function rosterWorkbook(r: Roster, locale: Locale): Promise<FileToSend> {
  const en = locale === 'en-US';
  const book = new ExcelJS.Workbook();
  book.creator = '连心 Lianxin';
  const sheet = book.addWorksheet(en ? 'Roster' : '值班表');
  header(
    sheet,
    en
      ? [['Date', 12], ['Day', 6], ['Kind', 12], ['Day shift', 14], ['Day lead', 14], ['Night shift', 14], ['Night lead', 14]]
      : [['日期', 12], ['星期', 6], ['类型', 12], ['白班值班', 14], ['白班带班领导', 14], ['夜班值班', 14], ['夜班带班领导', 14]],
  );
  for (const d of r.days) {
    const [day, night] = d.slots;
    const row = sheet.addRow([d.date, (en ? WEEKDAYS_EN : WEEKDAYS_ZH)[d.weekday], dayKind(d, en), who(day!.person, en), day!.lead?.name ?? '', who(night!.person, en), night!.lead?.name ?? '']);
    if (!d.working) row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };
    for (const [i, s] of [[4, day], [6, night]] as const) if (!s!.person) row.getCell(i).font = { color: { argb: 'FFCF1322' }, bold: true };
  }
  sheet.addRow([]);
  sheet.addRow([en ? `${r.unit.name}, ${r.from} to ${r.to}; duty phone ${r.unit.phone ?? '—'}` : `${r.unit.name} ${r.from} 至 ${r.to}；值班电话：${r.unit.phone ?? '—'}`]);
  return { data: Buffer.from(await book.xlsx.writeBuffer()), fileName: `${en ? 'roster' : '值班表'}_${r.unit.name}_${r.from}.xlsx`, mimeType: XLSX };
}

/** The roster to print and post: an official-style sheet with a line per day. */
export async function rosterPdf(r: Roster, locale: Locale, printedOn: string): Promise<FileToSend> {
  const en = locale === 'en-US';
  const facts: Array<[string, string]> = r.days.map((d) => {
    const [day, night] = d.slots;
    const wd = (en ? WEEKDAYS_EN : WEEKDAYS_ZH)[d.weekday];
    const lead = (s: typeof day) => (s!.lead ? (en ? ` (lead ${s!.lead.name})` : `（带班：${s!.lead.name}）`) : '');
    return [
      `${d.date.slice(5)} ${en ? wd : `周${wd}`}${d.working ? '' : ' ·'}`,
      `${label('dutyShift', 'day', locale)}：${who(day!.person, en)}${lead(day)}　${label('dutyShift', 'night', locale)}：${who(night!.person, en)}${lead(night)}${d.holiday ? `　${d.holiday}` : ''}`,
    ];
  });
  const doc: OfficialDocument = {
    type: 'duty_roster',
    title: en ? 'Duty Roster' : '值班表',
    number: `${r.from} — ${r.to}`,
    recipient: en ? `${r.unit.name}` : `${r.unit.name}：`,
    paragraphs: [
      en
        ? `Day shift 08:00–18:00, night shift 18:00–08:00 the next day. Days off are marked ·. Duty phone: ${r.unit.phone ?? '—'}. Swaps need the unit head's approval.`
        : `白班 08:00—18:00，夜班 18:00—次日 08:00；标“·”者为休息日或节假日。值班电话：${r.unit.phone ?? '—'}。调班须经单位负责人批准。`,
    ],
    facts,
    unitName: r.unit.name,
    date: printedOn,
    seal: en ? '(seal)' : '（印章）',
    caseCode: `${r.unit.name} ${r.from}`,
  };
  return { data: await renderDocumentPdf(doc), fileName: `${en ? 'roster' : '值班表'}_${r.unit.name}_${r.from}.pdf`, mimeType: PDF };
}

const MARK_SHORT: Record<string, [string, string]> = { present: ['√', 'P'], absent: ['×', 'A'], leave: ['假', 'L'], trip: ['差', 'T'], rest: ['休', '-'], future: ['', ''] };

/** The monthly attendance sheet: a line per person, a column per day, totals at the right, corrections noted. */
export async function attendanceWorkbook(s: Sheet, locale: Locale): Promise<FileToSend> {
  const en = locale === 'en-US';
  const book = new ExcelJS.Workbook();
  book.creator = '连心 Lianxin';
  const sheet = book.addWorksheet(en ? 'Attendance' : '考勤表');
  const days = s.dates.map((d): [string, number] => [String(Number(d.date.slice(8))), 4]);
  header(sheet, [[en ? 'Name' : '姓名', 10], ...days, [en ? 'Present' : '出勤', 6], [en ? 'Leave' : '请假', 6], [en ? 'Trip' : '出差', 6], [en ? 'Absent' : '缺勤', 6]]);
  for (const r of s.rows) {
    const row = sheet.addRow([r.person.name, ...r.marks.map((m) => MARK_SHORT[m]![en ? 1 : 0]), r.present, r.leave, r.trip, r.absent]);
    s.dates.forEach((d, i) => {
      if (!d.working) row.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };
      if (r.corrected.includes(d.date)) row.getCell(i + 2).note = en ? 'Corrected by the unit head' : '经单位负责人更正';
      if (r.marks[i] === 'absent') row.getCell(i + 2).font = { color: { argb: 'FFCF1322' } };
    });
  }
  sheet.addRow([]);
  sheet.addRow([en ? `${s.unit.name}, ${s.month}. P present, L leave, T trip, A absent, - day off` : `${s.unit.name} ${s.month} 考勤。√出勤 假请假 差出差 ×缺勤 休休息日`]);
  return { data: Buffer.from(await book.xlsx.writeBuffer()), fileName: `${en ? 'attendance' : '考勤表'}_${s.unit.name}_${s.month}.xlsx`, mimeType: XLSX };
}

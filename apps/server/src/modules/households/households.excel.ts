import { HOUSEHOLD_RELATIONSHIPS, type HouseholdRelationship, RELATIONSHIP_LABELS } from '@lianxin/core';
import ExcelJS from 'exceljs';

/**
 * The Excel ledger (台账) of households: one row per household, Chinese headers. The head's ID
 * number and phone have their own columns; other members share one cell as
 * "姓名/关系/身份证号/电话", separated by "；" — the layout village cadres already keep by hand.
 */

export const IMPORT_COLUMNS = [
  { key: 'areaCode', header: '区划代码', required: true, width: 18, note: '村（社区）或网格的12/15位区划代码' },
  { key: 'address', header: '地址', required: true, width: 28, note: '如：上屋组12号' },
  { key: 'headName', header: '户主姓名', required: true, width: 12, note: '' },
  { key: 'headIdNumber', header: '户主身份证号', required: false, width: 22, note: '18位，末位可为X' },
  { key: 'headPhone', header: '户主电话', required: false, width: 15, note: '手机或座机' },
  { key: 'lng', header: '经度', required: false, width: 12, note: 'WGS-84，如 115.9062' },
  { key: 'lat', header: '纬度', required: false, width: 12, note: 'WGS-84，如 27.8031' },
  { key: 'tags', header: '标签', required: false, width: 20, note: '多个用“、”分隔，如：低保、独居老人' },
  { key: 'contact', header: '联户干部账号', required: false, width: 14, note: '平台用户名' },
  { key: 'needs', header: '需求', required: false, width: 24, note: '' },
  { key: 'notes', header: '备注', required: false, width: 20, note: '' },
  { key: 'members', header: '其他成员', required: false, width: 48, note: '每人“姓名/关系/身份证号/电话”，多人用“；”分隔，如：李桂花/配偶/36990119500305002X/13907981234' },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
export const COLUMN_HEADER = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<ImportColumnKey, string>;

/** Extra columns of the export, before the import columns (the export can be re-read as a template). */
const EXPORT_EXTRA = [
  { header: '户编号', width: 38 },
  { header: '区划名称', width: 14 },
  { header: '成员数', width: 8 },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };

function styleHeader(sheet: ExcelJS.Worksheet, requiredFrom: number) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    cell.fill = HEADER_FILL;
    const def = IMPORT_COLUMNS[col - requiredFrom];
    if (def?.required) cell.font = { bold: true, color: { argb: 'FFCF1322' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The import template: the ledger sheet with an example row, and a sheet of instructions. */
export async function buildTemplate(tags: { nameZh: string; code: string }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '连心';
  const sheet = book.addWorksheet('民情档案');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet, 1);
  sheet.addRow({
    areaCode: '369901100201',
    address: '上屋组12号',
    headName: '刘建华',
    headIdNumber: '',
    headPhone: '13907981234',
    lng: 115.8857,
    lat: 27.8118,
    tags: '低保、独居老人',
    contact: '',
    needs: '房屋漏雨，需危房改造',
    notes: '示例行，导入前请删除',
    members: '李桂花/配偶//13907985678；刘小龙/子女//',
  });
  const help = book.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 16 }, { header: '说明', width: 90 }];
  styleHeader(help, 99);
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, `${c.required ? '【必填】' : ''}${c.note}`]);
  help.addRow([]);
  help.addRow(['可用标签', tags.map((t) => t.nameZh).join('、')]);
  help.addRow(['成员关系', HOUSEHOLD_RELATIONSHIPS.map((r) => RELATIONSHIP_LABELS[r][0]).join('、')]);
  help.addRow(['导入规则', '每行一户，逐行校验：有错误的行不导入并在结果中列出行号和原因，其余行照常导入；同一行要么整行导入，要么不导入。']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A member as written in the 其他成员 cell, or null when the text does not fit the pattern. */
export function parseMemberCell(part: string): { name: string; relationship: HouseholdRelationship | null; idNumber?: string; phone?: string } | null {
  const [name, relation, idNumber, phone, ...rest] = part.split(/[/／]/).map((s) => s.trim());
  if (!name || rest.length) return null;
  const relationship = (HOUSEHOLD_RELATIONSHIPS.find((r) => RELATIONSHIP_LABELS[r][0] === relation || r === relation || RELATIONSHIP_LABELS[r][0].split('/').includes(relation ?? '')) ?? null) as HouseholdRelationship | null;
  return { name, relationship, ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) };
}

/** Text of a cell whatever Excel made of it (numbers, rich text, hyperlinks, formulas). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** The rows of the first sheet as { column key → text }, with their sheet row numbers. */
export async function readLedger(data: Buffer): Promise<{ missing: string[]; rows: { rowNumber: number; cells: Partial<Record<ImportColumnKey, string>> }[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return { missing: IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header), rows: [] };
  const byColumn = new Map<number, ImportColumnKey>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/[*＊\s]/g, '');
    const def = IMPORT_COLUMNS.find((c) => c.header === text || c.key === text);
    if (def) byColumn.set(col, def.key);
  });
  const found = new Set(byColumn.values());
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !found.has(c.key)).map((c) => c.header);
  const rows: { rowNumber: number; cells: Partial<Record<ImportColumnKey, string>> }[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Partial<Record<ImportColumnKey, string>> = {};
    for (const [col, key] of byColumn) {
      const text = cellText(row.getCell(col).value);
      if (text) cells[key] = text;
    }
    if (Object.keys(cells).length) rows.push({ rowNumber, cells });
  });
  return { missing, rows };
}

/** One household as an export row. */
export interface ExportRow {
  id: string;
  areaName: string;
  memberCount: number;
  cells: Record<ImportColumnKey, string | number | null>;
}

/** The export workbook: the import columns after 户编号/区划名称/成员数. */
export async function buildExport(rows: ExportRow[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '连心';
  const sheet = book.addWorksheet(title);
  sheet.columns = [...EXPORT_EXTRA.map((c) => ({ header: c.header, width: c.width })), ...IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }))];
  styleHeader(sheet, EXPORT_EXTRA.length + 1);
  for (const r of rows) sheet.addRow([r.id, r.areaName, r.memberCount, ...IMPORT_COLUMNS.map((c) => r.cells[c.key] ?? '')]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

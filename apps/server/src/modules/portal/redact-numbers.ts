import type { RedactionSpan } from './redact-span.js';

/**
 * The numbers and addresses that identify a person: phones (mobile, landline with area code, +86),
 * ID numbers (18 and 15 digits), bank cards and other long runs, numbers dictated in Chinese
 * digits, e-mail, WeChat/QQ accounts, licence plates, and house or room numbers of people. What
 * is not personal stays: dates, times, amounts, document numbers (青民发〔2025〕12号), school years,
 * and building or unit counts of an ordinary sentence (东门小区6栋的下水道).
 */

/** Digits and numerals in addresses: 12, 十二, 两. */
const N = '(?:\\d+|[零〇一二三四五六七八九十两]+)';

/** Things made of digits that are not personal: blanked out (same length) before the digit rules run. */
const NOT_PERSONAL = [
  // Dates: 2026-03-02, 2026.3.2, 2026/03/02, 2026年3月2日.
  /\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*[日号]?/g,
  // Times: 8:30, 14:30:00.
  /\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g,
  // Document numbers: 〔2025〕12号, [2025]12号, (2025)第3号, 2025年第12号.
  /[〔［\[【（(]\s*\d{4}\s*[〕］\]】）)]\s*第?\s*\d+\s*号/g,
  /\d{4}年第\d+号/g,
  // Year ranges: 2025-2026学年.
  /(?:19|20)\d{2}\s*[-–—~～至到]\s*(?:19|20)\d{2}/g,
  // Amounts and measures: 3000000元, 12.5万, 1200000平方米.
  /\d+(?:[.,，]\d+)*\s*(?=万|亿|元|块|角|亩|平方|㎡|米|公里|千米|公斤|千克|斤|吨|人次|人|户|次|个|天|小时|分钟|岁|%|％|度|方)/g,
];

const rx = (source: string, flags = 'g') => new RegExp(source, flags);

/** Patterns whose whole match (or group 1) is personal. */
const ALWAYS: Array<{ re: RegExp; group?: number }> = [
  { re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { re: /(?:微信号?|QQ号?|qq号?)\s*[:：是为]?\s*([A-Za-z][A-Za-z0-9_-]{4,19}|\d{5,12})/g, group: 1 },
  // Licence plates: 赣A12345, 赣A·D12345 (the province stays).
  { re: /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]([A-Z][·•\s]?[A-Z0-9]{5,6})(?![A-Za-z0-9])/g, group: 1 },
  // ID numbers: 18 digits (X check digit), groups may be spaced; 15 digits.
  { re: /(?<![\dA-Za-z])\d{6}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{3}[\dXx](?![\dA-Za-z])/g },
  // Any run of 7+ digits, single spaces, dots or dashes allowed between them: phones, landlines, bank cards.
  { re: /(?:\+?86[\s-]?)?\d(?:[\s\-.–—]?\d){6,}/g },
  // Numbers dictated in Chinese digits (一三九〇七九八一二三四).
  { re: /[零〇一二三四五六七八九幺]{7,}/g },
  // Rooms: 301室, 5号房; 3-2-301室, 5-301号.
  { re: /\d+(?=\s*(?:室(?!\s*\d*\s*厅)|号房))/g },
  { re: /\d{1,3}[-－]\d{1,4}(?:[-－]\d{1,4})?(?=\s*(?:室|号|房))/g },
  // House numbers on a street, lane or village group: 解放路12号, 上屋组8号 (not 12号楼, not 3号线).
  { re: rx(`(?:[路街巷弄道组屯坊]|门牌)\\s*(${N}(?:[-－之]${N})?)\\s*号(?!楼|线|文|令|窗|车道|泊位|公厕|地块)`), group: 1 },
];

/** A building/unit/floor/room chain: 6栋2单元301室, 12号楼3单元, 3栋502. */
const CHAIN = rx(`${N}\\s*(?:栋|幢|座|号楼)(?:\\s*${N}\\s*单元)?(?:\\s*${N}\\s*[楼层])?(?:\\s*${N}\\s*(?:室|号|户|房)?)?|${N}\\s*单元(?:\\s*${N}\\s*(?:室|号|户|房)?)?|\\d{1,3}[-－]\\d{3,4}(?![\\d-－])`);
/** Words before a chain that make it the address of a person (within the same clause). */
const HOME = /(?:家住|住在|我住|他住|她住|住的|住址|租住|居住|家在|地址|门牌|我家|他家|她家|老人家)[^。！？；;!?，,\n]{0,14}$/;

/** Spans of the personal numbers of `text` (already folded to half-width digits and letters). */
export function numberSpans(text: string): RedactionSpan[] {
  let work = text;
  for (const re of NOT_PERSONAL) work = work.replace(re, (m) => '§'.repeat(m.length));
  const spans: RedactionSpan[] = [];
  for (const { re, group } of ALWAYS) {
    for (const m of work.matchAll(re)) {
      const start = m.index + (group ? m[0].indexOf(m[group]) : 0);
      const value = group ? m[group] : m[0];
      spans.push({ start, end: start + value.length, kind: 'number' });
    }
  }
  for (const m of work.matchAll(CHAIN)) {
    const personal = /\d\s*(?:室|户|房)|单元\s*\d|栋\s*\d{3}|[-－]\d{3}/.test(m[0]) || HOME.test(work.slice(0, m.index));
    if (!personal) continue;
    for (const part of m[0].matchAll(rx(N))) spans.push({ start: m.index + part.index, end: m.index + part.index + part[0].length, kind: 'number' });
  }
  return spans;
}

import { PassThrough } from 'node:stream';
import { ACTIVE_STATES, type CaseExportQuery, label, type Locale } from '@lianxin/core';
import type { CaseRow } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import { flagsOf, maskedNameAndPhone } from './cases.presenter.js';
import { type Cell, XlsxStream } from './cases.xlsx.js';

/** The ledger as an Excel file (台账导出): the presenter of GET /api/cases/export.xlsx. */

/** Rows read per query while streaming (keyset pages of the ledger query); an export has no row cap. */
export const EXPORT_PAGE = 1_000;


type Pair = [zh: string, en: string];
const TEXT: Record<string, Pair> = {
  sheet: ['诉求台账', 'Cases'],
  about: ['说明', 'About'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  anonymous: ['匿名', 'Anonymous'],
  generated: ['导出时间', 'Exported at'],
  rows: ['行数', 'Rows'],
  filters: ['筛选条件', 'Filters'],
  masked: ['个人信息已脱敏', 'Personal data is masked'],
};

/** The columns, in order: key, zh-CN header, en-US header, width. */
export const EXPORT_COLUMNS = [
  ['code', '编号', 'Code', 20],
  ['registeredAt', '登记时间', 'Registered', 17],
  ['channel', '来源', 'Channel', 10],
  ['kind', '类型', 'Kind', 10],
  ['category', '分类', 'Category', 14],
  ['title', '标题', 'Title', 30],
  ['content', '诉求内容', 'Content', 50],
  ['requester', '诉求人', 'Requester', 10],
  ['phone', '联系电话', 'Phone', 14],
  ['area', '区划', 'Area', 14],
  ['address', '地址', 'Address', 24],
  ['urgency', '紧急程度', 'Urgency', 9],
  ['status', '状态', 'State', 10],
  ['flags', '标记', 'Flags', 14],
  ['unit', '承办单位', 'Handling unit', 22],
  ['dueAt', '当前期限', 'Current deadline', 17],
  ['overdue', '是否超期', 'Overdue', 9],
  ['repliedAt', '答复时间', 'Replied', 17],
  ['evaluation', '评价结果', 'Evaluation', 10],
] as const;

const pick = (pair: Pair | undefined, locale: Locale, fallback = '') => (pair ? pair[locale === 'en-US' ? 1 : 0] : fallback);

/** "2026-11-21 18:20" in China time (UTC+8, no daylight saving), as cadres read times. */
export function chinaTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16).replace('T', ' ');
}

/** The ledger's filters in words, for the file's "about" sheet. */
export function describeFilters(q: CaseExportQuery): string {
  const parts = Object.entries(q)
    .filter(([key, value]) => key !== 'lang' && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  return parts.join('; ') || '—';
}

/** The columns of `cases` the export reads (a ledger page reads these, not all seventy-five). */
export const EXPORT_CASE_COLUMNS = [
  'id', 'code', 'registeredAt', 'channel', 'kind', 'categoryCode', 'title', 'content', 'anonymous', 'requesterNameEnc', 'requesterPhoneEnc',
  'areaCode', 'address', 'urgency', 'status', 'flagCollective', 'flagRepeat', 'flagCrossLevel', 'flagRisk', 'flagMajor', 'reopenCount',
  'currentUnitId', 'currentDueAt', 'repliedAt', 'evaluationResult',
] as const satisfies ReadonlyArray<keyof CaseRow>;

/** A case as the export reads it. */
export type ExportCase = Pick<CaseRow, (typeof EXPORT_CASE_COLUMNS)[number]>;

/** One keyset page of the ledger, as the export reads it. */
export type LedgerPages = (cursor: string | undefined, limit: number) => Promise<{ items: ExportCase[]; nextCursor: string | null }>;

export interface LedgerFile {
  /** The file's name in the caller's language (the Content-Disposition's filename*). */
  fileName: string;
  stream: PassThrough;
}

/**
 * The ledger (台账) as an Excel file streamed page by page (cases.xlsx.ts), every row the filters
 * select however many (memory holds two pages: the one written and the next one being read),
 * headers in Chinese (English for en-US), personal data masked exactly as in the list, and an
 * "about" sheet with the filters. A failure while streaming ends the stream with the error (and
 * `onError` hears of it).
 */
export function writeLedger(input: {
  pages: LedgerPages;
  names: { areas: Array<{ code: string; name: string }>; units: Array<{ id: string; name: string }>; categories: Array<{ code: string; name: string; nameEn: string }> };
  query: CaseExportQuery;
  locale: Locale;
  now: Date;
  cipher: Cipher;
  onError: (error: unknown) => void;
}): LedgerFile {
  const { pages, names, query: q, locale, now, cipher } = input;
  const areaName = new Map(names.areas.map((a) => [a.code, a.name]));
  const unitName = new Map(names.units.map((u) => [u.id, u.name]));
  const categoryName = new Map(names.categories.map((c) => [c.code, locale === 'en-US' ? c.nameEn : c.name]));
  const t = (key: keyof typeof TEXT) => pick(TEXT[key], locale);
  const nowIso = now.toISOString();
  // Labels looked up once per code, not once per cell.
  const labels = new Map<string, string>();
  const named = (group: Parameters<typeof label>[0], code: string) => {
    const key = `${group}\u0000${code}`;
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = label(group, code, locale)));
    return text;
  };
  const flagSeparator = locale === 'en-US' ? ', ' : '、';

  const toRow = (c: ExportCase): Cell[] => {
    const requester = maskedNameAndPhone(c, cipher);
    const open = (ACTIVE_STATES as readonly string[]).includes(c.status);
    const flags = flagsOf(c, now);
    return [
      c.code,
      chinaTime(c.registeredAt),
      named('channel', c.channel),
      named('kind', c.kind),
      categoryName.get(c.categoryCode) ?? c.categoryCode,
      c.title,
      c.content,
      requester.anonymous ? t('anonymous') : (requester.name ?? ''),
      requester.phone ?? '',
      areaName.get(c.areaCode) ?? c.areaCode,
      c.address ?? '',
      named('urgency', c.urgency),
      named('state', c.status),
      flags.length ? flags.map((f) => named('flag', f)).join(flagSeparator) : '',
      c.currentUnitId ? (unitName.get(c.currentUnitId) ?? '') : '',
      open ? chinaTime(c.currentDueAt) : '',
      open && c.currentDueAt && c.currentDueAt < nowIso ? t('yes') : t('no'),
      chinaTime(c.repliedAt),
      c.evaluationResult ? named('evaluation', c.evaluationResult) : '',
    ];
  };

  const stream = new PassThrough();
  const book = new XlsxStream(stream, '连心 Lianxin', now);

  const write = async () => {
    await book.sheet({ name: t('sheet'), widths: EXPORT_COLUMNS.map((c) => c[3]), header: true });
    await book.rows([EXPORT_COLUMNS.map(([, zh, en]) => (locale === 'en-US' ? en : zh))]);
    let written = 0;
    // The next page is read while this one is written (a database round trip hidden behind the work).
    const read = (cursor: string | undefined) => {
      const page = pages(cursor, EXPORT_PAGE);
      page.catch(() => undefined); // awaited below; a failure must not count as unhandled meanwhile
      return page;
    };
    let next: ReturnType<LedgerPages> | null = read(undefined);
    while (next) {
      const page: Awaited<ReturnType<LedgerPages>> = await next;
      next = page.nextCursor !== null ? read(page.nextCursor) : null;
      // A slow reader holds the writing back (each call waits for the stream to drain): memory stays
      // about two pages whatever the row count.
      await book.rows(page.items.map(toRow));
      written += page.items.length;
    }
    await book.sheet({ name: t('about'), widths: [14, 80] });
    await book.rows([
      [t('generated'), chinaTime(nowIso)],
      [t('rows'), written],
      [t('filters'), describeFilters(q)],
      ['', t('masked')],
    ]);
    await book.end();
  };
  write().catch((error) => {
    input.onError(error);
    stream.destroy(error as Error);
  });
  return { fileName: `${t('sheet')}-${chinaTime(nowIso).slice(0, 10)}.xlsx`, stream };
}

import { type BulletinSectionView, label, type Locale, type MessageKey, translate } from '@lianxin/core';

/** A message of the bulletin, rendered in the reader's language when shown. */
export interface Text {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type Cell = string | number | null;

/** How a column's cells are shown: rates as percentages, codes through their labels. */
export type ColumnFormat = 'text' | 'area' | 'int' | 'rate' | 'score' | 'source' | 'typical';

export interface StoredTable {
  caption: Text | null;
  columns: Array<{ label: MessageKey; format: ColumnFormat }>;
  rows: Cell[][];
}

/**
 * One section of a bulletin's body as stored at generation: figures and codes, not sentences, so
 * it can be read in either language. `public: false` keeps it out of the portal's version (a
 * section that names cases or people).
 */
export interface StoredSection {
  key: string;
  title: MessageKey;
  public: boolean;
  paragraphs: Text[];
  tables: StoredTable[];
}

/** A fraction as a percentage with one decimal, or — when there is nothing to divide. */
export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);

function formatCell(value: Cell, format: ColumnFormat, locale: Locale): Cell {
  if (value === null) return format === 'text' ? null : '—';
  switch (format) {
    case 'rate':
      return typeof value === 'number' ? percent(value) : value;
    case 'score':
      return typeof value === 'number' ? (value * 100).toFixed(1) : value;
    case 'area':
      return value === 'total' ? translate(locale, 'bulletin.total') : value;
    case 'source':
      return label('accountabilitySource', String(value), locale);
    case 'typical':
      return translate(locale, value === 'good' ? 'bulletin.typical.good' : 'bulletin.typical.bad');
    default:
      return value;
  }
}

const render = (t: Text, locale: Locale) => translate(locale, t.key, t.params ?? {});

/** A stored section in the reader's language (the view, the documents and the workbook read this). */
export function renderSection(s: StoredSection, locale: Locale): BulletinSectionView {
  return {
    key: s.key,
    title: translate(locale, s.title),
    paragraphs: s.paragraphs.map((p) => render(p, locale)),
    tables: s.tables.map((t) => ({
      caption: t.caption ? render(t.caption, locale) : null,
      columns: t.columns.map((c) => translate(locale, c.label)),
      rows: t.rows.map((row) => row.map((cell, i) => formatCell(cell, t.columns[i]?.format ?? 'text', locale))),
    })),
  };
}

/** The parts of an official bulletin (通报) that the PDF, DOCX and workbook lay out. */
export interface BulletinDocument {
  issuer: string;
  number: string;
  title: string;
  recipients: string;
  intro: string;
  sections: BulletinSectionView[];
  closing: string;
  date: string;
}

/** 一、二、三 … for the section headings. */
export const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

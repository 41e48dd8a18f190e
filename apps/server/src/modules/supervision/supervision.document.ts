import { label, type Locale, localDate, type SupervisionLevel } from '@lianxin/core';
import type { OfficialDocument } from '../documents/document-texts.js';
import { renderDocumentDocx } from '../documents/render-docx.js';
import { renderDocumentPdf } from '../documents/render-pdf.js';

/** What a 督办通知单 states. */
export interface OrderFacts {
  number: string;
  level: SupervisionLevel;
  reason: string;
  issuingUnit: string;
  unitName: string;
  issuedAt: string;
  responseDueAt: string;
  cases: Array<{ code: string; title: string }>;
}

/** A China-time date (2026年3月2日 / 2026-03-02). */
function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = localDate(new Date(iso)).split('-').map(Number);
  return locale === 'en-US' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${y}年${m}月${d}日`;
}

/** A China-time date and minute, as notices state a due time. */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The 督办通知单 in the official-document layout the case notices use (GB/T 9704 manner): issuing
 * organ's number, title, the unit addressed, the body with the cases, the due date for the written
 * response, then the organ, the date and the seal line.
 */
export function composeOrder(f: OrderFacts, locale: Locale): OfficialDocument {
  const en = locale === 'en-US';
  const level = label('supervisionLevel', f.level, locale);
  const due = formatDate(f.responseDueAt, locale);
  const list = f.cases.map((c, i) => `${i + 1}. ${c.code} ${c.title}`).join('\n');
  const paragraphs = en
    ? [
        `The ${f.cases.length} case(s) listed below, handled by your unit, are placed under ${level.toLowerCase()} supervision.`,
        `Reason: ${f.reason}`,
        `Sign for this order at once, handle the cases as a matter of priority and send ${f.issuingUnit} a written response by ${due}. A response not received by that date will be reported and recorded for accountability.`,
      ]
    : [
        `经研究，现将你单位承办的下列${f.cases.length}件群众诉求列为${level}事项，请高度重视，落实“一把手”负责制，切实加快办理。`,
        `督办事由：${f.reason}`,
        `请收到本通知单后即行签收，并于${due}前将办理情况书面回复${f.issuingUnit}。逾期未回复的，将予以通报，并按照责任追究制度追究相关责任。`,
      ];
  return {
    type: 'supervision_order',
    title: en ? 'Supervision Order' : '督办通知单',
    number: f.number,
    recipient: en ? `To: ${f.unitName}` : `${f.unitName}：`,
    paragraphs,
    facts: [
      [en ? 'Level' : '督办级别', level],
      [en ? 'Cases' : '督办事项', list],
      [en ? 'Response due' : '回复时限', due],
      [en ? 'Issued by' : '督办单位', f.issuingUnit],
    ],
    unitName: f.issuingUnit,
    date: formatDate(f.issuedAt, locale),
    seal: en ? '(seal)' : '（印章）',
    caseCode: f.number,
  };
}

/** The order as PDF or DOCX bytes. */
export const renderOrder = (d: OfficialDocument, format: 'pdf' | 'docx'): Promise<Buffer> => (format === 'pdf' ? renderDocumentPdf(d) : renderDocumentDocx(d));

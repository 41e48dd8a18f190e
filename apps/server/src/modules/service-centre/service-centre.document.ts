import { type Locale, localDate } from '@lianxin/core';
import type { OfficialDocument } from '../documents/document-texts.js';
import { renderDocumentDocx } from '../documents/render-docx.js';
import { renderDocumentPdf } from '../documents/render-pdf.js';

/** What a 补正材料通知书 or a 不予批准决定书 states. */
export interface ServiceNoticeFacts {
  kind: 'materials' | 'refusal';
  number: string;
  itemName: string;
  applicant: string;
  unitName: string;
  submittedAt: string;
  issuedAt: string;
  /** The materials requested (with the note), or the reason of the refusal. */
  text: string;
}

function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = localDate(new Date(iso)).split('-').map(Number);
  return locale === 'en-US' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${y}年${m}月${d}日`;
}

/**
 * The written notices of a service application in the official layout the case notices use:
 * the 一次性告知 of the materials to supplement, or the refusal with its reason and the remedies.
 */
export function composeServiceNotice(f: ServiceNoticeFacts, locale: Locale): OfficialDocument {
  const en = locale === 'en-US';
  const submitted = formatDate(f.submittedAt, locale);
  const materials = f.kind === 'materials';
  const title = materials ? (en ? 'Notice to Supplement Materials' : '补正材料通知书') : en ? 'Notice of Refusal' : '不予批准决定书';
  const paragraphs = materials
    ? en
      ? [
          `Your application for “${f.itemName}” (${f.number}) submitted on ${submitted} lacks the following materials, listed here once and in full:`,
          f.text,
          'Please supplement them through your village proxy or at the window. The time limit counts again in full from the day the materials are complete.',
        ]
      : [
          `你（单位）于${submitted}提出的“${f.itemName}”申请（${f.number}），经审查，申请材料不齐全或者不符合法定形式，现一次性告知需补正的材料如下：`,
          f.text,
          '请通过本村代办员或到便民服务窗口补正上述材料。办理时限自材料补正齐全之日起重新计算。',
        ]
    : en
      ? [
          `Your application for “${f.itemName}” (${f.number}) submitted on ${submitted} has been examined and is refused.`,
          `Reason: ${f.text}`,
          'If you disagree, you may apply for administrative reconsideration within 60 days or bring an administrative action within 6 months of receiving this notice.',
        ]
      : [
          `你（单位）于${submitted}提出的“${f.itemName}”申请（${f.number}），经审查，决定不予批准。`,
          `理由：${f.text}`,
          '如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。',
        ];
  return {
    type: 'service_notice',
    title,
    number: f.number,
    recipient: en ? `To: ${f.applicant}` : `${f.applicant}：`,
    paragraphs,
    facts: [
      [en ? 'Service' : '申请事项', f.itemName],
      [en ? 'Application' : '申请编号', f.number],
      [en ? 'Submitted' : '申请日期', submitted],
    ],
    unitName: f.unitName,
    date: formatDate(f.issuedAt, locale),
    seal: en ? '(seal)' : '（印章）',
    caseCode: f.number,
  };
}

/** The 公示 poster: every running notice of a deciding unit, personal data masked. */
export function composePoster(
  entries: Array<{ number: string; itemName: string; areaName: string; applicantMasked: string; summary: string; tally: string | null }>,
  f: { unitName: string; startsAt: string; endsAt: string; hotline: string },
  locale: Locale,
): OfficialDocument {
  const en = locale === 'en-US';
  const start = formatDate(f.startsAt, locale);
  const end = formatDate(f.endsAt, locale);
  return {
    type: 'service_notice',
    title: en ? 'Public Notice' : '公示',
    number: entries.map((e) => e.number).join('、'),
    recipient: en ? 'To all residents:' : '广大群众：',
    paragraphs: [
      en
        ? `The following applications have passed collective review and are made public from ${start} to ${end}. Anyone who objects may say so on the portal, at the window or by telephone (${f.hotline}); every objection is investigated and answered.`
        : `经集体评议，下列申请拟予批准，现予公示。公示期自${start}至${end}。如有异议，请在公示期内通过“连心”网站、便民服务窗口或电话（${f.hotline}）反映，我们将逐一调查核实并答复。`,
      ...entries.map((e, i) => `${i + 1}. ${e.areaName} ${e.applicantMasked} ${e.itemName}（${e.number}）${e.tally ? ` ${e.tally}` : ''}\n${e.summary}`),
    ],
    facts: [],
    unitName: f.unitName,
    date: start,
    seal: en ? '(seal)' : '（印章）',
    caseCode: '',
  };
}

export const renderServiceDocument = (d: OfficialDocument, format: 'pdf' | 'docx'): Promise<Buffer> => (format === 'pdf' ? renderDocumentPdf(d) : renderDocumentDocx(d));

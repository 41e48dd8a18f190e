import { type DocumentType, type Locale, localDate } from '@lianxin/core';

/** The facts of a case that an official document states. */
export interface DocumentFacts {
  code: string;
  kindLabel: string;
  channelLabel: string;
  title: string;
  content: string;
  receivedAt: string;
  /** The requester as addressed (masked when the reader may not see personal data); null: anonymous. */
  requesterName: string | null;
  isPetition: boolean;
  /** The unit that issues the document. */
  issuingUnit: string;
  /** The unit that handles the case, when dispatched. */
  handlingUnit: string | null;
  handleDueAt: string | null;
  reply: { text: string; at: string } | null;
  notAccepted: { reason: string; at: string } | null;
  extension: { days: number; reason: string; at: string; newDueAt: string | null } | null;
  /** When the document is dated: the event it records. */
  issuedAt: string;
}

/** A document ready to lay out: the same model feeds the DOCX and the PDF. */
export interface OfficialDocument {
  /** The kind of document (a case notice, or — supervision — a 督办通知单). */
  type: DocumentType | 'supervision_order' | /* — duty — */ 'duty_roster' | /* — consultations — the record of a consultation */ 'consultation_record' | /* — service centre — */ 'service_notice';
  title: string;
  /** 文号-like number, e.g. 〔2026〕受字第1121-000123号. */
  number: string;
  recipient: string;
  paragraphs: string[];
  facts: Array<[string, string]>;
  unitName: string;
  date: string;
  seal: string;
  caseCode: string;
}

const TITLES: Record<DocumentType, [string, string]> = {
  acceptance: ['受理告知书', 'Notice of Acceptance'],
  not_accepted: ['不予受理告知书', 'Notice of Non-acceptance'],
  reply: ['处理意见书', 'Handling Opinion'],
  extension: ['延期告知书', 'Notice of Extension'],
};
const NUMBER_WORD: Record<DocumentType, string> = { acceptance: '受', not_accepted: '不受', reply: '处', extension: '延' };

/** The title of a document type in a language. */
export const documentTitle = (type: DocumentType, locale: Locale) => TITLES[type][locale === 'en-US' ? 1 : 0];

function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const [y, m, d] = localDate(new Date(iso)).split('-').map(Number);
  return locale === 'en-US' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${y}年${m}月${d}日`;
}

/** Builds the wording of a document from the facts, in Chinese (the official text) or English. */
export function composeDocument(type: DocumentType, f: DocumentFacts, locale: Locale): OfficialDocument {
  const en = locale === 'en-US';
  const date = (iso: string | null) => formatDate(iso, locale);
  const serial = f.code.replace(/^LX\d{4}/, '');
  const year = localDate(new Date(f.issuedAt)).slice(0, 4);
  const number = en ? `No. ${f.code}-${type.toUpperCase()}` : `〔${year}〕${NUMBER_WORD[type]}字第${serial}号`;
  const who = f.requesterName ?? (en ? 'Resident' : '群众');
  const matter = en
    ? `On ${date(f.receivedAt)} you raised, by ${f.channelLabel}, the matter "${f.title}" (case ${f.code}).`
    : `您于${date(f.receivedAt)}通过${f.channelLabel}渠道反映的“${f.title}”事项（编号：${f.code}）`;
  const paragraphs: string[] = [];
  switch (type) {
    case 'acceptance':
      paragraphs.push(
        en
          ? `${matter} Having examined it, we accept it for handling${f.handlingUnit ? ` and have assigned it to ${f.handlingUnit}` : ''}.`
          : `${matter}，经审查，符合受理条件，本机关依法予以受理${f.handlingUnit ? `，并已交由${f.handlingUnit}办理` : ''}。`,
        f.handleDueAt
          ? en
            ? `You will receive the handling opinion by ${date(f.handleDueAt)}.`
            : `我们将在${date(f.handleDueAt)}前将处理意见告知您。`
          : en
            ? 'You will be told the result within the statutory time limit.'
            : '我们将在规定期限内将处理意见告知您。',
        en
          ? `You can follow the progress with the case number ${f.code} on the portal or by calling the hotline.`
          : `您可凭编号${f.code}通过网上平台或服务热线查询办理进度。`,
      );
      break;
    case 'not_accepted':
      paragraphs.push(
        en ? `${matter} Having examined it, we do not accept it.` : `${matter}，经审查，决定不予受理。`,
        en ? `Reason: ${f.notAccepted?.reason ?? ''}` : `理由：${f.notAccepted?.reason ?? ''}`,
        en
          ? 'If you disagree with this decision, you may raise it with the authority at the next level up.'
          : '如对本决定有异议，可向上一级机关反映。',
      );
      break;
    case 'reply':
      paragraphs.push(
        en ? `${matter} Having looked into it, ${f.issuingUnit} answers as follows:` : `${matter}，经${f.issuingUnit}调查核实，现答复如下：`,
        ...(f.reply?.text ?? '').split(/\n+/).filter(Boolean),
        f.isPetition
          ? en
            ? 'If you do not accept this opinion, you may ask for a review (复查) within 30 days of receiving it.'
            : '如对本处理意见不服，可自收到本意见书之日起30日内向原办理机关的上一级机关请求复查。'
          : en
            ? 'Please rate this answer through the link in the SMS or by calling the hotline.'
            : '请通过短信中的评价链接或服务热线对本次办理结果进行评价。',
      );
      break;
    case 'extension':
      paragraphs.push(
        en
          ? `${matter} Because ${f.extension?.reason ?? ''}, the time limit for handling it has been extended by ${f.extension?.days ?? 0} days with approval${f.extension?.newDueAt ? `, to ${date(f.extension.newDueAt)}` : ''}.`
          : `${matter}，因${f.extension?.reason ?? ''}，经批准，办理期限延长${f.extension?.days ?? 0}日${f.extension?.newDueAt ? `，延长至${date(f.extension.newDueAt)}` : ''}。`,
        en ? 'We apologise for the delay and will tell you the result as soon as it is ready.' : '特此告知，办结后我们将及时答复您。',
      );
      break;
  }
  const facts: Array<[string, string]> = en
    ? [['Case number', f.code], ['Kind', f.kindLabel], ['Received', date(f.receivedAt)], ['Matter', f.title]]
    : [['编号', f.code], ['诉求类型', f.kindLabel], ['收到日期', date(f.receivedAt)], ['反映事项', f.title]];
  return {
    type,
    title: documentTitle(type, locale),
    number,
    recipient: en ? `To ${who}:` : `${who}：`,
    paragraphs,
    facts,
    unitName: f.issuingUnit,
    date: date(f.issuedAt),
    seal: en ? '(Seal)' : '（印章）',
    caseCode: f.code,
  };
}

import { consultationLabel, type ConsultationDetail, type Locale, localDate, MEDIA } from '@lianxin/core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { OfficialDocument } from '../documents/document-texts.js';
import { renderDocumentDocx } from '../documents/render-docx.js';
import { renderDocumentPdf } from '../documents/render-pdf.js';
import type { ConsultationsService } from './consultations.service.js';

/** A China-time date (2026年3月2日 / 2026-03-02). */
function formatDate(iso: string, locale: Locale): string {
  const day = iso.length === 10 ? iso : localDate(new Date(iso));
  const [y, m, d] = day.split('-').map(Number);
  return locale === 'en-US' ? day : `${y}年${m}月${d}日`;
}

const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The words of the record and the workbook, in both languages. */
const W = {
  title: ['征求意见工作记录', 'Consultation Record'],
  topic: ['议题', 'Topic'],
  scope: ['征求范围', 'Consulted'],
  period: ['征求期限', 'Period'],
  rule: ['表决规则', 'Rule'],
  opinions: ['意见数', 'Opinions'],
  households: ['参与户数/范围户数', 'Households heard / consulted'],
  background: ['一、背景情况', '1. Background'],
  meetings: ['二、会议情况', '2. Meetings'],
  results: ['三、征求结果', '3. Results'],
  decision: ['四、决策结果与采纳反馈', '4. Decision and feedback'],
  pending: ['尚未作出决策。', 'No decision yet.'],
  votes: ['票', 'votes'],
  attendees: ['参会', 'attended'],
  signed: ['签到', 'signed in'],
  no: ['序号', 'No.'],
  channel: ['渠道', 'Channel'],
  village: ['村（社区）', 'Village'],
  household: ['户', 'Household'],
  option: ['选项', 'Option'],
  text: ['意见内容', 'Opinion'],
  cadre: ['录入干部', 'Entered by'],
  time: ['时间', 'Time'],
  response: ['采纳情况', 'Response'],
  reason: ['理由', 'Reason'],
  meeting: ['会议', 'Meeting'],
  place: ['地点', 'Place'],
  online: ['网上', 'Online'],
  onVisits: ['走访代录', 'On visits'],
  inMeetings: ['会议表决', 'In meetings'],
  total: ['合计', 'Total'],
} as const;

/** A QR code (PNG) of a portal page under /m/, e.g. `surveys/<id>` for the survey's QR card. */
export async function portalQr(publicBaseUrl: string, path: string) {
  const data = await QRCode.toBuffer(`${publicBaseUrl.replace(/\/$/, '')}/m/${path}`, { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' });
  return { data, fileName: `${path.replace('/', '-')}.png`, mimeType: 'image/png' };
}

/** The consultation's Excel export and its record (PDF/DOCX through the documents renderers), audited. */
export function createConsultationRecords({ db, audit, consultations, dataDir, publicBaseUrl }: { db: Kysely<DB>; audit: AuditLog; consultations: ConsultationsService; dataDir: string; publicBaseUrl: string }) {
  async function load(actor: Actor, id: string, locale: Locale): Promise<ConsultationDetail> {
    return consultations.detailOf(db, actor, await consultations.visible(db, actor, id), locale);
  }
  const pick = (locale: Locale) => (w: readonly [string, string]) => (locale === 'en-US' ? w[1] : w[0]);

  function compose(d: ConsultationDetail, unitName: string, locale: Locale): OfficialDocument {
    const t = pick(locale);
    const en = locale === 'en-US';
    const optionLabel = new Map(d.options.map((o) => [o.id, o.label]));
    const votes = (counts: Array<{ optionId: string; count: number }>) => counts.map((c) => `${optionLabel.get(c.optionId) ?? ''} ${c.count}${en ? ' ' : ''}${t(W.votes)}`).join(en ? '; ' : '；');
    const meetingLines = d.meetings.map(
      (m, i) =>
        `${i + 1}. ${consultationLabel('meeting', m.kind, locale)}（${chinaTime(m.heldAt)}，${m.place}）：${t(W.attendees)}${m.attendees.length}，${t(W.signed)}${m.attendees.filter((a) => a.signedInAt).length}。${m.counts.length ? votes(m.counts) + '。' : ''}${m.minutes}`,
    );
    const resultLines = d.results.byOption.map((o) => `${o.label}：${t(W.online)}${o.online}，${t(W.onVisits)}${o.cadre}，${t(W.inMeetings)}${o.meetings}，${t(W.total)}${o.total}。`);
    const feedback = d.opinions.map(
      (o, i) => `${i + 1}. ${o.optionId ? `[${optionLabel.get(o.optionId)}] ` : ''}${o.text || '—'} → ${o.response ? consultationLabel('response', o.response, locale) : '—'}${o.reason ? `（${o.reason}）` : ''}`,
    );
    return {
      type: 'consultation_record',
      title: t(W.title),
      number: `${d.areaName}〔${d.opensOn.slice(0, 4)}〕${en ? 'consultation' : '征求意见'}`,
      recipient: '',
      paragraphs: [t(W.background), d.background, t(W.meetings), ...meetingLines, t(W.results), ...resultLines, t(W.decision), d.decision ?? t(W.pending), ...feedback],
      facts: [
        [t(W.topic), d.title],
        [t(W.scope), d.areaName],
        [t(W.period), `${formatDate(d.opensOn, locale)} — ${formatDate(d.closesOn, locale)}`],
        [t(W.rule), consultationLabel('rule', d.rule, locale)],
        [t(W.opinions), String(d.opinionCount)],
        [t(W.households), `${d.results.householdsHeard}/${d.results.householdsConsulted}`],
      ],
      unitName,
      date: formatDate(d.decidedAt ?? d.createdAt, locale),
      seal: en ? '(seal)' : '（印章）',
      caseCode: d.title,
    };
  }

  async function unitOf(actor: Actor): Promise<string> {
    const unitId = actor.grants[0]?.unitId;
    const row = unitId ? await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst() : undefined;
    return row?.name ?? '';
  }

  return {
    /** The QR code of the consultation's portal page, for posters and the door. */
    async qr(actor: Actor, id: string) {
      const c = await consultations.visible(db, actor, id);
      return portalQr(publicBaseUrl, `consultations/${c.id}`);
    },

    /** A background document: anyone who reads the consultation may download it (audited). */
    async attachment(actor: Actor, id: string, attachmentId: string) {
      const c = await consultations.visible(db, actor, id);
      const row = await db
        .selectFrom('consultationAttachments')
        .innerJoin('attachments', 'attachments.id', 'consultationAttachments.attachmentId')
        .select(['attachments.fileName', 'attachments.mimeType', 'attachments.storageKey'])
        .where('consultationAttachments.consultationId', '=', c.id)
        .where('consultationAttachments.attachmentId', '=', attachmentId)
        .executeTakeFirst();
      if (!row) throw notFound();
      await audit.append({ actorUserId: actor.userId, action: 'download_attachment', subjectType: 'attachment', subjectId: attachmentId, detail: { consultationId: c.id } });
      return { data: await readFile(join(dataDir, 'attachments', row.storageKey)), fileName: row.fileName, mimeType: row.mimeType };
    },

    async record(actor: Actor, id: string, format: 'pdf' | 'docx', locale: Locale) {
      const d = await load(actor, id, locale);
      const doc = compose(d, await unitOf(actor), locale);
      const data = format === 'pdf' ? await renderDocumentPdf(doc) : await renderDocumentDocx(doc);
      await audit.append({ actorUserId: actor.userId, action: 'generate_document', subjectType: 'consultation', subjectId: d.id, detail: { format } });
      return { data, fileName: `${d.title}-${doc.title}.${format}`, mimeType: format === 'pdf' ? MEDIA.pdf : MEDIA.docx };
    },

    async workbook(actor: Actor, id: string, locale: Locale) {
      const d = await load(actor, id, locale);
      const t = pick(locale);
      const optionLabel = new Map(d.options.map((o) => [o.id, o.label]));
      const book = new ExcelJS.Workbook();
      const results = book.addWorksheet(t(W.results).replace(/^\S+、|^\d\. /, ''));
      results.addRow([t(W.option), t(W.online), t(W.onVisits), t(W.inMeetings), t(W.total)]).font = { bold: true };
      for (const o of d.results.byOption) results.addRow([o.label, o.online, o.cadre, o.meetings, o.total]);
      for (const g of d.results.groups) results.addRow([`${g.group}: ${g.label}`, ...g.counts.map((c) => `${optionLabel.get(c.optionId)} ${c.count}`)]);
      results.columns.forEach((c, k) => (c.width = k === 0 ? 32 : 14));

      const opinions = book.addWorksheet(t(W.opinions));
      opinions.addRow([t(W.no), t(W.channel), t(W.village), t(W.household), t(W.option), t(W.text), t(W.cadre), t(W.time), t(W.response), t(W.reason)]).font = { bold: true };
      d.opinions.forEach((o, i) =>
        opinions.addRow([
          i + 1,
          consultationLabel('channel', o.channel, locale),
          o.areaCode,
          o.householdLabel,
          o.optionId ? (optionLabel.get(o.optionId) ?? '') : '',
          o.text,
          o.recordedByName ?? '',
          chinaTime(o.createdAt),
          o.response ? consultationLabel('response', o.response, locale) : '',
          o.reason ?? '',
        ]),
      );
      opinions.columns.forEach((c, k) => (c.width = k === 5 ? 48 : 14));

      const meetings = book.addWorksheet(t(W.meeting));
      meetings.addRow([t(W.meeting), t(W.time), t(W.place), t(W.attendees), t(W.signed), ...d.options.map((o) => o.label)]).font = { bold: true };
      for (const m of d.meetings) {
        meetings.addRow([
          consultationLabel('meeting', m.kind, locale),
          chinaTime(m.heldAt),
          m.place,
          m.attendees.length,
          m.attendees.filter((a) => a.signedInAt).length,
          ...d.options.map((o) => m.counts.find((c) => c.optionId === o.id)?.count ?? 0),
        ]);
      }
      await audit.append({ actorUserId: actor.userId, action: 'export', subjectType: 'consultation', subjectId: d.id, detail: { format: 'xlsx', opinions: d.opinions.length } });
      return { data: Buffer.from(await book.xlsx.writeBuffer()), fileName: `${d.title}.xlsx`, mimeType: MEDIA.xlsx };
    },
  };
}
export type ConsultationRecords = ReturnType<typeof createConsultationRecords>;

import { type DocumentFormat, type DocumentType, label, type Locale, maskName } from '@lianxin/core';
import type { CaseRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Actor } from '../../access/actor.js';
import { canActOnCase } from '../../access/access.js';
import { composeDocument, type DocumentFacts, documentTitle } from './document-texts.js';
import { renderDocumentDocx } from './render-docx.js';
import { renderDocumentPdf } from './render-pdf.js';

const REPLY_ACTIONS = ['reply', 'resolve_on_spot', 'complete_review', 'complete_rereview'];

/** A generated file. */
export interface GeneratedFile {
  data: Buffer;
  fileName: string;
  mimeType: string;
}

export const MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Official documents (SPEC §11): 受理告知书, 不予受理告知书, 处理意见书, 延期告知书, generated
 * from the case and its events on demand (so a document always states what the ledger says), as
 * DOCX or PDF, for staff who can see the case; every generation is audited.
 */
export function createDocumentsService(services: Services) {
  const { db, cipher, cases, audit } = services;

  async function unitName(id: string | null): Promise<string | null> {
    if (!id) return null;
    return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
  }

  /** The facts a document of `type` states, or 422 when the case has no such document (yet). */
  async function factsFor(actor: Actor, c: CaseRow, type: DocumentType, locale: Locale): Promise<DocumentFacts> {
    const events = await db.selectFrom('caseEvents').selectAll().where('caseId', '=', c.id).orderBy('seq').execute();
    const unavailable = () => new AppError(422, 'error.document_unavailable', { document: documentTitle(type, locale) });
    const name = c.requesterNameEnc && !c.anonymous ? cipher.decrypt(c.requesterNameEnc) : null;
    const base = {
      code: c.code,
      kindLabel: label('kind', c.kind, locale),
      channelLabel: label('channel', c.channel, locale),
      title: c.title,
      content: c.content,
      receivedAt: c.receivedAt,
      requesterName: name ? (canActOnCase(actor, 'reveal_requester', c) ? name : maskName(name)) : null,
      isPetition: c.kind === 'petition',
      handlingUnit: await unitName(c.currentUnitId),
      handleDueAt: c.handleDueAt,
      reply: null,
      notAccepted: null,
      extension: null,
    };
    const registeredUnit = (await unitName(c.registeredUnitId)) ?? '';
    switch (type) {
      case 'acceptance':
        if (c.status === 'not_accepted' || c.status === 'merged') throw unavailable();
        return { ...base, issuingUnit: registeredUnit, issuedAt: c.registeredAt };
      case 'not_accepted': {
        const event = events.filter((e) => e.action === 'not_accept').at(-1);
        if (!event) throw unavailable();
        return { ...base, issuingUnit: (await unitName(event.actorUnitId)) ?? registeredUnit, issuedAt: event.at, notAccepted: { reason: event.note ?? '', at: event.at } };
      }
      case 'reply': {
        const event = events.filter((e) => REPLY_ACTIONS.includes(e.action)).at(-1);
        if (!event || !c.replyText) throw unavailable();
        const issuingUnit = (await unitName(event.actorUnitId)) ?? base.handlingUnit ?? registeredUnit;
        return { ...base, issuingUnit, issuedAt: event.at, reply: { text: event.note ?? c.replyText, at: event.at } };
      }
      case 'extension': {
        const extension = await db
          .selectFrom('caseExtensions')
          .selectAll()
          .where('caseId', '=', c.id)
          .where('status', '=', 'approved')
          .orderBy('decidedAt', 'desc')
          .executeTakeFirst();
        if (!extension) throw unavailable();
        const at = extension.decidedAt ?? extension.requestedAt;
        return {
          ...base,
          issuingUnit: base.handlingUnit ?? registeredUnit,
          issuedAt: at,
          extension: { days: extension.days, reason: extension.reason, at, newDueAt: c.handleDueAt },
        };
      }
    }
  }

  async function render(actor: Actor, c: CaseRow, type: DocumentType, format: DocumentFormat, locale: Locale, via: string): Promise<GeneratedFile> {
    const document = composeDocument(type, await factsFor(actor, c, type, locale), locale);
    const data = format === 'pdf' ? await renderDocumentPdf(document) : await renderDocumentDocx(document);
    await audit.append({ actorUserId: actor.userId, action: 'generate_document', subjectType: 'case', subjectId: c.id, detail: { code: c.code, type, format, via } });
    return { data, fileName: `${c.code}-${document.title}.${format}`, mimeType: MIME_TYPES[format] };
  }

  return {
    /** A document of a case the actor can see (403 out of scope, 404 unknown). */
    async forCase(actor: Actor, caseId: string, type: DocumentType, format: DocumentFormat, locale: Locale) {
      return render(actor, await cases.visibleCase(actor, caseId), type, format, locale, 'case');
    },

    /** The document attached to an outbox message (its `document_type`), for staff who can see the case. */
    async forOutbox(actor: Actor, outboxId: string, format: DocumentFormat, locale: Locale) {
      const row = await db.selectFrom('outbox').select(['caseId', 'documentType']).where('id', '=', outboxId).executeTakeFirst();
      if (!row || !row.caseId || !row.documentType) throw notFound();
      return render(actor, await cases.visibleCase(actor, row.caseId), row.documentType as DocumentType, format, locale, 'outbox');
    },
  };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;

import type { DocumentFormat, DocumentType } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { sendFile } from '../../http/send-file.js';
import { actorOf } from '../../http/request.js';
import { requestLocale } from '../../http/request.js';
import type { DocumentsService } from './documents.service.js';

/** Official documents per case (受理告知书 …) as DOCX or PDF, and the document of an outbox message. */
export async function documentsRoutes(app: FastifyInstance, { documents }: { documents: DocumentsService }) {
  route(app, 'GET /api/cases/:id/documents/:file', async (request, reply) => {
    // The contract's pattern guarantees `<type>.<format>`.
    const [type, format] = request.params.file.split('.') as [DocumentType, DocumentFormat];
    return sendFile(reply, await documents.forCase(actorOf(request), request.params.id, type, format, requestLocale(request)));
  });

  route(app, 'GET /api/outbox/:id/document.:format', async (request, reply) =>
    sendFile(reply, await documents.forOutbox(actorOf(request), request.params.id, request.params.format, requestLocale(request))),
  );
}

import { CaseDocumentParamsSchema, type DocumentFormat, type DocumentType, OutboxDocumentParamsSchema } from '@lianxin/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import { createDocumentsService, type GeneratedFile } from './documents.service.js';

/** Sends a generated file as a download that a browser never renders in the page. */
export function sendFile(reply: FastifyReply, file: GeneratedFile) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.data);
}

/** Official documents per case (受理告知书 …) as DOCX or PDF, and the document of an outbox message. */
export async function documentsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const documents = createDocumentsService(services);
  const tags = ['documents'];

  app.get(
    '/api/cases/:id/documents/:file',
    {
      schema: {
        tags,
        summary: '文书 Official document of a case: acceptance|not_accepted|reply|extension, .docx or .pdf (audited; zh-CN unless the caller asks for en-US)',
        params: CaseDocumentParamsSchema,
      },
    },
    async (request, reply) => {
      const { id, file } = request.params as { id: string; file: string };
      const [type, format] = file.split('.') as [DocumentType, DocumentFormat];
      return sendFile(reply, await documents.forCase(actorOf(request), id, type, format, requestLocale(request)));
    },
  );

  app.get(
    '/api/outbox/:id/document.:format',
    { schema: { tags, summary: '短信附件文书 The document attached to an SMS in the outbox', params: OutboxDocumentParamsSchema } },
    async (request, reply) => {
      const { id, format } = request.params as { id: string; format: DocumentFormat };
      return sendFile(reply, await documents.forOutbox(actorOf(request), id, format, requestLocale(request)));
    },
  );
}

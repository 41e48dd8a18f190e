import { defineEndpoints, MEDIA } from './endpoint.js';
import { CaseDocumentParamsSchema, OutboxDocumentParamsSchema } from './portal.js';

/** The documents operations: official documents (SPEC §11) generated on demand, audited. */
export const documentsEndpoints = defineEndpoints({
  'GET /api/cases/:id/documents/:file': {
    tag: 'documents',
    summary: '文书 Official document of a case: acceptance|not_accepted|reply|extension, .docx or .pdf (audited; zh-CN unless the caller asks for en-US)',
    params: CaseDocumentParamsSchema,
    file: [MEDIA.docx, MEDIA.pdf],
  },
  'GET /api/outbox/:id/document.:format': {
    tag: 'documents',
    summary: '短信附件文书 The document attached to an SMS in the outbox',
    params: OutboxDocumentParamsSchema,
    file: [MEDIA.docx, MEDIA.pdf],
  },
});

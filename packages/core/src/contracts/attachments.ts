import { z } from 'zod';
import { IdParamsSchema } from './case.js';
import { defineEndpoints, MEDIA } from './endpoint.js';

/** The largest attachment accepted, in MB. */
export const MAX_ATTACHMENT_MB = 10;

/**
 * File types accepted as attachments, recognised by the server from the bytes themselves (never
 * the client's word): photos, scans, office documents and hotline recordings.
 */
export const ATTACHMENT_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  MEDIA.pdf,
  MEDIA.docx,
  MEDIA.xlsx,
  'application/x-cfb', // legacy .doc / .xls
  'audio/mpeg',
  'audio/mp4',
  'audio/amr',
  'audio/wav',
  'audio/x-wav',
] as const;

/** POST /api/attachments: the stored file, to link to a case or a visit by its id. */
export const AttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string().describe('Recognised from the content'),
  size: z.number().int().describe('Bytes'),
  sha256: z.string().describe('Hex digest of the content'),
});
export type AttachmentView = z.infer<typeof AttachmentSchema>;

/** The attachments operations. */
export const attachmentsEndpoints = defineEndpoints({
  'POST /api/attachments': {
    tag: 'attachments',
    summary: '上传附件 Upload an attachment (multipart field "file")',
    multipart: true,
    status: 201,
    response: AttachmentSchema,
    idempotent: true,
  },
  'GET /api/attachments/:id': { tag: 'attachments', summary: '下载附件 Download an attachment', params: IdParamsSchema, file: ATTACHMENT_MEDIA_TYPES },
});

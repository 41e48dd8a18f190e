import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { type AttachmentsService, MAX_ATTACHMENT_MB } from './attachments.service.js';

/** POST /api/attachments (multipart, field `file`) and GET /api/attachments/:id. */
export async function attachmentsRoutes(app: FastifyInstance, { attachments }: { attachments: AttachmentsService }) {
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_MB * 1024 * 1024, files: 1, fields: 5 } });

  route(app, 'POST /api/attachments', async (request) => {
    const actor = actorOf(request);
    if (!request.isMultipart()) throw new AppError(400, 'error.validation', {}, 'file');
    const file = await request.file();
    if (!file) throw new AppError(400, 'error.validation', {}, 'file');
    const data = await file.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'error.file_too_large', { max: MAX_ATTACHMENT_MB }, 'file');
      throw error;
    });
    return attachments.upload(actor, { fileName: file.filename, data });
  });

  route(app, 'GET /api/attachments/:id', async (request, reply) => {
    const { row, data } = await attachments.download(actorOf(request), request.params.id);
    return reply
      .header('content-type', row.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(data);
  });
}

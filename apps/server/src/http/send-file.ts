import type { FastifyReply } from 'fastify';

/** A generated or stored file to send. */
export interface FileToSend {
  data: Buffer;
  fileName: string;
  mimeType: string;
}

/** Sends a file as a download that a browser never renders in the page. */
export function sendFile(reply: FastifyReply, file: FileToSend) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.data);
}

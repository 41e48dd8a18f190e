import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { assertImageSize } from './image-limits.js';
import { ATTACHMENT_MEDIA_TYPES, type AttachmentView, MAX_ATTACHMENT_MB } from '@lianxin/core';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { AttachmentsRepository } from './attachments.repository.js';

/** The media types accepted, recognised from the bytes (the contract's list). */
const ALLOWED_TYPES: ReadonlySet<string> = new Set(ATTACHMENT_MEDIA_TYPES);

export { MAX_ATTACHMENT_MB };

export interface AttachmentsDeps {
  repo: AttachmentsRepository;
  cases: Pick<CasesService, 'visibleCase'>;
  clock: Clock;
  dataDir: string;
  audit: AuditLog;
}

/** Uploads and downloads of case attachments, stored under the data folder. */
export function createAttachmentsService({ repo, cases, clock, dataDir, audit }: AttachmentsDeps) {
  const root = join(dataDir, 'attachments');

  return {
    /** Stores a file (durably, before the row that points at it) and returns its id. */
    async upload(actor: Actor, file: { fileName: string; data: Buffer }): Promise<AttachmentView> {
      if (file.data.length > MAX_ATTACHMENT_MB * 1024 * 1024) throw new AppError(413, 'error.file_too_large', { max: MAX_ATTACHMENT_MB }, 'file');
      const type = await fileTypeFromBuffer(file.data);
      if (!type || !ALLOWED_TYPES.has(type.mime)) throw new AppError(415, 'error.file_type', { type: type?.mime ?? 'unknown' }, 'file');
      if (type.mime.startsWith('image/')) await assertImageSize(file.data);
      const id = randomUUID();
      const now = clock.now();
      const storageKey = `${now.toISOString().slice(0, 7)}/${id}`;
      await mkdir(join(root, storageKey.slice(0, 7)), { recursive: true });
      const handle = await open(join(root, storageKey), 'wx', 0o600);
      try {
        await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const row = {
        id,
        caseId: null,
        fileName: file.fileName.slice(0, 200),
        mimeType: type.mime,
        size: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        storageKey,
        uploadedBy: actor.userId,
        createdAt: now.toISOString(),
      };
      await repo.insert(row);
      return { id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256: row.sha256 };
    },

    /** A file the actor may read: of a case in their scope, or their own upload not yet linked. */
    async download(actor: Actor, id: string) {
      const row = await repo.find(id);
      if (!row) throw notFound();
      // The case decides (403 out of scope); an unlinked upload is its uploader's alone.
      if (row.caseId) await cases.visibleCase(actor, row.caseId);
      else if (row.uploadedBy !== actor.userId) throw forbidden();
      await audit.append({ actorUserId: actor.userId, action: 'download_attachment', subjectType: 'attachment', subjectId: id });
      return { row, data: await readFile(join(root, row.storageKey)) };
    },
  };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;

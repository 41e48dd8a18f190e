import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, scopeOf } from '../../access/actor.js';
import type { AuditLog } from '../audit/audit.service.js';
import { casesRepository } from '../cases/cases.repository.js';

/** The largest file accepted, in MB. */
export const MAX_ATTACHMENT_MB = 10;

/**
 * File types accepted, recognised from the bytes themselves (never the client's word): photos,
 * scans, office documents and hotline recordings.
 */
const ALLOWED_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-cfb', // legacy .doc / .xls
  'audio/mpeg',
  'audio/mp4',
  'audio/amr',
  'audio/wav',
  'audio/x-wav',
]);

/** Uploads and downloads of case attachments, stored under the data folder. */
export function createAttachmentsService({ db, clock, dataDir, audit }: { db: Kysely<DB>; clock: Clock; dataDir: string; audit: AuditLog }) {
  const root = join(dataDir, 'attachments');

  return {
    /** Stores a file (durably, before the row that points at it) and returns its id. */
    async upload(actor: Actor, file: { fileName: string; data: Buffer }) {
      if (file.data.length > MAX_ATTACHMENT_MB * 1024 * 1024) throw new AppError(413, 'error.file_too_large', { max: MAX_ATTACHMENT_MB }, 'file');
      const type = await fileTypeFromBuffer(file.data);
      if (!type || !ALLOWED_TYPES.has(type.mime)) throw new AppError(415, 'error.file_type', { type: type?.mime ?? 'unknown' }, 'file');
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
      await db.insertInto('attachments').values(row).execute();
      return { id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256: row.sha256 };
    },

    /** A file the actor may read: of a case in their scope, or their own upload not yet linked. */
    async download(actor: Actor, id: string) {
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound();
      if (row.caseId) {
        const visible = await casesRepository.findInScope(db, row.caseId, scopeOf(actor.grants));
        if (!visible) throw new AppError(403, 'error.out_of_scope');
      } else if (row.uploadedBy !== actor.userId) {
        throw new AppError(403, 'error.forbidden');
      }
      await audit.append({ actorUserId: actor.userId, action: 'download_attachment', subjectType: 'attachment', subjectId: id });
      return { row, data: await readFile(join(root, row.storageKey)) };
    },
  };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;

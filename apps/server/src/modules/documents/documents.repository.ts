import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The reads behind an official document. */
export function createDocumentsRepository(db: Kysely<DB>) {
  return {
    async unitName(id: string): Promise<string | null> {
      return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
    },
    events(caseId: string) {
      return db.selectFrom('caseEvents').selectAll().where('caseId', '=', caseId).orderBy('seq').execute();
    },
    /** The case's latest approved extension. */
    latestApprovedExtension(caseId: string) {
      return db.selectFrom('caseExtensions').selectAll().where('caseId', '=', caseId).where('status', '=', 'approved').orderBy('decidedAt', 'desc').executeTakeFirst();
    },
    /** The case and document type an outbox message carries. */
    outboxDocument(outboxId: string) {
      return db.selectFrom('outbox').select(['caseId', 'documentType']).where('id', '=', outboxId).executeTakeFirst();
    },
  };
}
export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;

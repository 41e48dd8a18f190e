import type { Insertable, Kysely } from 'kysely';
import type { AttachmentTable, DB } from '../../db/schema.js';

/** Queries of the attachments module. */
export function createAttachmentsRepository(db: Kysely<DB>) {
  return {
    insert(row: Insertable<AttachmentTable>) {
      return db.insertInto('attachments').values(row).execute();
    },
    find(id: string) {
      return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    },
  };
}
export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;

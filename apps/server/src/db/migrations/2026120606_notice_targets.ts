import { noticeKindOf } from '@lianxin/core';
import type { Kysely } from 'kysely';

/**
 * Staff notices say what they are about and what they link to: `notice_kind` (step, risk, alert,
 * supervision …, for filters and SMS choices) and `target_kind` + `target_id` (a case, an alert, or
 * any record a module owns). Notices already written get their kind from their template and link
 * to their case. The unread count reads (recipient, status).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('notice_kind', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('target_kind', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('target_id', 'text').execute();
  const templates = await db.selectFrom('outbox').select('template').distinct().where('channel', '=', 'internal').execute();
  for (const { template } of templates) {
    await db.updateTable('outbox').set({ notice_kind: noticeKindOf(template) }).where('channel', '=', 'internal').where('template', '=', template).execute();
  }
  await db.updateTable('outbox').set((eb) => ({ target_kind: 'case', target_id: eb.ref('case_id') })).where('channel', '=', 'internal').where('case_id', 'is not', null).execute();
  await db.schema.createIndex('outbox_user_status').on('outbox').columns(['recipient_user_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_user_status').execute();
  await db.schema.alterTable('outbox').dropColumn('target_id').execute();
  await db.schema.alterTable('outbox').dropColumn('target_kind').execute();
  await db.schema.alterTable('outbox').dropColumn('notice_kind').execute();
}

import type { Kysely } from 'kysely';

/**
 * Issue 15, the rest: sign-in at a meeting's door by QR (an attendee verified against the registry
 * signs in once: unique per meeting and member), and objections to the 公示 of selection results.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultation_attendees').addColumn('member_id', 'text', (c) => c.references('household_members.id')).execute();
  await db.schema.alterTable('consultation_attendees').addColumn('via', 'text').execute(); // staff | door
  await db.schema.createIndex('consultation_attendees_member').on('consultation_attendees').columns(['meeting_id', 'member_id']).unique().execute();

  await db.schema
    .createTable('selection_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // portal | staff
    .addColumn('draw_order', 'integer') // the result objected to (its place in the order), when named
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('received_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text') // upheld | dismissed (null: open)
    .addColumn('reply', 'text')
    .addColumn('handled_by', 'text', (c) => c.references('users.id'))
    .addColumn('handled_at', 'text')
    .execute();
  await db.schema.createIndex('selection_objections_project').on('selection_objections').columns(['project_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('selection_objections').execute();
  await db.schema.dropIndex('consultation_attendees_member').execute();
  await db.schema.alterTable('consultation_attendees').dropColumn('via').execute();
  await db.schema.alterTable('consultation_attendees').dropColumn('member_id').execute();
}

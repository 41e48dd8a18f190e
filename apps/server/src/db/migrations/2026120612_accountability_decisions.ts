import type { Kysely } from 'kysely';

/**
 * 责任追究 becomes a decision: every record starts `proposed`; a supervisor confirms or withdraws it
 * with a reason, and the unit may appeal (申诉) once before that (`appealed`). Only confirmed
 * records count in the figures. The existing columns stay as they are (the time-limit sweep, the
 * case handlers and the supervision module write them); the new ones all have defaults.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accountability_records').addColumn('state', 'text', (c) => c.notNull().defaultTo('proposed')).execute();
  for (const column of ['appeal_text', 'appealed_by', 'appealed_at', 'decision_reason', 'decided_by', 'decided_at', 'created_by']) {
    await db.schema.alterTable('accountability_records').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('accountability_state_created').on('accountability_records').columns(['state', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accountability_state_created').execute();
  for (const column of ['created_by', 'decided_at', 'decided_by', 'decision_reason', 'appealed_at', 'appealed_by', 'appeal_text', 'state']) {
    await db.schema.alterTable('accountability_records').dropColumn(column).execute();
  }
}

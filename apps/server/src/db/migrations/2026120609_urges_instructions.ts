import type { Kysely } from 'kysely';

/**
 * 催办 (urges: a record each, and a count on the case for lists) and 批示 (leaders' instructions the
 * handling unit acknowledges and reports back on); stale pending extension requests closed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('urge_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('case_urges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('urged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_urges_case').on('case_urges').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_instructions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('leader_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // issued | acknowledged | reported
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id'))
    .addColumn('reported_at', 'text')
    .addColumn('reported_by', 'text', (c) => c.references('users.id'))
    .addColumn('report', 'text')
    .execute();
  await db.schema.createIndex('case_instructions_case').on('case_instructions').columns(['case_id', 'created_at']).execute();
  await closeStalePendingExtensions(db, new Date().toISOString());
}

/** Extension requests left pending by cases that moved on before the fix of issue 13 item 7 are closed, with the reason. */
export async function closeStalePendingExtensions(db: Kysely<any>, at: string): Promise<void> {
  await db
    .updateTable('case_extensions')
    .set({ status: 'closed', decided_at: at, decision_note: '诉求件已离开办理环节，延期申请自动关闭' })
    .where('status', '=', 'pending')
    .where('case_id', 'in', db.selectFrom('cases').select('id').where('status', '!=', 'handling'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_instructions').execute();
  await db.schema.dropTable('case_urges').execute();
  await db.schema.alterTable('cases').dropColumn('urge_count').execute();
}

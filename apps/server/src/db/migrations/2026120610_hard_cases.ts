import { type Kysely, sql } from 'kysely';

/**
 * Long-standing hard cases (积案, issue 13 item 3): joint review meetings (集中会审) — invited units,
 * the cases on the agenda with one decision each — and task forces (专案组) on a case with members
 * from several units, milestones and progress reports. Portable types only (text, integer).
 *
 * - `task_force_members.case_id` repeats the task force's case: the case page asks "does this user
 *   sit on the case's task force?" with one probe of `task_force_members_user_case`.
 * - One task force per case (`task_forces_case` is unique): a second decision adds members instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hard_case_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('chair_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'held')`))
    .addColumn('minutes', 'text')
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .execute();
  await db.schema.createIndex('hard_case_meetings_area_time').on('hard_case_meetings').columns(['area_code', 'scheduled_at']).execute();
  await db.schema.createIndex('hard_case_meetings_time').on('hard_case_meetings').columns(['scheduled_at']).execute();

  await db.schema
    .createTable('hard_case_meeting_units')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('hard_case_meetings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('hard_case_meeting_units_pk', ['meeting_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('hard_case_meeting_units_unit').on('hard_case_meeting_units').columns(['unit_id', 'meeting_id']).execute();

  await db.schema
    .createTable('hard_case_meeting_cases')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('hard_case_meetings.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('assign_leader', 'task_force', 'new_date', 'close')`))
    .addColumn('decision_note', 'text')
    .addColumn('decision_data', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('hard_case_meeting_cases_pk', ['meeting_id', 'case_id'])
    .execute();
  await db.schema.createIndex('hard_case_meeting_cases_case').on('hard_case_meeting_cases').columns(['case_id', 'meeting_id']).execute();

  await db.schema
    .createTable('task_forces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan', 'text')
    .addColumn('lead_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('hard_case_meetings.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_forces_case').on('task_forces').column('case_id').unique().execute();

  await db.schema
    .createTable('task_force_members')
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'member')`))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_force_members_pk', ['task_force_id', 'user_id'])
    .execute();
  await db.schema.createIndex('task_force_members_user_case').on('task_force_members').columns(['user_id', 'case_id']).execute();

  await db.schema
    .createTable('task_force_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_force_milestones_force').on('task_force_milestones').columns(['task_force_id', 'due_on']).execute();

  await db.schema
    .createTable('task_force_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_force_id', 'text', (c) => c.notNull().references('task_forces.id'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_force_reports_force').on('task_force_reports').columns(['task_force_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['task_force_reports', 'task_force_milestones', 'task_force_members', 'task_forces', 'hard_case_meeting_cases', 'hard_case_meeting_units', 'hard_case_meetings']) {
    await db.schema.dropTable(table).execute();
  }
}

import type { Kysely } from 'kysely';

/**
 * 值班 · 请假 · 考勤 (issue 14 items 1–2): duty shifts per unit, day and shift (one row per slot,
 * its person empty while unfilled), swaps awaiting the unit head, the cases claimed for the duty
 * person out of hours, the week-ahead gap notices sent once; leave applications and the unit
 * head's attendance corrections (one per person and day, the latest wins, each audited).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('date', 'text', (c) => c.notNull()) // China-time date YYYY-MM-DD
    .addColumn('shift', 'text', (c) => c.notNull()) // day | night
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('lead_user_id', 'text', (c) => c.references('users.id')) // 带班领导
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_shifts_slot').on('duty_shifts').columns(['unit_id', 'date', 'shift']).unique().execute();
  await db.schema.createIndex('duty_shifts_user').on('duty_shifts').columns(['user_id', 'date']).execute();

  await db.schema
    .createTable('duty_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shift_id', 'text', (c) => c.notNull().references('duty_shifts.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('from_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('to_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | approved | rejected
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('duty_swaps_unit').on('duty_swaps').columns(['unit_id', 'state', 'requested_at']).execute();

  await db.schema
    .createTable('duty_case_claims')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('shift_id', 'text', (c) => c.notNull().references('duty_shifts.id'))
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_case_claims_user').on('duty_case_claims').columns(['user_id', 'claimed_at']).execute();

  await db.schema
    .createTable('duty_gap_notices')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('shift', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_gap_notices_pk', ['unit_id', 'date', 'shift'])
    .execute();

  await db.schema
    .createTable('leaves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // sick | personal | annual | other
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | approved | rejected | cancelled
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('leaves_user').on('leaves').columns(['user_id', 'starts_on']).execute();
  await db.schema.createIndex('leaves_unit').on('leaves').columns(['unit_id', 'state', 'starts_on']).execute();

  await db.schema
    .createTable('attendance_corrections')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // present | absent | leave | trip
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_corrections_pk', ['user_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['attendance_corrections', 'leaves', 'duty_gap_notices', 'duty_case_claims', 'duty_swaps', 'duty_shifts']) await db.schema.dropTable(t).execute();
}

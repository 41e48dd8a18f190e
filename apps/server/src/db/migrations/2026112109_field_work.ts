import { type Kysely, sql } from 'kysely';

/**
 * Field work (SPEC §4): visits and the diary (走访 · 民情日记), check-ins, stationing (驻村), joint
 * office days (联合办公日), leader reception days (领导接访日) and campaigns (三送).
 *
 * - Visits and check-ins keep `local_date` (China-time YYYY-MM-DD) beside the instant: the
 *   stationing rule counts days present, and a day is a China-time day, so the report groups on
 *   a plain indexed column instead of converting instants in SQL (which differs per database).
 * - `delivered` is a JSON array of 送政策/送温暖/送服务 codes (text JSON is portable).
 * - Campaign targets repeat the household's area code so coverage per village needs no join.
 * - Appointment names and phones are personal data: encrypted, with a blind index of the phone
 *   so one person cannot book the same session twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_area_starts').on('campaigns').columns(['area_code', 'starts_on']).execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cadre_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('visit', 'revisit', 'appointment', 'outreach', 'case_outreach')`))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('place', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('checked_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accuracy_m', 'double precision')
    .addColumn('notes', 'text')
    .addColumn('delivered', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The diary (a cadre by period), area lists, the stationing report (by day) and campaign visits.
  await db.schema.createIndex('visits_cadre_occurred').on('visits').columns(['cadre_user_id', 'occurred_at']).execute();
  await db.schema.createIndex('visits_area_occurred').on('visits').columns(['area_code', 'occurred_at']).execute();
  await db.schema.createIndex('visits_cadre_day').on('visits').columns(['cadre_user_id', 'local_date', 'area_code']).execute();
  // Covers the stationing report's presence scan (days in a period, in an area subtree) without the table.
  await db.schema.createIndex('visits_day_area_cadre').on('visits').columns(['local_date', 'area_code', 'cadre_user_id']).execute();
  await db.schema.createIndex('visits_campaign').on('visits').columns(['campaign_id', 'occurred_at']).execute();

  await db.schema
    .createTable('visit_households')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addPrimaryKeyConstraint('visit_households_pk', ['visit_id', 'household_id'])
    .execute();
  await db.schema.createIndex('visit_households_household').on('visit_households').columns(['household_id', 'visit_id']).execute();

  await db.schema
    .createTable('visit_photos')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('attachment_id', 'text', (c) => c.notNull().unique().references('attachments.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_photos_visit').on('visit_photos').columns(['visit_id', 'sort']).execute();

  await db.schema
    .createTable('visit_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.references('categories.code'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('converted_at', 'text')
    .addColumn('converted_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('visit_problems_visit').on('visit_problems').columns(['visit_id', 'seq']).execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cadre_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('accuracy_m', 'double precision')
    .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
    .execute();
  await db.schema.createIndex('check_ins_cadre_day').on('check_ins').columns(['cadre_user_id', 'local_date', 'area_code']).execute();
  await db.schema.createIndex('check_ins_day_area_cadre').on('check_ins').columns(['local_date', 'area_code', 'cadre_user_id']).execute();

  await db.schema
    .createTable('stationing_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cadre_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    // Null: the global rule (setting `stationing`, default 3 days a week).
    .addColumn('min_days_per_week', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stationing_village_starts').on('stationing_assignments').columns(['village_code', 'starts_on']).execute();
  await db.schema.createIndex('stationing_cadre').on('stationing_assignments').columns(['cadre_user_id', 'starts_on']).execute();

  await db.schema
    .createTable('office_day_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().unique().references('areas.code'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`)) // ISO: Monday = 1
    .addColumn('place', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('office_day_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('schedule_id', 'text', (c) => c.references('office_day_schedules.id'))
    .addColumn('place', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('office_day_sessions_village_date', ['village_code', 'date'])
    .execute();
  await db.schema.createIndex('office_day_sessions_date').on('office_day_sessions').columns(['date', 'village_code']).execute();

  await db.schema
    .createTable('office_day_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('office_day_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('office_day_attendance_pk', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('reception_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('leader_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reception_sessions_published').on('reception_sessions').columns(['is_published', 'starts_at']).execute();
  await db.schema.createIndex('reception_sessions_area').on('reception_sessions').columns(['area_code', 'starts_at']).execute();

  await db.schema
    .createTable('reception_appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('reception_sessions.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_key', 'text', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'confirmed', 'done', 'cancelled')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('portal', 'staff')`))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reception_appointments_session').on('reception_appointments').columns(['session_id', 'created_at']).execute();
  await db.schema.createIndex('reception_appointments_phone').on('reception_appointments').columns(['session_id', 'phone_key']).execute();

  await db.schema
    .createTable('reception_session_cases')
    .addColumn('session_id', 'text', (c) => c.notNull().references('reception_sessions.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('linked_by', 'text', (c) => c.references('users.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reception_session_cases_pk', ['session_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('campaign_targets')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('cadre_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('visited_at', 'text')
    .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_targets_pk', ['campaign_id', 'household_id'])
    .execute();
  await db.schema.createIndex('campaign_targets_cadre').on('campaign_targets').columns(['campaign_id', 'cadre_user_id']).execute();
  await db.schema.createIndex('campaign_targets_area').on('campaign_targets').columns(['campaign_id', 'area_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'campaign_targets',
    'reception_session_cases',
    'reception_appointments',
    'reception_sessions',
    'office_day_attendance',
    'office_day_sessions',
    'office_day_schedules',
    'stationing_assignments',
    'check_ins',
    'visit_problems',
    'visit_photos',
    'visit_households',
    'visits',
    'campaigns',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

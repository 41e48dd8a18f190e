import type { Kysely } from 'kysely';

/**
 * The backbone schema. Portable types only, so SQLite and PostgreSQL behave alike:
 * times are UTC ISO-8601 text (fixed width, so text order is time order), booleans are 0/1
 * integers, JSON is text, ids are text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('areas')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text', (c) => c.references('areas.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('areas_parent').on('areas').columns(['parent_code', 'sort']).execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('phone', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_area').on('units').column('area_code').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A role is held in a unit; scope follows from the unit's area (SPEC §1).
  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'unit_id', 'role'])
    .execute();
  await db.schema.createIndex('user_roles_unit').on('user_roles').columns(['unit_id', 'role']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the cookie token
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text', (c) => c.references('categories.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('default_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('time_limit_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('category_code', 'text')
    .addColumn('urgency', 'text')
    .addColumn('channel', 'text')
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // Counters serve tracking-code numbers per day and the audit hash chain; updating the row
  // takes its lock, which serialises writers on PostgreSQL as SQLite does by itself.
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('text_value', 'text')
    .execute();

  await createCaseTables(db);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull()) // sms | internal
    .addColumn('recipient_user_id', 'text')
    .addColumn('recipient_phone_enc', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params', 'text') // JSON, so internal notices can be shown in the reader's language
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // pending | sent | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('outbox_user').on('outbox').columns(['recipient_user_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_case').on('outbox').column('case_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_subject').on('audit_log').columns(['subject_type', 'subject_id']).execute();
}

async function createCaseTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('petition_class', 'text')
    .addColumn('category_code', 'text', (c) => c.notNull().references('categories.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('requester_name_enc', 'text')
    .addColumn('requester_phone_enc', 'text')
    .addColumn('requester_id_enc', 'text')
    .addColumn('requester_key', 'text') // keyed hash of phone or ID: finds a requester's earlier cases
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('people_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('representatives', 'text')
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('household_id', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('public_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flag_collective', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flag_repeat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flag_cross_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flag_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flag_major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('risk_words', 'text')
    .addColumn('repeat_of_id', 'text')
    .addColumn('duplicate_of_id', 'text')
    .addColumn('review_of_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_level', 'text', (c) => c.notNull().defaultTo('unit')) // unit | head
    .addColumn('registered_by', 'text', (c) => c.notNull())
    .addColumn('registered_unit_id', 'text', (c) => c.notNull())
    .addColumn('first_contact_user_id', 'text', (c) => c.notNull())
    .addColumn('leader_user_id', 'text')
    .addColumn('current_unit_id', 'text')
    .addColumn('handler_user_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('evaluated_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('intake_due_at', 'text')
    .addColumn('accept_due_at', 'text')
    .addColumn('handle_due_at', 'text')
    .addColumn('evaluate_due_at', 'text')
    .addColumn('review_due_at', 'text')
    // The deadline that matters in the current state, and when its clock started.
    .addColumn('clock_started_at', 'text')
    .addColumn('current_due_at', 'text')
    .addColumn('due_level', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_text', 'text')
    .addColumn('reply_solved', 'integer')
    .addColumn('evaluation_result', 'text')
    .addColumn('evaluation_solved', 'integer')
    .addColumn('evaluation_comment', 'text')
    .addColumn('evaluation_channel', 'text')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dissatisfied_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('responded_on_time', 'integer')
    .addColumn('closed_on_time', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Each index serves one list: a unit's inbox, the dispatch queue and area ledgers, the sweep,
  // a requester's history, and the keyset-paged ledger.
  await db.schema.createIndex('cases_unit_inbox').on('cases').columns(['current_unit_id', 'status', 'current_due_at']).execute();
  await db.schema.createIndex('cases_status_area').on('cases').columns(['status', 'area_code', 'current_due_at']).execute();
  await db.schema.createIndex('cases_due').on('cases').columns(['current_due_at', 'status']).execute();
  await db.schema.createIndex('cases_requester').on('cases').columns(['requester_key', 'registered_at']).execute();
  await db.schema.createIndex('cases_area_time').on('cases').columns(['area_code', 'registered_at', 'id']).execute();
  await db.schema.createIndex('cases_time').on('cases').columns(['registered_at', 'id']).execute();
  await db.schema.createIndex('cases_first_contact').on('cases').columns(['first_contact_user_id', 'registered_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_unit_id', 'text')
    .addColumn('actor_label', 'text') // 'resident', 'system' when there is no user
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('case_events_seq').unique().on('case_events').columns(['case_id', 'seq']).execute();
  await db.schema.createIndex('case_events_at').on('case_events').columns(['action', 'at']).execute();

  await db.schema
    .createTable('case_co_units')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('case_co_units_pk', ['case_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('case_co_units_unit').on('case_co_units').columns(['unit_id', 'case_id']).execute();

  await db.schema
    .createTable('case_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | approved | rejected
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('case_extensions_case').on('case_extensions').columns(['case_id', 'status']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_case').on('attachments').column('case_id').execute();

  await db.schema
    .createTable('accountability_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('unit_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accountability_unique').unique().on('accountability_records').columns(['case_id', 'reason', 'stage']).execute();
  await db.schema.createIndex('accountability_unit').on('accountability_records').columns(['unit_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'outbox',
    'accountability_records',
    'attachments',
    'case_extensions',
    'case_co_units',
    'case_events',
    'cases',
    'counters',
    'settings',
    'calendar_days',
    'time_limit_rules',
    'categories',
    'sessions',
    'user_roles',
    'users',
    'units',
    'areas',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

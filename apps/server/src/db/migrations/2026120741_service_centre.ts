import type { Kysely } from 'kysely';

/**
 * 便民服务中心 (SPEC §6, issue 16): the catalogue (`service_items`), applications with their
 * materials checklist, photos and events, committee meetings (集体审批) with members and votes,
 * and objections to the 公示. Personal data of applicants and objectors is encrypted (`*_enc`);
 * `applicant_masked` is what lists and the 公示 show.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // village | community | township | county
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('materials', 'text', (c) => c.notNull()) // JSON [{ name, example }]
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('limit_unit', 'text', (c) => c.notNull())
    .addColumn('fee', 'text', (c) => c.notNull())
    .addColumn('proxy_allowed', 'integer', (c) => c.notNull())
    .addColumn('needs_collective', 'integer', (c) => c.notNull())
    .addColumn('publicity_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('quorum_percent', 'integer', (c) => c.notNull().defaultTo(67))
    .addColumn('vote_rule', 'text', (c) => c.notNull().defaultTo('simple'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // window | proxy | portal
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code')) // the applicant's village
    .addColumn('deciding_area_code', 'text', (c) => c.notNull()) // the area whose deciders decide it (the item's level above the village)
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('applicant_name_enc', 'text', (c) => c.notNull())
    .addColumn('applicant_phone_enc', 'text', (c) => c.notNull())
    .addColumn('applicant_id_enc', 'text')
    .addColumn('applicant_masked', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('proxy_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('clock_start_at', 'text') // the time limit counts from receipt, again from a supplement
    .addColumn('due_at', 'text')
    .addColumn('due_level', 'text', (c) => c.notNull().defaultTo('normal')) // normal | yellow | red
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_at_decision', 'integer') // 1 when decided after the due time
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('meeting_id', 'text')
    .addColumn('tally', 'text') // JSON { for, against, abstain }
    .addColumn('publicity_starts_at', 'text')
    .addColumn('publicity_ends_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('evaluation_result', 'text')
    .addColumn('evaluation_comment', 'text')
    .addColumn('evaluated_at', 'text')
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0)) // bumped when an upheld objection sends it back (old links die)
    .execute();
  await db.schema.createIndex('service_applications_area').on('service_applications').columns(['area_code', 'submitted_at']).execute();
  await db.schema.createIndex('service_applications_deciding').on('service_applications').columns(['deciding_area_code', 'state']).execute();
  await db.schema.createIndex('service_applications_proxy').on('service_applications').columns(['proxy_user_id', 'state']).execute();
  await db.schema.createIndex('service_applications_due').on('service_applications').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('service_applications_publicity').on('service_applications').columns(['state', 'publicity_ends_at']).execute();

  await db.schema
    .createTable('service_application_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('service_applications.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // present | missing | to_correct
    .addColumn('note', 'text')
    .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('')) // comma-separated attachments.id
    .execute();
  await db.schema.createIndex('service_application_materials_app').on('service_application_materials').columns(['application_id', 'position']).execute();

  await db.schema
    .createTable('service_application_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('service_applications.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull()) // from the counter `service_events`: the order of events written at one instant
    .execute();
  await db.schema.createIndex('service_application_events_app').on('service_application_events').columns(['application_id', 'seq']).execute();

  await db.schema
    .createTable('service_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull()) // JSON [{ name, role, present }]
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_meetings_area').on('service_meetings').columns(['area_code', 'held_at']).execute();

  await db.schema
    .createTable('service_votes')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('service_meetings.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('service_applications.id'))
    .addColumn('votes', 'text') // JSON [{ member, vote }] once voted
    .addColumn('outcome', 'text') // passed | failed
    .addPrimaryKeyConstraint('service_votes_pk', ['meeting_id', 'application_id'])
    .execute();
  await db.schema.createIndex('service_votes_app').on('service_votes').column('application_id').execute();

  await db.schema
    .createTable('service_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('service_applications.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // portal | window
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('contact_phone_enc', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('finding', 'text')
    .addColumn('upheld', 'integer')
    .addColumn('answer', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('service_objections_app').on('service_objections').columns(['application_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['service_objections', 'service_votes', 'service_meetings', 'service_application_events', 'service_application_materials', 'service_applications', 'service_items']) {
    await db.schema.dropTable(table).execute();
  }
}

import type { Kysely } from 'kysely';

/**
 * 恳谈会 · 征求意见 (issue 15 item 2): a consultation with its options, background documents,
 * meetings (attendees, counts, named votes), opinions (one per `voter_key`: the household or the
 * member, as the rule says — a unique index, so two phones of one household can never both vote)
 * and the SMS codes that verify residents on the portal (only keyed hashes are kept).
 * `project_id` points at the projects table of the projects module without a foreign key: the
 * two modules were built side by side.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('background', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('tag_codes', 'text', (c) => c.notNull()) // ",a,b," or ""
    .addColumn('household_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('groups', 'text', (c) => c.notNull()) // JSON array
    .addColumn('questions', 'text', (c) => c.notNull()) // JSON array
    .addColumn('rule', 'text', (c) => c.notNull()) // household | resident
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('decision', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_area').on('consultations').columns(['area_code', 'created_at']).execute();
  await db.schema.createIndex('consultations_project').on('consultations').column('project_id').execute();

  await db.schema
    .createTable('consultation_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_options_consultation').on('consultation_options').column('consultation_id').execute();

  await db.schema
    .createTable('consultation_attachments')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
    .addPrimaryKeyConstraint('consultation_attachments_pk', ['consultation_id', 'attachment_id'])
    .execute();

  await db.schema
    .createTable('consultation_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('voting', 'text', (c) => c.notNull()) // counts | named | none
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_meetings_consultation').on('consultation_meetings').columns(['consultation_id', 'held_at']).execute();

  await db.schema
    .createTable('consultation_meeting_counts')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('consultation_meetings.id'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('consultation_options.id'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_meeting_counts_pk', ['meeting_id', 'option_id'])
    .execute();

  await db.schema
    .createTable('consultation_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('consultation_meetings.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('role', 'text')
    .addColumn('signed_in_at', 'text')
    .addColumn('option_id', 'text', (c) => c.references('consultation_options.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_attendees_meeting').on('consultation_attendees').column('meeting_id').execute();

  await db.schema
    .createTable('consultation_opinions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull()) // household:<id> | member:<id>
    .addColumn('channel', 'text', (c) => c.notNull()) // portal | cadre
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('member_id', 'text', (c) => c.references('household_members.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('option_id', 'text', (c) => c.references('consultation_options.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('visit_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('response', 'text') // adopted | partly | not_adopted
    .addColumn('reason', 'text')
    .addColumn('responded_at', 'text')
    .execute();
  await db.schema.createIndex('consultation_opinions_voter').on('consultation_opinions').columns(['consultation_id', 'voter_key']).unique().execute();

  await db.schema
    .createTable('consultation_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull()) // consultation:<id> | survey:<id>
    .addColumn('phone_key', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('consultation_codes_subject').on('consultation_codes').columns(['subject', 'phone_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['consultation_codes', 'consultation_opinions', 'consultation_attendees', 'consultation_meeting_counts', 'consultation_meetings', 'consultation_attachments', 'consultation_options', 'consultations']) {
    await db.schema.dropTable(table).execute();
  }
}

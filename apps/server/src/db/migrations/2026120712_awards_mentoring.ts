import type { Kysely } from 'kysely';

/**
 * Awards (评先评优: kinds defined by admins, rounds with candidates, votes and winners), mentoring
 * (拜师认徒: pairs, the mentee's records with the mentor's comments) and training (培训: sessions
 * and who attended for how many hours).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('award_kinds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull()) // person | unit
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind_id', 'text', (c) => c.notNull().references('award_kinds.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('decide_by', 'text', (c) => c.notNull()) // vote | leader
    .addColumn('winners_max', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | decided | published
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('awards_area').on('awards').columns(['area_code', 'created_at']).execute();
  await db.schema.createIndex('awards_published').on('awards').columns(['state', 'published_at']).execute();
  await db.schema
    .createTable('award_candidates')
    .addColumn('award_id', 'text', (c) => c.notNull().references('awards.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull()) // a user or a unit
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('reason', 'text')
    .addColumn('figure', 'real') // the composite that suggested them
    .addColumn('is_winner', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('award_candidates_pk', ['award_id', 'subject_id'])
    .execute();
  await db.schema.createIndex('award_candidates_subject').on('award_candidates').columns(['subject_id']).execute();
  await db.schema
    .createTable('award_votes')
    .addColumn('award_id', 'text', (c) => c.notNull().references('awards.id'))
    .addColumn('voter_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('award_votes_pk', ['award_id', 'voter_user_id', 'subject_id'])
    .execute();

  await db.schema
    .createTable('mentor_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mentor_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('mentee_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // active | closed
    .addColumn('review', 'text')
    .addColumn('review_rating', 'text') // excellent | good | pass | fail
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentor_pairs_mentor').on('mentor_pairs').columns(['mentor_user_id']).execute();
  await db.schema.createIndex('mentor_pairs_mentee').on('mentor_pairs').columns(['mentee_user_id']).execute();
  await db.schema.createIndex('mentor_pairs_area').on('mentor_pairs').columns(['area_code']).execute();
  await db.schema
    .createTable('mentoring_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('mentor_pairs.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // visit | case | study | other
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text') // the shared visit or case
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('mentor_comment', 'text')
    .addColumn('commented_at', 'text')
    .execute();
  await db.schema.createIndex('mentoring_records_pair').on('mentoring_records').columns(['pair_id', 'occurred_on']).execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_sessions_area').on('training_sessions').columns(['area_code', 'held_on']).execute();
  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('training_attendance_user').on('training_attendance').columns(['user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['training_attendance', 'training_sessions', 'mentoring_records', 'mentor_pairs', 'award_votes', 'award_candidates', 'awards', 'award_kinds']) await db.schema.dropTable(t).execute();
}

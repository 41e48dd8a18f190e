import type { Kysely } from 'kysely';

/**
 * Cadre evaluation (干部考核): cycles over units, their members, the staff scorings of 德能勤绩廉
 * from three sources, the residents' survey (ballots, one per verified phone, and their SMS codes),
 * and the results written at closing (per person and per unit).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('eval_cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('peer_group_by', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull()) // JSON: source and item weights, quotas, objective share
    .addColumn('state', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('eval_cycles_area').on('eval_cycles').columns(['area_code', 'created_at']).execute();

  await db.schema
    .createTable('eval_cycle_units')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('eval_cycles.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('score', 'real')
    .addColumn('rank', 'integer')
    .addPrimaryKeyConstraint('eval_cycle_units_pk', ['cycle_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('eval_members')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('eval_cycles.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('peer_group', 'text', (c) => c.notNull())
    // Written at closing:
    .addColumn('score', 'real')
    .addColumn('rank', 'integer')
    .addColumn('group_size', 'integer')
    .addColumn('grade', 'text')
    .addColumn('result', 'text') // JSON: items, by source, counts, objective, figures
    .addPrimaryKeyConstraint('eval_members_pk', ['cycle_id', 'user_id'])
    .execute();
  await db.schema.createIndex('eval_members_user').on('eval_members').columns(['user_id', 'cycle_id']).execute();

  await db.schema
    .createTable('eval_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('eval_cycles.id'))
    .addColumn('member_user_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // leader | organisation | peer
    .addColumn('scorer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('de', 'real', (c) => c.notNull())
    .addColumn('neng', 'real', (c) => c.notNull())
    .addColumn('qin', 'real', (c) => c.notNull())
    .addColumn('ji', 'real', (c) => c.notNull())
    .addColumn('lian', 'real', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eval_scores_one').unique().on('eval_scores').columns(['cycle_id', 'member_user_id', 'source', 'scorer_user_id']).execute();
  await db.schema.createIndex('eval_scores_scorer').on('eval_scores').columns(['cycle_id', 'scorer_user_id']).execute();

  await db.schema
    .createTable('eval_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('eval_cycles.id'))
    .addColumn('phone_key', 'text', (c) => c.notNull()) // keyed hash of the phone: one ballot per phone
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eval_ballots_phone').unique().on('eval_ballots').columns(['cycle_id', 'phone_key']).execute();

  await db.schema
    .createTable('eval_ballot_answers')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('eval_ballots.id'))
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('member_user_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('eval_ballot_answers_pk', ['ballot_id', 'member_user_id'])
    .execute();
  await db.schema.createIndex('eval_ballot_answers_member').on('eval_ballot_answers').columns(['cycle_id', 'member_user_id']).execute();

  await db.schema
    .createTable('eval_survey_otps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('phone_key', 'text', (c) => c.notNull())
    .addColumn('otp_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('eval_survey_otps_phone').on('eval_survey_otps').columns(['cycle_id', 'phone_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['eval_survey_otps', 'eval_ballot_answers', 'eval_ballots', 'eval_scores', 'eval_members', 'eval_cycle_units', 'eval_cycles']) await db.schema.dropTable(t).execute();
}

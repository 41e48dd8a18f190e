import type { Kysely } from 'kysely';

/**
 * 问需于民 · 调查研究 (issue 15 item 3): a questionnaire over the households of an area (and tags),
 * answered once per household (unique index) on the portal or by a cadre on a visit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('tag_codes', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_area').on('surveys').columns(['area_code', 'created_at']).execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // portal | cadre
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('visit_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_answers_household').on('survey_answers').columns(['survey_id', 'household_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_answers').execute();
  await db.schema.dropTable('surveys').execute();
}

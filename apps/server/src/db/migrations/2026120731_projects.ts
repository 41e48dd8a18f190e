import type { Kysely } from 'kysely';

/**
 * 重点项目 · 选房登记 (issue 15 items 1, 4, 5): projects with the households concerned, disclosures
 * (public or internal documents) and linked cases; the selection registration: eligible households
 * with their entitlement and place in the order, flats on offer, booking slots. A flat is given once:
 * `selection_flats.taken_by` is set only where it is still null, and is unique.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('description', 'text')
    .addColumn('order_rule', 'text', (c) => c.notNull()) // lottery | published
    .addColumn('lottery_seed', 'text')
    .addColumn('lottery_algorithm', 'text')
    .addColumn('drawn_at', 'text')
    .addColumn('drawn_by', 'text', (c) => c.references('users.id'))
    .addColumn('results_published_at', 'text')
    .addColumn('objection_until', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_area').on('projects').columns(['area_code', 'created_at']).execute();

  await db.schema
    .createTable('project_households')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_households_pk', ['project_id', 'household_id'])
    .execute();
  await db.schema.createIndex('project_households_household').on('project_households').column('household_id').execute();

  await db.schema
    .createTable('project_disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('project_disclosures_project').on('project_disclosures').columns(['project_id', 'published_at']).execute();

  await db.schema
    .createTable('project_cases')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('linked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_cases_pk', ['project_id', 'case_id'])
    .execute();
  await db.schema.createIndex('project_cases_case').on('project_cases').column('case_id').execute();

  await db.schema
    .createTable('selection_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('selection_slots_project').on('selection_slots').columns(['project_id', 'starts_at']).execute();

  await db.schema
    .createTable('selection_households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('number', 'integer', (c) => c.notNull()) // registration number, public
    .addColumn('entitled_area', 'real', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('booking_code', 'text', (c) => c.notNull())
    .addColumn('slot_id', 'text', (c) => c.references('selection_slots.id'))
    .addColumn('draw_order', 'integer')
    .addColumn('state', 'text', (c) => c.notNull()) // waiting | called | chosen | absent
    .addColumn('desk', 'text')
    .addColumn('called_at', 'text')
    .addColumn('flat_id', 'text')
    .addColumn('chosen_at', 'text')
    .addColumn('chosen_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('selection_households_household', ['project_id', 'household_id'])
    .addUniqueConstraint('selection_households_number', ['project_id', 'number'])
    .addUniqueConstraint('selection_households_code', ['booking_code'])
    .execute();
  await db.schema.createIndex('selection_households_order').on('selection_households').columns(['project_id', 'state', 'draw_order']).execute();

  await db.schema
    .createTable('selection_flats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('building', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('size', 'real', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.unique().references('selection_households.id'))
    .addColumn('taken_at', 'text')
    .addUniqueConstraint('selection_flats_number', ['project_id', 'building', 'unit', 'number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['selection_flats', 'selection_households', 'selection_slots', 'project_cases', 'project_disclosures', 'project_households', 'projects']) {
    await db.schema.dropTable(t).execute();
  }
}

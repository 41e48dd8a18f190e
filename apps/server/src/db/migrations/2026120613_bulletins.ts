import type { Kysely } from 'kysely';

/**
 * Periodic bulletins (定期通报): one row per kind, area and period (generating again replaces a
 * draft), its body as the ordered list of sections computed at generation (JSON), the typical
 * cases chosen by staff (JSON), and the units it was published to.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // weekly | monthly
    .addColumn('period_key', 'text', (c) => c.notNull()) // 2026-11 | 2026-W47
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull()) // the n of 〔year〕n号, per area and year
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('min_cases', 'integer', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull()) // JSON: StoredSection[]
    .addColumn('typical', 'text', (c) => c.notNull().defaultTo('[]')) // JSON: chosen typical cases
    .addColumn('state', 'text', (c) => c.notNull()) // draft | published
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('bulletins_period').unique().on('bulletins').columns(['kind', 'area_code', 'period_key']).execute();
  await db.schema.createIndex('bulletins_number').unique().on('bulletins').columns(['area_code', 'year', 'seq']).execute();
  await db.schema.createIndex('bulletins_created').on('bulletins').columns(['created_at']).execute();

  await db.schema
    .createTable('bulletin_recipients')
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletins.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('bulletin_recipients_pk', ['bulletin_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('bulletin_recipients_unit').on('bulletin_recipients').columns(['unit_id', 'bulletin_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bulletin_recipients').execute();
  await db.schema.dropTable('bulletins').execute();
}

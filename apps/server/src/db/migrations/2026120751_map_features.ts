import type { Kysely } from 'kysely';

/**
 * 地图图层 (issue 17): roads, water and landmarks an admin imports as GeoJSON, so that maps without
 * a tile service show more than area names. `geometry` is the GeoJSON geometry as text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('map_features')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // road | water | landmark
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('users.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('map_features_sort').on('map_features').columns(['sort']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('map_features').execute();
}

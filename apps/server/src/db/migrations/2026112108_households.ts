import type { Kysely } from 'kysely';

/**
 * The household registry (民情档案) and what the village map (民情图) needs.
 *
 * - `households` sit at a village or grid area; the head's name is personal data, so it is stored
 *   encrypted with a masked copy for lists and map labels. `tag_codes` repeats the household's tags
 *   as ",code1,code2," so lists and map points need no join (the service writes it together with
 *   `household_tags`, which stays the source for tag filters and counts).
 * - Households are archived, never deleted: visits and cases keep pointing at them.
 * - Members carry encrypted ID numbers and phones with blind indexes (`*_key`, the same keyed hash
 *   cases keep in `requester_key`), so a household's cases can be found without clear text.
 * - `areas.boundary` (GeoJSON polygon text) lets the map draw villages with no tile service.
 */
const BUILTIN_TAGS: ReadonlyArray<[string, string, string, string]> = [
  ['dibao', '低保', 'Minimum living allowance', '#fa8c16'],
  ['tekun', '特困', 'Extreme hardship', '#f5222d'],
  ['disabled', '残疾', 'Disability', '#722ed1'],
  ['elderly_alone', '独居老人', 'Elderly living alone', '#eb2f96'],
  ['left_behind_child', '留守儿童', 'Left-behind child', '#13c2c2'],
  ['veteran', '退役军人', 'Veteran', '#2f54eb'],
  ['key_person', '重点人员', 'Key person', '#cf1322'],
  ['party_member', '党员户', 'Party member household', '#d4380d'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('areas').addColumn('boundary', 'text').execute();

  await db.schema
    .createTable('tags')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('is_builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Built-in tags are reference data every deployment has (SPEC §3); admins add their own.
  await db
    .insertInto('tags')
    .values(
      BUILTIN_TAGS.map(([code, nameZh, nameEn, color], sort) => ({
        code,
        name_zh: nameZh,
        name_en: nameEn,
        color,
        is_builtin: 1,
        is_active: 1,
        sort: (sort + 1) * 10,
        created_at: '2026-11-21T00:00:00.000Z',
      })),
    )
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('head_name_enc', 'text', (c) => c.notNull())
    .addColumn('head_name_masked', 'text', (c) => c.notNull())
    .addColumn('contact_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('tag_codes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs', 'text')
    .addColumn('notes', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // Number of the last change, from the `households.change_seq` counter bumped in the write's
    // transaction (its row lock orders commits): the map's in-memory index catches up by it.
    .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('counters').values({ name: 'households.change_seq', value: 0, text_value: null }).execute();
  // The keyset-paged ledger of an area subtree; a contact cadre's households; the map viewport
  // (a range on lng, then lat and the area range checked from the index without the table).
  await db.schema.createIndex('households_area_id').on('households').columns(['area_code', 'id']).execute();
  await db.schema.createIndex('households_contact').on('households').columns(['contact_user_id', 'area_code', 'id']).execute();
  await db.schema.createIndex('households_change').on('households').column('change_seq').execute();

  await db.schema
    .createTable('household_tags')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('tag_code', 'text', (c) => c.notNull().references('tags.code'))
    .addPrimaryKeyConstraint('household_tags_pk', ['household_id', 'tag_code'])
    .execute();
  await db.schema.createIndex('household_tags_tag').on('household_tags').columns(['tag_code', 'household_id']).execute();

  await db.schema
    .createTable('household_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('is_head', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'text') // YYYY or YYYY-MM-DD
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_key', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_key', 'text')
    .addColumn('note', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('household_members_household').on('household_members').columns(['household_id', 'sort']).execute();
  await db.schema.createIndex('household_members_phone').on('household_members').column('phone_key').execute();
  await db.schema.createIndex('household_members_id_number').on('household_members').column('id_number_key').execute();

  // Help received (帮扶记录): what a household got, when, from which unit.
  await db.schema
    .createTable('household_help')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('provider', 'text')
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('household_help_household').on('household_help').columns(['household_id', 'given_on']).execute();

  // A household's cases by link (cases.household_id exists since the initial migration).
  await db.schema.createIndex('cases_household').on('cases').columns(['household_id', 'registered_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_household').execute();
  await db.deleteFrom('counters').where('name', '=', 'households.change_seq').execute();
  for (const table of ['household_help', 'household_members', 'household_tags', 'households', 'tags']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('areas').dropColumn('boundary').execute();
}

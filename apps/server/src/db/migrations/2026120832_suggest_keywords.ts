import type { Kysely } from 'kysely';

/**
 * Cold-start keywords per category (issue 18): what admins give the suggestion before enough
 * cases are handled. A row replaces the built-in keywords of its category (default-keywords.ts);
 * `keywords` is a JSON array of strings. The category's own name always counts too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggest_keywords')
    .addColumn('category_code', 'text', (c) => c.primaryKey().references('categories.code'))
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggest_keywords').execute();
}

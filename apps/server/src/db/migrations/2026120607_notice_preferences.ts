import type { Kysely } from 'kysely';

/**
 * Each user's choice of the notice kinds that also go to them by SMS. A kind without a row keeps
 * its default (NOTICE_SMS_BY_DEFAULT in core: risk alerts and supervision by SMS).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notice_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sms', 'integer', (c) => c.notNull()) // 0 | 1
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_preferences_pk', ['user_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_preferences').execute();
}

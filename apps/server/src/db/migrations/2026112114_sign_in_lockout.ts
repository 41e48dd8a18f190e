import type { Kysely } from 'kysely';

/**
 * Per-account sign-in limits, kept in the database so that every server process sees the same
 * count: consecutive failed sign-ins, when the last one happened (the growing delay counts from
 * it), and when the account was locked (an admin lifts it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('last_failed_sign_in_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('locked_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locked_at').execute();
  await db.schema.alterTable('users').dropColumn('last_failed_sign_in_at').execute();
  await db.schema.alterTable('users').dropColumn('failed_sign_ins').execute();
}

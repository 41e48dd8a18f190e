import type { Kysely } from 'kysely';

/**
 * A message's secret (a one-time code) kept apart from its text: the outbox's body and params hold
 * it masked, and `secret_enc` holds it encrypted for the delivery step only, which clears it once
 * the message is delivered, given up or expired.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('secret_enc', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('secret_enc').execute();
}

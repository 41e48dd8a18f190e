import type { Kysely } from 'kysely';

/**
 * 督办 (supervision orders): one order to one unit over one or more cases (`supervision_order_cases`),
 * numbered per issuing organ and year (`number` unique), with the unit's signature, written
 * response and the issuer's review. `escalated_at` is set once by the sweep when the response is late.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supervision_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull()) // general | key | listed
    .addColumn('state', 'text', (c) => c.notNull()) // issued | signed | responded | returned | accepted
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('area_code', 'text', (c) => c.notNull()) // the issuer's reach the order lies in (who may read and review it)
    .addColumn('issuing_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('response_due_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text', (c) => c.references('users.id'))
    .addColumn('response', 'text')
    .addColumn('responded_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('review_note', 'text')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', 'text')
    .execute();
  await db.schema.createIndex('supervision_orders_unit').on('supervision_orders').columns(['unit_id', 'issued_at']).execute();
  await db.schema.createIndex('supervision_orders_area').on('supervision_orders').columns(['area_code', 'issued_at']).execute();
  await db.schema.createIndex('supervision_orders_due').on('supervision_orders').columns(['state', 'response_due_at']).execute();

  await db.schema
    .createTable('supervision_order_cases')
    .addColumn('order_id', 'text', (c) => c.notNull().references('supervision_orders.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addPrimaryKeyConstraint('supervision_order_cases_pk', ['order_id', 'case_id'])
    .execute();
  await db.schema.createIndex('supervision_order_cases_case').on('supervision_order_cases').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supervision_order_cases').execute();
  await db.schema.dropTable('supervision_orders').execute();
}

import type { AreaRange, SupervisionListQuery } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import type { CaseInstructionRow, CaseInstructionTable, CaseUrgeTable, SupervisionOrderRow, SupervisionOrderTable } from '../../db/supervision.tables.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Who may see which orders: those issued within these area ranges, or addressed to these units. */
export interface OrderReach {
  areaRanges: AreaRange[];
  unitIds: string[];
}

/** The awaiting states as SQL needs them (a response is owed). */
const AWAITING = ['issued', 'signed', 'returned'];

/** The only SQL of the supervision module: orders and their cases, urges, instructions. */
export const supervisionRepository = {
  /** Next number of the organ's yearly sequence (督〔2026〕12号), atomically on both databases. */
  async nextNumber(db: Q, counter: string): Promise<number> {
    const row = await db
      .insertInto('counters')
      .values({ name: counter, value: 1, textValue: null })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    return row.value;
  },

  async insertOrder(db: Q, row: SupervisionOrderTable, caseIds: readonly string[]) {
    await db.insertInto('supervisionOrders').values(row).execute();
    await db
      .insertInto('supervisionOrderCases')
      .values(caseIds.map((caseId) => ({ orderId: row.id, caseId })))
      .execute();
  },

  findOrder: (db: Q, id: string) => db.selectFrom('supervisionOrders').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Moves the order from one of `from` (so two clicks make one step); false when it was not there. */
  async moveOrder(db: Q, id: string, from: readonly string[], changes: Partial<SupervisionOrderRow>): Promise<boolean> {
    const result = await db.updateTable('supervisionOrders').set(changes).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Marks a late order escalated, unless it was already (or answered meanwhile); false then. */
  async claimEscalation(db: Q, id: string, awaiting: readonly string[], at: string): Promise<boolean> {
    const result = await db.updateTable('supervisionOrders').set({ escalatedAt: at }).where('id', '=', id).where('state', 'in', awaiting).where('escalatedAt', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The cases of an order, oldest first. */
  casesOf(db: Q, orderId: string) {
    return db
      .selectFrom('supervisionOrderCases')
      .innerJoin('cases', 'cases.id', 'supervisionOrderCases.caseId')
      .selectAll('cases')
      .where('supervisionOrderCases.orderId', '=', orderId)
      .orderBy('cases.registeredAt')
      .orderBy('cases.id')
      .execute();
  },

  /** How many cases each order covers. */
  async caseCounts(db: Q, orderIds: readonly string[]): Promise<Map<string, number>> {
    if (orderIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('supervisionOrderCases')
      .select(['orderId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('orderId', 'in', orderIds)
      .groupBy('orderId')
      .execute();
    return new Map(rows.map((r) => [r.orderId, Number(r.n)]));
  },

  /** One page of orders the reach covers, newest first; one row more than `limit` tells of a next page. */
  listOrders(db: Q, reach: OrderReach, query: SupervisionListQuery, userId: string, nowIso: string) {
    let q = db
      .selectFrom('supervisionOrders')
      .selectAll()
      .where((eb) => {
        const parts = [];
        if (reach.areaRanges.length) parts.push(inRanges(eb, 'areaCode', reach.areaRanges));
        if (reach.unitIds.length) parts.push(eb('unitId', 'in', reach.unitIds));
        return parts.length ? eb.or(parts) : eb.val(false);
      });
    if (query.view === 'mine') q = q.where('issuedBy', '=', userId);
    if (query.view === 'unit') q = q.where('unitId', 'in', reach.unitIds.length ? reach.unitIds : ['']);
    if (query.view === 'overdue') q = q.where('state', 'in', AWAITING).where('responseDueAt', '<', nowIso);
    if (query.state) q = q.where('state', '=', query.state);
    return q
      .orderBy('issuedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .offset(query.offset)
      .execute();
  },

  /** Orders covering a case, newest first. */
  ordersOfCase(db: Q, caseId: string) {
    return db
      .selectFrom('supervisionOrders')
      .innerJoin('supervisionOrderCases', 'supervisionOrderCases.orderId', 'supervisionOrders.id')
      .selectAll('supervisionOrders')
      .where('supervisionOrderCases.caseId', '=', caseId)
      .orderBy('supervisionOrders.issuedAt', 'desc')
      .execute();
  },

  /** Orders whose response is late and not yet escalated (the sweep's work), oldest due first. */
  overdueUnescalated(db: Q, nowIso: string, limit: number) {
    return db
      .selectFrom('supervisionOrders')
      .selectAll()
      .where('state', 'in', AWAITING)
      .where('responseDueAt', '<', nowIso)
      .where('escalatedAt', 'is', null)
      .orderBy('responseDueAt')
      .limit(limit)
      .execute();
  },

  /** Names of users and units by id, for presenting. */
  async names(db: Q, userIds: readonly (string | null)[], unitIds: readonly (string | null)[]) {
    const users = [...new Set(userIds.filter((x): x is string => Boolean(x)))];
    const units = [...new Set(unitIds.filter((x): x is string => Boolean(x)))];
    const [userRows, unitRows] = await Promise.all([
      users.length ? db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', users).execute() : [],
      units.length ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', units).execute() : [],
    ]);
    return { user: new Map(userRows.map((u) => [u.id, u.displayName])), unit: new Map(unitRows.map((u) => [u.id, u.name])) };
  },

  /** A case read inside the step's transaction (its version guards the event written next). */
  caseById: (db: Q, id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst(),

  /** 责任追究 against the unit for an unanswered order: one record per case and order. */
  async insertAccountability(db: Q, row: { id: string; caseId: string; unitId: string; reason: string; stage: string; note: string; createdAt: string }) {
    await db
      .insertInto('accountabilityRecords')
      .values({ ...row, userId: null })
      .onConflict((oc) => oc.columns(['caseId', 'reason', 'stage']).doNothing())
      .execute();
  },

  insertUrge: (db: Q, row: CaseUrgeTable) => db.insertInto('caseUrges').values(row).execute(),
  urgesOf: (db: Q, caseId: string) => db.selectFrom('caseUrges').selectAll().where('caseId', '=', caseId).orderBy('createdAt', 'desc').orderBy('id').execute(),

  insertInstruction: (db: Q, row: CaseInstructionTable) => db.insertInto('caseInstructions').values(row).execute(),
  instructionsOf: (db: Q, caseId: string) => db.selectFrom('caseInstructions').selectAll().where('caseId', '=', caseId).orderBy('createdAt').orderBy('id').execute(),
  findInstruction: (db: Q, caseId: string, id: string) =>
    db.selectFrom('caseInstructions').selectAll().where('caseId', '=', caseId).where('id', '=', id).executeTakeFirst(),

  async moveInstruction(db: Q, id: string, from: string, changes: Partial<CaseInstructionRow>): Promise<boolean> {
    const result = await db.updateTable('caseInstructions').set(changes).where('id', '=', id).where('state', '=', from).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};

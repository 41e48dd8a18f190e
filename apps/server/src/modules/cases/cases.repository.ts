import type { CaseState } from '@lianxin/core';
import type { ExpressionBuilder, Insertable, Kysely, Transaction } from 'kysely';
import type { CaseEventTable, CaseExtensionTable, CaseRow, CaseUpdate, DB, NewCase } from '../../db/schema.js';
import type { Scope } from '../../access/actor.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The filter that limits cases to an actor's scope: their areas, or cases involving their units. */
export function inScope(eb: ExpressionBuilder<DB, 'cases'>, scope: Scope) {
  const alternatives = scope.areaRanges.map(([lo, hi]) => eb.and([eb('cases.areaCode', '>=', lo), eb('cases.areaCode', '<', hi)]));
  if (scope.unitIds.length > 0) {
    alternatives.push(eb('cases.currentUnitId', 'in', scope.unitIds));
    alternatives.push(
      eb.exists(
        eb
          .selectFrom('caseCoUnits')
          .select('caseCoUnits.caseId')
          .whereRef('caseCoUnits.caseId', '=', 'cases.id')
          .where('caseCoUnits.unitId', 'in', scope.unitIds),
      ),
    );
  }
  return alternatives.length ? eb.or(alternatives) : eb.val(false);
}

/** A new event row; `seq` is the case version the event produced. */
export type NewCaseEvent = Insertable<CaseEventTable>;

/** Typed queries of the cases module. */
export const casesRepository = {
  insertCase(db: Q, row: NewCase) {
    return db.insertInto('cases').values(row).execute();
  },
  insertEvent(db: Q, event: NewCaseEvent) {
    return db.insertInto('caseEvents').values(event).execute();
  },

  findById(db: Q, id: string) {
    return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findInScope(db: Q, id: string, scope: Scope) {
    return db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => inScope(eb, scope))
      .executeTakeFirst();
  },
  findByCode(db: Q, code: string) {
    return db.selectFrom('cases').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /**
   * Applies a change only if nobody changed the case since it was read (optimistic lock); the
   * version doubles as the sequence number of the event that goes with the change.
   */
  async updateVersioned(db: Q, current: CaseRow, changes: CaseUpdate): Promise<boolean> {
    const result = await db
      .updateTable('cases')
      .set({ ...changes, version: current.version + 1 })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Next number of a daily counter (tracking codes), atomically. */
  async nextCounter(db: Q, name: string): Promise<number> {
    const row = await db
      .insertInto('counters')
      .values({ name, value: 1, textValue: null })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    return row.value;
  },

  /** A requester's most recent cases (by blind index), for repeat detection. */
  findByRequester(db: Q, requesterKey: string, limit = 50) {
    return db
      .selectFrom('cases')
      .select(['id', 'code', 'title', 'content', 'status', 'areaCode', 'requesterKey', 'registeredAt', 'currentUnitId', 'registeredUnitId'])
      .where('requesterKey', '=', requesterKey)
      .orderBy('registeredAt', 'desc')
      .limit(limit)
      .execute();
  },

  events(db: Q, caseId: string) {
    return db.selectFrom('caseEvents').selectAll().where('caseId', '=', caseId).orderBy('seq').execute();
  },
  coUnits(db: Q, caseId: string) {
    return db
      .selectFrom('caseCoUnits')
      .innerJoin('units', 'units.id', 'caseCoUnits.unitId')
      .select(['caseCoUnits.unitId', 'units.name as unitName', 'caseCoUnits.addedAt', 'caseCoUnits.note'])
      .where('caseCoUnits.caseId', '=', caseId)
      .orderBy('caseCoUnits.addedAt')
      .execute();
  },
  insertCoUnit(db: Q, row: { caseId: string; unitId: string; addedAt: string; note: string | null }) {
    return db.insertInto('caseCoUnits').values(row).onConflict((oc) => oc.columns(['caseId', 'unitId']).doNothing()).execute();
  },
  extensions(db: Q, caseId: string) {
    return db.selectFrom('caseExtensions').selectAll().where('caseId', '=', caseId).orderBy('requestedAt').execute();
  },
  insertExtension(db: Q, row: Insertable<CaseExtensionTable>) {
    return db.insertInto('caseExtensions').values(row).execute();
  },
  decideExtension(db: Q, id: string, decision: { status: string; decidedBy: string; decidedAt: string; decisionNote: string | null }) {
    return db.updateTable('caseExtensions').set(decision).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  },
  attachments(db: Q, caseId: string) {
    return db
      .selectFrom('attachments')
      .select(['id', 'fileName', 'mimeType', 'size', 'createdAt'])
      .where('caseId', '=', caseId)
      .orderBy('createdAt')
      .execute();
  },
  /** Links uploaded files to a case; only files not linked yet and uploaded by the same user. */
  async linkAttachments(db: Q, caseId: string, ids: readonly string[], uploadedBy: string | null): Promise<number> {
    if (ids.length === 0) return 0;
    let query = db.updateTable('attachments').set({ caseId }).where('id', 'in', ids).where('caseId', 'is', null);
    if (uploadedBy) query = query.where('uploadedBy', '=', uploadedBy);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
  duplicates(db: Q, caseId: string) {
    return db.selectFrom('cases').select(['id', 'code', 'title']).where('duplicateOfId', '=', caseId).execute();
  },
  insertAccountability(
    db: Q,
    row: { id: string; caseId: string; unitId: string | null; userId: string | null; reason: string; stage: string; note: string | null; createdAt: string },
  ) {
    return db
      .insertInto('accountabilityRecords')
      .values(row)
      .onConflict((oc) => oc.columns(['caseId', 'reason', 'stage']).doNothing())
      .execute();
  },
  accountability(db: Q, caseId: string) {
    return db.selectFrom('accountabilityRecords').selectAll().where('caseId', '=', caseId).orderBy('createdAt').execute();
  },

  /** Cases whose current clock needs attention: due before `before` and still active. */
  dueCases(db: Q, before: string, states: readonly CaseState[], limit: number) {
    return db
      .selectFrom('cases')
      .selectAll()
      .where('currentDueAt', '<=', before)
      .where('status', 'in', states)
      .orderBy('currentDueAt')
      .limit(limit)
      .execute();
  },
};

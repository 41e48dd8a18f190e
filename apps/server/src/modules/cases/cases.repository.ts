import { ACTIVE_STATES, type CaseState } from '@lianxin/core';
import type { ExpressionBuilder, Insertable, Kysely, Transaction } from 'kysely';
import type { CaseScope } from '../../access/access.js';
import type { CaseEventTable, CaseExtensionTable, CaseRow, CaseUpdate, DB, NewCase } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The filter that limits cases to an actor's scope: their areas, or cases involving their units. */
export function inScope(eb: ExpressionBuilder<DB, 'cases'>, scope: CaseScope) {
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
  if (scope.taskForceUserId) {
    alternatives.push(
      eb.exists(
        eb
          .selectFrom('taskForceMembers')
          .select('taskForceMembers.caseId')
          .whereRef('taskForceMembers.caseId', '=', 'cases.id')
          .where('taskForceMembers.userId', '=', scope.taskForceUserId),
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
  /** The keyed hash of a new case's 查询码 (issue 12). */
  insertTrackingSecret(db: Q, row: { caseId: string; secretHash: string; createdAt: string }) {
    return db.insertInto('trackingSecrets').values(row).execute();
  },

  findById(db: Q, id: string) {
    return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findInScope(db: Q, id: string, scope: CaseScope) {
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
  /** Closes the case's pending extension requests (the case moved on without a decision). */
  closePendingExtensions(db: Q, caseId: string, decision: { status: 'closed'; decidedBy: string | null; decidedAt: string; decisionNote: string }) {
    return db.updateTable('caseExtensions').set(decision).where('caseId', '=', caseId).where('status', '=', 'pending').execute();
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
    return db
      .selectFrom('accountabilityRecords')
      .select(['id', 'caseId', 'unitId', 'userId', 'reason', 'stage', 'note', 'createdAt', 'state'])
      .where('caseId', '=', caseId)
      .orderBy('createdAt')
      .execute();
  },

  /** The last return of each of `caseIds` (the dispatch queue shows its reason and unit). */
  async lastReturns(db: Q, caseIds: readonly string[]) {
    if (caseIds.length === 0) return new Map<string, { reason: string | null; at: string; unitId: string | null; unitName: string | null; by: string | null }>();
    const rows = await db
      .selectFrom('caseEvents')
      .leftJoin('units', 'units.id', 'caseEvents.actorUnitId')
      .select(['caseEvents.caseId', 'caseEvents.seq', 'caseEvents.note', 'caseEvents.at', 'caseEvents.actorUnitId', 'caseEvents.actorLabel', 'units.name as unitName'])
      .where('caseEvents.caseId', 'in', caseIds)
      .where('caseEvents.action', '=', 'return')
      .orderBy('caseEvents.seq')
      .execute();
    return new Map(rows.map((r) => [r.caseId, { reason: r.note, at: r.at, unitId: r.actorUnitId, unitName: r.unitName, by: r.actorLabel }]));
  },

  /**
   * A requester's cases by blind index (cases.requester_key, indexed with registered_at) within
   * `scope`, newest first, and how many (counting stops at `cap`) and how many are open.
   */
  async byRequester(db: Q, keys: readonly string[], scope: CaseScope, limit: number, cap: number) {
    const base = () =>
      db
        .selectFrom('cases')
        .where('requesterKey', 'in', keys)
        .where((eb) => inScope(eb, scope));
    const [rows, counted] = await Promise.all([
      base().selectAll().orderBy('registeredAt', 'desc').orderBy('id', 'desc').limit(limit).execute(),
      db
        .selectFrom(base().select(['id', 'status']).limit(cap + 1).as('mine'))
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.sum<number>(eb.case().when('status', 'in', ACTIVE_STATES).then(1).else(0).end()).as('open'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(counted.total), open: Number(counted.open ?? 0) };
  },

  /** Display names of users. */
  userNames(db: Q, ids: readonly string[]) {
    return ids.length ? db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** Names of units. */
  unitNames(db: Q, ids: readonly string[]) {
    return ids.length ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** The unit in which each of `userIds` holds `role` (a leader's unit beside their name). */
  unitsOfRole(db: Q, userIds: readonly string[], role: 'leader') {
    return userIds.length
      ? db
          .selectFrom('userRoles')
          .innerJoin('units', 'units.id', 'userRoles.unitId')
          .select(['userRoles.userId', 'units.name'])
          .where('userRoles.role', '=', role)
          .where('userRoles.userId', 'in', userIds)
          .execute()
      : Promise.resolve([]);
  },
  /** The chain of areas from the root down to `code`, at most 8 levels. */
  async areaPath(db: Q, code: string) {
    const path: Array<{ code: string; name: string }> = [];
    let next: string | null = code;
    for (let depth = 0; next && depth < 8; depth++) {
      const row = await db.selectFrom('areas').select(['code', 'name', 'parentCode']).where('code', '=', next).executeTakeFirst();
      if (!row) break;
      path.unshift({ code: row.code, name: row.name });
      next = row.parentCode;
    }
    return path;
  },
  /** The chain of categories from the root down to `code`, at most 8 levels. */
  async categoryPath(db: Q, code: string) {
    const path: Array<{ code: string; name: string; nameEn: string }> = [];
    let next: string | null = code;
    for (let depth = 0; next && depth < 8; depth++) {
      const row = await db.selectFrom('categories').select(['code', 'name', 'nameEn', 'parentCode']).where('code', '=', next).executeTakeFirst();
      if (!row) break;
      path.unshift({ code: row.code, name: row.name, nameEn: row.nameEn });
      next = row.parentCode;
    }
    return path;
  },
  /** Every area, unit and category name (the export's columns name them). */
  async allNames(db: Q) {
    const [areas, units, categories] = await Promise.all([
      db.selectFrom('areas').select(['code', 'name']).execute(),
      db.selectFrom('units').select(['id', 'name']).execute(),
      db.selectFrom('categories').select(['code', 'name', 'nameEn']).execute(),
    ]);
    return { areas, units, categories };
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

import type { AccountabilityState } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { type AreaRange, inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Which records a reader sees: on cases in these area ranges, or against these units. */
export interface LedgerReach {
  areaRanges: readonly AreaRange[];
  unitIds: readonly string[];
}

export interface LedgerFilter {
  unitId?: string;
  source?: string;
  state?: AccountabilityState;
  areaRange?: readonly [string, string];
  /** Recorded in [from, to), ISO instants. */
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

/** The columns a ledger line shows: the record, its case's code, title and area, the unit's name. */
function ledgerQuery(db: Q) {
  return db
    .selectFrom('accountabilityRecords as r')
    .innerJoin('cases as c', 'c.id', 'r.caseId')
    .leftJoin('units as u', 'u.id', 'r.unitId')
    .select([
      'r.id',
      'r.caseId',
      'c.code as caseCode',
      'c.title as caseTitle',
      'c.areaCode',
      'r.unitId',
      'u.name as unitName',
      'r.reason',
      'r.stage',
      'r.note',
      'r.state',
      'r.appealText',
      'r.appealedAt',
      'r.decisionReason',
      'r.decidedAt',
      'r.createdAt',
    ]);
}
export type LedgerRow = Awaited<ReturnType<ReturnType<typeof ledgerQuery>['executeTakeFirstOrThrow']>>;

/** The only SQL of the accountability ledger. */
export const accountabilityRepository = {
  list(db: Q, reach: LedgerReach, f: LedgerFilter) {
    let query = ledgerQuery(db).where((eb) => {
      const parts = [];
      if (reach.areaRanges.length) parts.push(inRanges(eb, 'c.areaCode', reach.areaRanges));
      if (reach.unitIds.length) parts.push(eb('r.unitId', 'in', reach.unitIds));
      return eb.or(parts);
    });
    if (f.unitId) query = query.where('r.unitId', '=', f.unitId);
    if (f.source) query = query.where('r.reason', '=', f.source);
    if (f.state) query = query.where('r.state', '=', f.state);
    if (f.areaRange) query = query.where('c.areaCode', '>=', f.areaRange[0]).where('c.areaCode', '<', f.areaRange[1]);
    if (f.from) query = query.where('r.createdAt', '>=', f.from);
    if (f.to) query = query.where('r.createdAt', '<', f.to);
    return query.orderBy('r.createdAt', 'desc').orderBy('r.id').offset(f.offset).limit(f.limit + 1).execute();
  },

  find(db: Q, id: string) {
    return ledgerQuery(db).where('r.id', '=', id).executeTakeFirst();
  },

  insert(db: Q, row: { id: string; caseId: string; unitId: string; reason: string; stage: string; note: string; createdAt: string; createdBy: string }) {
    return db.insertInto('accountabilityRecords').values({ ...row, userId: null, state: 'proposed' }).execute();
  },

  /** Moves a record out of one of `from` states; false when another decision came first. */
  async move(
    db: Q,
    id: string,
    from: readonly AccountabilityState[],
    changes: { state: AccountabilityState; appealText?: string; appealedBy?: string; appealedAt?: string; decisionReason?: string; decidedBy?: string; decidedAt?: string },
  ): Promise<boolean> {
    const result = await db.updateTable('accountabilityRecords').set(changes).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  caseArea(db: Q, caseId: string) {
    return db.selectFrom('cases').select(['id', 'areaCode', 'code']).where('id', '=', caseId).executeTakeFirst();
  },
};

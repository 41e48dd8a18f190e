import type { Kysely, Transaction } from 'kysely';
import type { DutyShiftRow } from '../../db/duty.tables.js';
import { dutyClaimsOf } from '../../db/availability.js';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Duty rosters, swaps, out-of-hours claims and gap notices: the duty module's SQL. */
export const dutyRepository = {
  findUnit: (db: Q, id: string) => db.selectFrom('units').select(['id', 'name', 'kind', 'areaCode', 'phone', 'isActive']).where('id', '=', id).executeTakeFirst(),

  /** The county centres (kind `center`), to route what no unit roster covers. */
  centres: (db: Q) => db.selectFrom('units').select(['id', 'name', 'kind', 'areaCode', 'phone']).where('kind', '=', 'center').where('isActive', '=', 1).execute(),

  /** Slots of units in [from, to], with the names of the people. */
  shifts: (db: Q, unitIds: readonly string[], from: string, to: string) =>
    db
      .selectFrom('dutyShifts')
      .leftJoin('users as p', 'p.id', 'dutyShifts.userId')
      .leftJoin('users as l', 'l.id', 'dutyShifts.leadUserId')
      .selectAll('dutyShifts')
      .select(['p.displayName as personName', 'l.displayName as leadName'])
      .where('dutyShifts.unitId', 'in', unitIds.length ? [...unitIds] : [''])
      .where('dutyShifts.date', '>=', from)
      .where('dutyShifts.date', '<=', to)
      .orderBy('dutyShifts.date')
      .execute(),

  findShift: (db: Q, id: string) => db.selectFrom('dutyShifts').selectAll().where('id', '=', id).executeTakeFirst(),

  findSlot: (db: Q, unitId: string, date: string, shift: string) => db.selectFrom('dutyShifts').selectAll().where('unitId', '=', unitId).where('date', '=', date).where('shift', '=', shift).executeTakeFirst(),

  insertShift: (db: Q, row: DutyShiftRow) => db.insertInto('dutyShifts').values(row).execute(),

  updateShift: (db: Q, id: string, patch: Partial<DutyShiftRow>) => db.updateTable('dutyShifts').set(patch).where('id', '=', id).execute(),

  /** My shifts in [from, to], with the unit's name. */
  shiftsOf: (db: Q, userId: string, from: string, to: string) =>
    db
      .selectFrom('dutyShifts')
      .innerJoin('units', 'units.id', 'dutyShifts.unitId')
      .select(['dutyShifts.date', 'dutyShifts.shift', 'units.name as unitName'])
      .where('dutyShifts.userId', '=', userId)
      .where('dutyShifts.date', '>=', from)
      .where('dutyShifts.date', '<=', to)
      .orderBy('dutyShifts.date')
      .execute(),

  swaps: (db: Q, unitId: string, state?: string) => {
    let q = db
      .selectFrom('dutySwaps')
      .innerJoin('dutyShifts', 'dutyShifts.id', 'dutySwaps.shiftId')
      .leftJoin('users as f', 'f.id', 'dutySwaps.fromUserId')
      .innerJoin('users as t', 't.id', 'dutySwaps.toUserId')
      .selectAll('dutySwaps')
      .select(['dutyShifts.date', 'dutyShifts.shift', 'f.displayName as fromName', 't.displayName as toName'])
      .where('dutySwaps.unitId', '=', unitId);
    if (state) q = q.where('dutySwaps.state', '=', state);
    return q.orderBy('dutySwaps.requestedAt', 'desc').limit(200).execute();
  },

  pendingSwapShiftIds: async (db: Q, shiftIds: readonly string[]) =>
    new Set(
      (await db.selectFrom('dutySwaps').select('shiftId').where('shiftId', 'in', shiftIds.length ? [...shiftIds] : ['']).where('state', '=', 'pending').execute()).map((r) => r.shiftId),
    ),

  findSwap: (db: Q, id: string) => db.selectFrom('dutySwaps').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Units with a roster in [from, to] (a unit that keeps none is not checked for gaps, the centres always are). */
  rosteredUnits: async (db: Q, from: string, to: string) =>
    (await db.selectFrom('dutyShifts').select('unitId').distinct().where('date', '>=', from).where('date', '<=', to).execute()).map((r) => r.unitId),

  gapNoticed: (db: Q, unitId: string, date: string, shift: string) =>
    db.selectFrom('dutyGapNotices').select('unitId').where('unitId', '=', unitId).where('date', '=', date).where('shift', '=', shift).executeTakeFirst(),

  /** Registered cases not yet claimed for a duty person (out-of-hours candidates), since `since`. */
  unclaimedRegistered: (db: Q, since: string) =>
    db
      .selectFrom('cases')
      .leftJoin('dutyCaseClaims', 'dutyCaseClaims.caseId', 'cases.id')
      .selectAll('cases')
      .where('cases.status', '=', 'registered')
      .where('cases.intakeDueAt', 'is not', null)
      .where('cases.registeredAt', '>=', since)
      .where('dutyCaseClaims.caseId', 'is', null)
      .limit(500)
      .execute(),

  /** Who holds each registered case on duty: case id → person. */
  claimsOf: dutyClaimsOf,

  /** How many registered cases wait for me on duty. */
  async claimedWaiting(db: Q, userId: string) {
    const row = await db
      .selectFrom('dutyCaseClaims')
      .innerJoin('cases', 'cases.id', 'dutyCaseClaims.caseId')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('dutyCaseClaims.userId', '=', userId)
      .where('cases.status', '=', 'registered')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** Heads of a unit (单位负责人, or 领导 held in it). */
  async headsOf(db: Q, unitId: string) {
    return (await db.selectFrom('userRoles').select('userId').distinct().where('unitId', '=', unitId).where('role', 'in', ['unit_head', 'leader']).execute()).map((r) => r.userId);
  },

  /** Who else answers for a unit's roster when it has no head (the county centre): its admins and supervisors. */
  async managersOf(db: Q, unitId: string) {
    return (await db.selectFrom('userRoles').select('userId').distinct().where('unitId', '=', unitId).where('role', 'in', ['admin', 'supervisor']).execute()).map((r) => r.userId);
  },

  async holidayNames(db: Q, from: string, to: string) {
    const rows = await db.selectFrom('calendarDays').select(['date', 'name', 'kind']).where('date', '>=', from).where('date', '<=', to).execute();
    return new Map(rows.filter((r) => r.kind === 'holiday').map((r) => [r.date, r.name]));
  },
};

import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { AreaRange } from '../../access/access.js';
import { inRanges } from '../../access/access.js';
import type { DB } from '../../db/schema.js';
import type { HardCaseMeetingCaseTable, HardCaseMeetingTable } from '../../db/hard-cases.tables.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Who sees a meeting: managers over its area, and members of the units it invites. */
export interface MeetingReach {
  areaRanges: AreaRange[];
  unitIds: string[];
}

/** Typed queries of joint review meetings (集中会审). */
export const meetingsRepository = {
  find(db: Q, id: string) {
    return db.selectFrom('hardCaseMeetings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insert(db: Q, row: Insertable<HardCaseMeetingTable>) {
    return db.insertInto('hardCaseMeetings').values(row).execute();
  },
  update(db: Q, id: string, changes: Updateable<HardCaseMeetingTable>) {
    return db.updateTable('hardCaseMeetings').set(changes).where('id', '=', id).execute();
  },
  /** Moves a planned meeting to held; false when it was no longer planned (a race). */
  async markHeld(db: Q, id: string, at: string): Promise<boolean> {
    const result = await db.updateTable('hardCaseMeetings').set({ status: 'held', heldAt: at, updatedAt: at }).where('id', '=', id).where('status', '=', 'planned').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  /** Meetings the reach sees, latest first. */
  list(db: Q, reach: MeetingReach, status: string | undefined, offset: number, limit: number) {
    let q = db
      .selectFrom('hardCaseMeetings')
      .selectAll()
      .where((eb) => {
        const alternatives = reach.areaRanges.length ? [inRanges(eb, 'hardCaseMeetings.areaCode', reach.areaRanges)] : [];
        if (reach.unitIds.length) {
          alternatives.push(
            eb.exists(
              eb
                .selectFrom('hardCaseMeetingUnits')
                .select('hardCaseMeetingUnits.meetingId')
                .whereRef('hardCaseMeetingUnits.meetingId', '=', 'hardCaseMeetings.id')
                .where('hardCaseMeetingUnits.unitId', 'in', reach.unitIds),
            ),
          );
        }
        return alternatives.length ? eb.or(alternatives) : eb.val(false);
      });
    if (status) q = q.where('status', '=', status);
    return q.orderBy('scheduledAt', 'desc').orderBy('id').offset(offset).limit(limit).execute();
  },
  /** The next minutes number of a year (counter `hard_case_minutes:<year>`). */
  async nextNumber(db: Q, year: string): Promise<number> {
    const row = await db
      .insertInto('counters')
      .values({ name: `hard_case_minutes:${year}`, value: 1, textValue: null })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    return row.value;
  },

  // ——— invited units ———
  async unitIdsOf(db: Q, meetingId: string) {
    return (await db.selectFrom('hardCaseMeetingUnits').select('unitId').where('meetingId', '=', meetingId).execute()).map((r) => r.unitId);
  },
  async setUnits(db: Q, meetingId: string, unitIds: string[]) {
    await db.deleteFrom('hardCaseMeetingUnits').where('meetingId', '=', meetingId).execute();
    await db.insertInto('hardCaseMeetingUnits').values(unitIds.map((unitId) => ({ meetingId, unitId }))).execute();
  },
  unitsOf(db: Q, meetingId: string) {
    return db
      .selectFrom('hardCaseMeetingUnits')
      .innerJoin('units', 'units.id', 'hardCaseMeetingUnits.unitId')
      .select(['units.id', 'units.name'])
      .where('hardCaseMeetingUnits.meetingId', '=', meetingId)
      .orderBy('units.name')
      .execute();
  },

  // ——— agenda ———
  agendaOf(db: Q, meetingId: string) {
    return db
      .selectFrom('hardCaseMeetingCases')
      .innerJoin('cases', 'cases.id', 'hardCaseMeetingCases.caseId')
      .leftJoin('units', 'units.id', 'cases.currentUnitId')
      .select([
        'cases.id',
        'cases.code',
        'cases.title',
        'cases.status',
        'units.name as unitName',
        'hardCaseMeetingCases.decision',
        'hardCaseMeetingCases.decisionNote',
        'hardCaseMeetingCases.decisionData',
        'hardCaseMeetingCases.decidedAt',
      ])
      .where('hardCaseMeetingCases.meetingId', '=', meetingId)
      .orderBy('hardCaseMeetingCases.sort')
      .execute();
  },
  agendaItem(db: Q, meetingId: string, caseId: string) {
    return db.selectFrom('hardCaseMeetingCases').selectAll().where('meetingId', '=', meetingId).where('caseId', '=', caseId).executeTakeFirst();
  },
  /** Replaces the agenda, keeping decisions already taken on cases that stay. */
  async setAgenda(db: Q, meetingId: string, caseIds: string[]) {
    const kept = new Map((await db.selectFrom('hardCaseMeetingCases').selectAll().where('meetingId', '=', meetingId).execute()).map((r) => [r.caseId, r]));
    await db.deleteFrom('hardCaseMeetingCases').where('meetingId', '=', meetingId).execute();
    const rows: Insertable<HardCaseMeetingCaseTable>[] = caseIds.map((caseId, sort) => {
      const old = kept.get(caseId);
      return { meetingId, caseId, sort, decision: old?.decision ?? null, decisionNote: old?.decisionNote ?? null, decisionData: old?.decisionData ?? null, decidedBy: old?.decidedBy ?? null, decidedAt: old?.decidedAt ?? null };
    });
    await db.insertInto('hardCaseMeetingCases').values(rows).execute();
  },
  decide(db: Q, meetingId: string, caseId: string, decision: Updateable<HardCaseMeetingCaseTable>) {
    return db.updateTable('hardCaseMeetingCases').set(decision).where('meetingId', '=', meetingId).where('caseId', '=', caseId).execute();
  },
  async counts(db: Q, meetingIds: string[]) {
    const out = new Map<string, { cases: number; decided: number }>();
    if (meetingIds.length === 0) return out;
    const rows = await db.selectFrom('hardCaseMeetingCases').select(['meetingId', 'decision']).where('meetingId', 'in', meetingIds).execute();
    for (const r of rows) {
      const c = out.get(r.meetingId) ?? { cases: 0, decided: 0 };
      c.cases += 1;
      if (r.decision) c.decided += 1;
      out.set(r.meetingId, c);
    }
    return out;
  },
};

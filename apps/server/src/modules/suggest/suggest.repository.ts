import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Statuses of a case whose category and unit are settled: it was answered. */
export const HANDLED_STATUSES = ['replied', 'evaluated', 'closed', 'final'] as const;

/** A handled case as the models learn from it. */
export interface TrainingCase {
  id: string;
  title: string;
  content: string;
  categoryCode: string;
  unitId: string | null;
}

const PAGE = 5000;

/** Typed queries of the suggestion module. */
export const suggestRepository = {
  /**
   * Every handled case, in keyset pages by id. Its unit is the current unit, or for a case no
   * longer with one, the unit that sent the latest reply.
   */
  async *handledCases(db: Kysely<DB>): AsyncGenerator<TrainingCase[]> {
    let after = '';
    for (;;) {
      const rows = await db
        .selectFrom('cases')
        .select((eb) => [
          'cases.id',
          'cases.title',
          'cases.content',
          'cases.categoryCode',
          eb.fn
            .coalesce(
              'cases.currentUnitId',
              eb
                .selectFrom('caseEvents')
                .select('caseEvents.actorUnitId')
                .whereRef('caseEvents.caseId', '=', 'cases.id')
                .where('caseEvents.action', '=', 'reply')
                .orderBy('caseEvents.seq', 'desc')
                .limit(1),
            )
            .as('unitId'),
        ])
        .where('cases.status', 'in', HANDLED_STATUSES)
        .where('cases.id', '>', after)
        .orderBy('cases.id')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
      if (rows.length < PAGE) return;
    }
  },

  categories(db: Kysely<DB>) {
    return db.selectFrom('categories').select(['code', 'parentCode', 'name', 'nameEn', 'defaultUnitId', 'isActive', 'sort']).orderBy('sort').orderBy('code').execute();
  },

  /** The keywords admins gave categories (JSON arrays), by category. */
  keywords(db: Kysely<DB>) {
    return db.selectFrom('suggestKeywords').selectAll().execute();
  },

  /** Sets a category's keywords (insert or replace). */
  async setKeywords(db: Kysely<DB>, row: { categoryCode: string; keywords: string; updatedBy: string; updatedAt: string }): Promise<void> {
    await db
      .insertInto('suggestKeywords')
      .values(row)
      .onConflict((oc) => oc.column('categoryCode').doUpdateSet({ keywords: row.keywords, updatedBy: row.updatedBy, updatedAt: row.updatedAt }))
      .execute();
  },

  async clearKeywords(db: Kysely<DB>, categoryCode: string): Promise<void> {
    await db.deleteFrom('suggestKeywords').where('categoryCode', '=', categoryCode).execute();
  },

  units(db: Kysely<DB>) {
    return db.selectFrom('units').select(['id', 'name', 'kind', 'areaCode', 'isActive']).execute();
  },

  /** The name of an area (a village, or a grid's village). */
  async areaName(db: Kysely<DB>, code: string): Promise<string | null> {
    const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', [code, code.slice(0, 12)]).execute();
    return (rows.find((r) => r.code === code.slice(0, 12)) ?? rows[0])?.name ?? null;
  },
};

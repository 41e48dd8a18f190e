import type { AlertListQuery, AreaRange } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { AlertRow, DB } from '../../db/schema.js';

/** The alerts table: the only place with the alerts module's SQL. */
export function createAlertsRepository(db: Kysely<DB>) {
  return {
    find: (id: string) => db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst(),

    /** One page of alerts in `ranges`, newest first; one row more than `limit` tells of a next page. */
    list(ranges: readonly AreaRange[], query: AlertListQuery) {
      let q = db
        .selectFrom('alerts')
        .selectAll()
        .where((eb) => inRanges(eb, 'areaCode', ranges));
      if (query.status) q = q.where('status', '=', query.status);
      if (query.kind) q = q.where('kind', '=', query.kind);
      return q
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .offset(query.offset)
        .execute();
    },

    /** The cases behind an alert, oldest first. */
    async casesOf(alert: AlertRow) {
      const ids: string[] = JSON.parse(alert.caseIds);
      if (ids.length === 0) return [];
      return db
        .selectFrom('cases')
        .select(['id', 'code', 'title', 'status', 'categoryCode', 'areaCode', 'registeredAt'])
        .where('id', 'in', ids)
        .orderBy('registeredAt')
        .orderBy('id')
        .execute();
    },

    /** Moves the alert to `status` if it is still in one of `from`; false when it was not. */
    async moveFrom(id: string, from: readonly AlertRow['status'][], changes: Partial<Pick<AlertRow, 'status' | 'statusNote' | 'updatedAt'>>) {
      const updated = await db.updateTable('alerts').set(changes).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },

    async update(id: string, changes: Partial<Pick<AlertRow, 'status' | 'updatedAt' | 'taskCaseId'>>) {
      await db.updateTable('alerts').set(changes).where('id', '=', id).execute();
    },
  };
}
export type AlertsRepository = ReturnType<typeof createAlertsRepository>;

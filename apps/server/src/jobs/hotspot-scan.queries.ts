import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { AlertTable, DB } from '../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Typed queries of the early-warning scan. */
export const hotspotQueries = {
  /** The raw JSON of a setting, or undefined. */
  async setting(db: Q, key: string): Promise<string | undefined> {
    return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  },

  /**
   * Cases whose matter was received in [start, end] (not the time they were typed in), oldest
   * first, except proactive tasks and merged duplicates.
   */
  casesInWindow(db: Q, start: string, end: string) {
    return db
      .selectFrom('cases')
      .select(['id', 'code', 'title', 'content', 'areaCode', 'requesterKey', 'flagRisk', 'riskWords', 'categoryCode', 'receivedAt', 'registeredAt'])
      .where('receivedAt', '>=', start)
      .where('receivedAt', '<=', end)
      .where('channel', '!=', 'proactive')
      .where('duplicateOfId', 'is', null)
      .orderBy('receivedAt')
      .orderBy('id')
      .execute();
  },

  /** Alerts of this kind and area raised since `since`, or carrying this fingerprint. */
  similarAlerts(trx: Q, kind: AlertTable['kind'], areaCode: string, since: string, fingerprint: string) {
    return trx
      .selectFrom('alerts')
      .select(['id', 'caseIds', 'status', 'fingerprint'])
      .where('kind', '=', kind)
      .where('areaCode', '=', areaCode)
      .where((eb) => eb.or([eb('createdAt', '>=', since), eb('fingerprint', '=', fingerprint)]))
      .execute();
  },

  async updateAlert(trx: Q, id: string, changes: Updateable<AlertTable>): Promise<void> {
    await trx.updateTable('alerts').set(changes).where('id', '=', id).execute();
  },

  /** Inserts the alert unless its fingerprint exists; false when a concurrent scan raised it first. */
  async insertAlert(trx: Q, row: Insertable<AlertTable>): Promise<boolean> {
    const inserted = await trx
      .insertInto('alerts')
      .values(row)
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .executeTakeFirst();
    return Boolean(inserted.numInsertedOrUpdatedRows);
  },
};

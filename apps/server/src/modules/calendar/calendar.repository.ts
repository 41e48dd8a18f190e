import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Typed queries of the holiday calendar (dates are local 'YYYY-MM-DD' text, the primary key). */
export const calendarRepository = {
  find(db: Q, date: string) {
    return db.selectFrom('calendarDays').selectAll().where('date', '=', date).executeTakeFirst();
  },
  year(db: Q, year: number) {
    return db.selectFrom('calendarDays').selectAll().where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).orderBy('date').execute();
  },
  /** Writes the day; an admin's entry is never provisional. */
  upsert(db: Q, day: { date: string; kind: string; name: string }) {
    const row = { ...day, provisional: 0 };
    return db
      .insertInto('calendarDays')
      .values(row)
      .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, provisional: 0 }))
      .execute();
  },
  delete(db: Q, date: string) {
    return db.deleteFrom('calendarDays').where('date', '=', date).execute();
  },
};

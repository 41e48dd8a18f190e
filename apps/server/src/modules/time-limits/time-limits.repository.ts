import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, TimeLimitRuleTable } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Typed queries of the time-limit rule table (a few dozen rows). */
export const timeLimitsRepository = {
  find(db: Q, id: string) {
    return db.selectFrom('timeLimitRules').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Rules in the order that breaks ties (see pickTimeLimit). */
  list(db: Q, stage?: string) {
    let query = db.selectFrom('timeLimitRules').selectAll();
    if (stage) query = query.where('stage', '=', stage);
    return query.orderBy('sort').orderBy('id').execute();
  },
  async nextSort(db: Q): Promise<number> {
    const row = await db.selectFrom('timeLimitRules').select((eb) => eb.fn.max('sort').as('max')).executeTakeFirst();
    return row?.max == null ? 0 : Number(row.max) + 1;
  },
  /** How many rules of `stage` have no condition at all (the stage's fallback). */
  async countFallbacks(db: Q, stage: string): Promise<number> {
    const row = await db
      .selectFrom('timeLimitRules')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('stage', '=', stage)
      .where('kind', 'is', null)
      .where('categoryCode', 'is', null)
      .where('urgency', 'is', null)
      .where('channel', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** What deadlines are computed from: every rule (tie order), every calendar day, the category tree. */
  async reference(db: Q) {
    const [rules, days, categories] = await Promise.all([
      timeLimitsRepository.list(db),
      db.selectFrom('calendarDays').selectAll().execute(),
      db.selectFrom('categories').select(['code', 'parentCode']).execute(),
    ]);
    return { rules, days, categories };
  },
  categoryExists(db: Q, code: string) {
    return db.selectFrom('categories').select('code').where('code', '=', code).executeTakeFirst();
  },
  insert(db: Q, row: Insertable<TimeLimitRuleTable>) {
    return db.insertInto('timeLimitRules').values(row).execute();
  },
  update(db: Q, id: string, changes: Updateable<TimeLimitRuleTable>) {
    return db.updateTable('timeLimitRules').set(changes).where('id', '=', id).execute();
  },
  delete(db: Q, id: string) {
    return db.deleteFrom('timeLimitRules').where('id', '=', id).execute();
  },
};

import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { CategoryTable, DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Typed queries of the categories module. The tree is small (tens to a few hundred rows). */
export const categoriesRepository = {
  find(db: Q, code: string) {
    return db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
  },
  all(db: Q) {
    return db.selectFrom('categories').selectAll().orderBy('sort').orderBy('code').execute();
  },
  unitExists(db: Q, id: string) {
    return db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst();
  },
  insert(db: Q, row: Insertable<CategoryTable>) {
    return db.insertInto('categories').values(row).execute();
  },
  update(db: Q, code: string, changes: Updateable<CategoryTable>) {
    return db.updateTable('categories').set(changes).where('code', '=', code).execute();
  },
};

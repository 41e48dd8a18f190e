import type { AreaLevel } from '@lianxin/core';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { AreaTable, DB } from '../../db/schema.js';
import { subtreeRange } from '@lianxin/core';

type Q = Kysely<DB> | Transaction<DB>;

/** Filters of the area list; each is served by the primary key or the (parent_code, sort) index. */
export interface AreaFilter {
  parentCode?: string;
  root?: string;
  level?: AreaLevel;
}

/** Typed queries of the areas module. */
export const areasRepository = {
  find(db: Q, code: string) {
    return db.selectFrom('areas').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /** Areas matching every given filter, parents before children (code order), siblings by sort. */
  list(db: Q, filter: AreaFilter) {
    let query = db.selectFrom('areas').selectAll();
    if (filter.parentCode) query = query.where('parentCode', '=', filter.parentCode);
    if (filter.root) {
      const [lo, hi] = subtreeRange(filter.root);
      query = query.where('code', '>=', lo).where('code', '<', hi);
    }
    if (filter.level) query = query.where('level', '=', filter.level);
    return query.orderBy('sort').orderBy('code').execute();
  },

  children(db: Q, code: string) {
    return db.selectFrom('areas').selectAll().where('parentCode', '=', code).orderBy('sort').orderBy('code').execute();
  },

  insert(db: Q, row: Insertable<AreaTable>) {
    return db.insertInto('areas').values(row).execute();
  },

  update(db: Q, code: string, changes: Updateable<AreaTable>) {
    return db.updateTable('areas').set(changes).where('code', '=', code).execute();
  },
};

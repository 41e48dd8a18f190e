import type { UnitListQuery } from '@lianxin/core';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { containsText } from '../../db/text.js';
import type { DB, UnitTable } from '../../db/schema.js';
import { subtreeRange } from '@lianxin/core';

type Q = Kysely<DB> | Transaction<DB>;

/** Typed queries of the units module. */
export const unitsRepository = {
  find(db: Q, id: string) {
    return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** A unit of that name at that area (names are unique per area), other than `exceptId`. */
  findByName(db: Q, areaCode: string, name: string, exceptId?: string) {
    let query = db.selectFrom('units').select('id').where('areaCode', '=', areaCode).where('name', '=', name);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return query.executeTakeFirst();
  },

  /** One page of units with their area's name, by area code then name, and the total. */
  async page(db: Q, q: UnitListQuery) {
    let query = db.selectFrom('units').innerJoin('areas', 'areas.code', 'units.areaCode');
    if (q.areaCode) {
      const [lo, hi] = subtreeRange(q.areaCode);
      query = query.where('units.areaCode', '>=', lo).where('units.areaCode', '<', hi);
    }
    if (q.kind) query = query.where('units.kind', '=', q.kind);
    if (q.q) query = query.where((eb) => containsText(eb.ref('units.name'), q.q!));
    if (!q.includeInactive) query = query.where('units.isActive', '=', 1);
    const [rows, total] = await Promise.all([
      query
        .selectAll('units')
        .select('areas.name as areaName')
        .orderBy('units.areaCode')
        .orderBy('units.name')
        .orderBy('units.id')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  areaExists(db: Q, code: string) {
    return db.selectFrom('areas').select('code').where('code', '=', code).executeTakeFirst();
  },

  findWithArea(db: Q, id: string) {
    return db
      .selectFrom('units')
      .innerJoin('areas', 'areas.code', 'units.areaCode')
      .selectAll('units')
      .select('areas.name as areaName')
      .where('units.id', '=', id)
      .executeTakeFirst();
  },

  insert(db: Q, row: Insertable<UnitTable>) {
    return db.insertInto('units').values(row).execute();
  },

  update(db: Q, id: string, changes: Updateable<UnitTable>) {
    return db.updateTable('units').set(changes).where('id', '=', id).execute();
  },
};

import type { StaffQuery, UserListQuery } from '@lianxin/core';
import type { ExpressionBuilder, Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, UserTable } from '../../db/schema.js';
import { containsText } from '../../db/text.js';

type Q = Kysely<DB> | Transaction<DB>;

/** A role grant with its unit, as stored. */
export interface GrantRow {
  userId: string;
  role: string;
  unitId: string;
  unitName: string;
  areaCode: string;
  unitIsActive: number;
}

/** Users who hold a role in a unit inside one of `ranges` (the admin's reach). */
function holdsGrantIn(eb: ExpressionBuilder<DB, 'users'>, ranges: [string, string][]) {
  return eb.exists(
    eb
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .select('userRoles.userId')
      .whereRef('userRoles.userId', '=', 'users.id')
      .where((inner) => inner.or(ranges.map(([lo, hi]) => inner.and([inner('units.areaCode', '>=', lo), inner('units.areaCode', '<', hi)])))),
  );
}

/** Typed queries of the users module. */
export const usersRepository = {
  find(db: Q, id: string) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByUsername(db: Q, username: string) {
    return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  },

  /** One page of users within `ranges`, by user name, and the total. */
  async page(db: Q, q: UserListQuery, ranges: [string, string][]) {
    if (ranges.length === 0) return { rows: [], total: 0 };
    let query = db.selectFrom('users').where((eb) => holdsGrantIn(eb, ranges));
    if (q.q) {
      const text = q.q;
      query = query.where((eb) => eb.or([containsText(eb.ref('username'), text), containsText(eb.ref('displayName'), text)]));
    }
    if (q.isActive !== undefined) query = query.where('isActive', '=', q.isActive ? 1 : 0);
    if (q.unitId || q.role) {
      query = query.where((eb) => {
        let grant = eb.selectFrom('userRoles').select('userRoles.userId').whereRef('userRoles.userId', '=', 'users.id');
        if (q.unitId) grant = grant.where('userRoles.unitId', '=', q.unitId);
        if (q.role) grant = grant.where('userRoles.role', '=', q.role);
        return eb.exists(grant);
      });
    }
    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('username').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  /**
   * Active staff for pickers, by name: those holding a grant (of `role`, in a unit of `range`) in
   * an active unit.
   */
  directory(db: Q, q: StaffQuery, range: [string, string] | undefined) {
    let query = db
      .selectFrom('users')
      .select(['users.id', 'users.username', 'users.displayName'])
      .where('users.isActive', '=', 1)
      .where((eb) => {
        let grant = eb
          .selectFrom('userRoles')
          .innerJoin('units', 'units.id', 'userRoles.unitId')
          .select('userRoles.userId')
          .whereRef('userRoles.userId', '=', 'users.id')
          .where('units.isActive', '=', 1);
        if (q.role) grant = grant.where('userRoles.role', '=', q.role);
        if (range) grant = grant.where('units.areaCode', '>=', range[0]).where('units.areaCode', '<', range[1]);
        return eb.exists(grant);
      });
    if (q.q) {
      const text = q.q;
      query = query.where((eb) => eb.or([containsText(eb.ref('users.username'), text), containsText(eb.ref('users.displayName'), text)]));
    }
    return query.orderBy('users.displayName').orderBy('users.id').limit(q.limit).execute();
  },

  /** The grants of these users with their units, in a stable order. */
  grantsOf(db: Q, userIds: readonly string[]): Promise<GrantRow[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .select(['userRoles.userId', 'userRoles.role', 'userRoles.unitId', 'units.name as unitName', 'units.areaCode', 'units.isActive as unitIsActive'])
      .where('userRoles.userId', 'in', userIds)
      .orderBy('userRoles.userId')
      .orderBy('userRoles.unitId')
      .orderBy('userRoles.role')
      .execute();
  },

  /** Units by id (for checking grants). */
  units(db: Q, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('units').select(['id', 'areaCode', 'isActive']).where('id', 'in', ids).execute();
  },

  insert(db: Q, row: Insertable<UserTable>) {
    return db.insertInto('users').values(row).execute();
  },
  update(db: Q, id: string, changes: Updateable<UserTable>) {
    return db.updateTable('users').set(changes).where('id', '=', id).execute();
  },

  /** Replaces every grant of the user. */
  async replaceGrants(db: Q, userId: string, grants: ReadonlyArray<{ role: string; unitId: string }>) {
    await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
    if (grants.length) await db.insertInto('userRoles').values(grants.map((g) => ({ userId, role: g.role, unitId: g.unitId }))).execute();
  },

  /** Ends the user's sessions, except `keepSessionId` (the admin's own, when editing themselves). */
  deleteSessions(db: Q, userId: string, keepSessionId?: string) {
    let query = db.deleteFrom('sessions').where('userId', '=', userId);
    if (keepSessionId) query = query.where('id', '!=', keepSessionId);
    return query.execute();
  },
};

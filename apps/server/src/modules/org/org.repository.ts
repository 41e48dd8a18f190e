import type { Role } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { subtreeRange } from '@lianxin/core';

type Q = Kysely<DB> | Transaction<DB>;

/** Read queries about the organisation that other modules rely on. */
export const orgQueries = {
  findArea(db: Q, code: string) {
    return db.selectFrom('areas').selectAll().where('code', '=', code).executeTakeFirst();
  },
  findUnit(db: Q, id: string) {
    return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findCategory(db: Q, code: string) {
    return db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** Does the user hold `role` (in `unitId`, when given)? */
  async userHasRole(db: Q, userId: string, role: Role, unitId?: string): Promise<boolean> {
    let query = db.selectFrom('userRoles').select('userId').where('userId', '=', userId).where('role', '=', role);
    if (unitId) query = query.where('unitId', '=', unitId);
    return (await query.executeTakeFirst()) !== undefined;
  },
  /** Active users holding one of `roles` in `unitId`. */
  async usersInUnit(db: Q, unitId: string, roles: readonly Role[]): Promise<string[]> {
    const rows = await db
      .selectFrom('userRoles')
      .innerJoin('users', 'users.id', 'userRoles.userId')
      .select('userRoles.userId')
      .distinct()
      .where('userRoles.unitId', '=', unitId)
      .where('userRoles.role', 'in', roles)
      .where('users.isActive', '=', 1)
      .execute();
    return rows.map((r) => r.userId);
  },
  /**
   * Active users holding one of `roles` in a unit whose area contains `areaCode` — the people
   * responsible for that place (leaders for risk alerts, supervisors for escalation).
   */
  async usersOverArea(db: Q, areaCode: string, roles: readonly Role[]): Promise<string[]> {
    const rows = await db
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .innerJoin('users', 'users.id', 'userRoles.userId')
      .select(['userRoles.userId', 'units.areaCode'])
      .where('userRoles.role', 'in', roles)
      .where('users.isActive', '=', 1)
      .execute();
    return [
      ...new Set(
        rows
          .filter((r) => {
            const [lo, hi] = subtreeRange(r.areaCode);
            return areaCode >= lo && areaCode < hi;
          })
          .map((r) => r.userId),
      ),
    ];
  },
};

type Bound<T> = { [K in keyof T]: T[K] extends (db: Q, ...args: infer A) => infer R ? (...args: A) => R : never };

/** The organisation queries bound to one database handle (outside a transaction). */
export function createOrgRepository(db: Kysely<DB>): Bound<typeof orgQueries> {
  return Object.fromEntries(Object.entries(orgQueries).map(([name, fn]) => [name, (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(db, ...args)])) as Bound<typeof orgQueries>;
}
export type OrgRepository = ReturnType<typeof createOrgRepository>;

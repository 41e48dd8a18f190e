import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The queries behind the contact cards: the only place with the module's SQL. */
export function createContactCardsRepository(db: Kysely<DB>) {
  return {
    area: (code: string) => db.selectFrom('areas').select(['code', 'name', 'level', 'parentCode']).where('code', '=', code).executeTakeFirst(),

    areaName: (code: string) => db.selectFrom('areas').select('name').where('code', '=', code).executeTakeFirst(),

    /** Active cadres stationed in the village on `today` (YYYY-MM-DD), earliest assignment first. */
    stationedCadres: (villageCode: string, today: string) =>
      db
        .selectFrom('stationingAssignments')
        .innerJoin('users', 'users.id', 'stationingAssignments.cadreUserId')
        .select(['users.id', 'users.displayName', 'users.phoneEnc'])
        .where('stationingAssignments.villageCode', '=', villageCode)
        .where('stationingAssignments.startsOn', '<=', today)
        .where((eb) => eb.or([eb('stationingAssignments.endsOn', 'is', null), eb('stationingAssignments.endsOn', '>=', today)]))
        .where('users.isActive', '=', 1)
        .orderBy('stationingAssignments.startsOn')
        .execute(),

    /** Active members of the village's own active units, with their role, by name. */
    villageUnitMembers: (villageCode: string) =>
      db
        .selectFrom('userRoles')
        .innerJoin('units', 'units.id', 'userRoles.unitId')
        .innerJoin('users', 'users.id', 'userRoles.userId')
        .select(['users.id', 'users.displayName', 'users.phoneEnc', 'userRoles.role'])
        .where('units.areaCode', '=', villageCode)
        .where('units.isActive', '=', 1)
        .where('users.isActive', '=', 1)
        .orderBy('users.displayName')
        .execute(),

    /** The phone of a unit of the village, if one has it. */
    async unitPhone(villageCode: string): Promise<string | null> {
      const unit = await db.selectFrom('units').select('phone').where('areaCode', '=', villageCode).where('phone', 'is not', null).executeTakeFirst();
      return unit?.phone ?? null;
    },

    /** The active (not archived) households among `ids`. */
    activeHouseholds: (ids: readonly string[]) =>
      db.selectFrom('households').select(['id', 'areaCode', 'address', 'headNameMasked', 'contactUserId']).where('id', 'in', ids).where('archivedAt', 'is', null).execute(),

    users: (ids: readonly string[]) => (ids.length ? db.selectFrom('users').select(['id', 'displayName', 'phoneEnc']).where('id', 'in', ids).execute() : Promise.resolve([])),
  };
}
export type ContactCardsRepository = ReturnType<typeof createContactCardsRepository>;

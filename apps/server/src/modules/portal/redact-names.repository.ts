import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { HOUSEHOLD_CHANGE_COUNTER } from '../households/households.repository.js';

/** The SQL of the redactor's name dictionary: staff names, and household members' names by change number. */
export const redactNamesRepository = {
  /** The number of the latest household change (every write to a household or its members takes one). */
  async householdChangeHead(db: Kysely<DB>): Promise<number> {
    const head = await db.selectFrom('counters').select('value').where('name', '=', HOUSEHOLD_CHANGE_COUNTER).executeTakeFirst();
    return Number(head?.value ?? 0);
  },

  /** Households changed after change number `after`, in change order, at most `limit`. */
  householdsChangedSince(db: Kysely<DB>, after: number, limit: number) {
    return db.selectFrom('households').select(['id', 'changeSeq']).where('changeSeq', '>', after).orderBy('changeSeq').limit(limit).execute();
  },

  /** The encrypted names of the members of these households. */
  memberNames(db: Kysely<DB>, householdIds: string[]) {
    if (householdIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('householdMembers').select(['householdId', 'nameEnc']).where('householdId', 'in', householdIds).execute();
  },

  /** A cheap fingerprint of the staff names: count, total length and newest account. */
  async staffFingerprint(db: Kysely<DB>): Promise<string> {
    const row = await db
      .selectFrom('users')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.fn('length', ['displayName'])).as('chars'), eb.fn.max('createdAt').as('newest')])
      .executeTakeFirstOrThrow();
    return `${Number(row.n)}|${Number(row.chars ?? 0)}|${row.newest ?? ''}`;
  },

  /** Every staff member's display name, former staff included. */
  async staffNames(db: Kysely<DB>): Promise<string[]> {
    return (await db.selectFrom('users').select('displayName').execute()).map((r) => r.displayName);
  },
};

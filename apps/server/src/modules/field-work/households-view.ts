import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The columns of the households registry (2026112108_households) that field work reads — visits,
 * campaigns — without reaching into the households module.
 */
export interface HouseholdView {
  households: {
    id: string;
    areaCode: string;
    address: string;
    headNameMasked: string;
    contactUserId: string | null;
    tagCodes: string;
    archivedAt: string | null;
  };
  householdTags: { householdId: string; tagCode: string };
}
export type FDB = DB & HouseholdView;

/** The database typed with the households columns field work reads. */
export const fdb = (db: Kysely<DB> | Transaction<DB>) => db as unknown as Kysely<FDB>;

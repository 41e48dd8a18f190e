import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The one query of the health check. */
export function createHealthRepository(db: Kysely<DB>) {
  return {
    /** Throws when the database does not answer. */
    async ping(): Promise<void> {
      await sql`select 1`.execute(db);
    },
  };
}
export type HealthRepository = ReturnType<typeof createHealthRepository>;

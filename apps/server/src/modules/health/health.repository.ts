import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The queries of the health check. */
export function createHealthRepository(db: Kysely<DB>) {
  return {
    /** Throws when the database does not answer. */
    async ping(): Promise<void> {
      await sql`select 1`.execute(db);
    },
    /**
     * Throws when the database answers but cannot read its data (a corrupt file answers `select 1`
     * while every list fails): reads the catalogue and a row of the core tables.
     */
    async read(): Promise<void> {
      // Whole rows, so the tables themselves are read and not just a covering index.
      await db.selectFrom('areas').selectAll().limit(1).execute();
      await db.selectFrom('users').selectAll().limit(1).execute();
      await db.selectFrom('cases').selectAll().limit(1).execute();
      await db.selectFrom('caseEvents').selectAll().limit(1).execute();
    },
  };
}
export type HealthRepository = ReturnType<typeof createHealthRepository>;

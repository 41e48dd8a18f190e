import type { Kysely } from 'kysely';
import type { CaseRow, DB } from '../db/schema.js';
import { indexCase } from '../modules/search-index/search-index.repository.js';

/**
 * Many cases at once for tests of paging, search and export at size: copies of `template` (a case
 * registered through the API) with the fields each row overrides, inserted in batches straight
 * into `cases` (and, with `index`, into the search index as registration would).
 */
export async function insertBulkCases(db: Kysely<DB>, template: CaseRow, rows: Array<Partial<CaseRow> & { id: string; code: string }>, options: { index?: boolean } = {}) {
  const BATCH = 400;
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH).map((r) => ({ ...template, version: 1, ...r }));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(batch).execute();
      if (options.index) for (const row of batch) await indexCase(trx, row);
    });
  }
}

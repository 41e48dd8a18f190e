import type { CaseSearchPage, CaseSearchQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../http/offset-cursor.js';
import { AppError } from '../../errors.js';
import { assertCan, caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import { CASE_CODE_PATTERN, caseByCode, casesByIds, SEARCH_POOL, searchPool } from './search.repository.js';
import { reindexAllCases } from '../search-index/search-index.repository.js';
import { buildSnippet } from '../search-index/snippet.js';
import { queryTerms } from '../search-index/segment.js';
import { presentHit } from './search.presenter.js';

/** Pages end with the pool (search.query.ts): search is for finding, the ledger for going through everything. */
const MAX_OFFSET = SEARCH_POOL;

/** Full-text search over cases (SPEC §8), always within the actor's scope. */
export function createSearchService({ db, reads = db, audit, clock, cipher }: { db: Kysely<DB>; reads?: Kysely<DB>; audit: AuditLog; clock: Clock; cipher: Cipher }) {
  return {
    /**
     * Cases matching every word of `q`, best first, each with a highlighted snippet — ranked within
     * the SEARCH_POOL newest matches in scope (search.query.ts); `partial` when the walk was cut short.
     */
    async searchCases(actor: Actor, query: CaseSearchQuery): Promise<CaseSearchPage> {
      const scope = caseScope(actor);
      const now = clock.now();
      // A tracking code finds its case directly (the ledger's ?code= does the same), within scope.
      const code = CASE_CODE_PATTERN.exec(query.q)?.[1];
      if (code) {
        const row = await caseByCode(db, code.toUpperCase(), scope);
        return { items: row && !query.cursor ? [presentHit(row, buildSnippet(row, []), cipher, now)] : [], nextCursor: null, partial: false };
      }
      const terms = queryTerms(query.q);
      if (terms.length === 0) throw new AppError(400, 'error.validation', {}, 'q');
      const offset = query.cursor ? decodeOffsetCursor(query.cursor, MAX_OFFSET) : 0;
      const { q, cursor, limit, ...filters } = query;
      const pool = await searchPool(reads, terms, scope, filters, true, now.toISOString());
      const window = pool.ranked.slice(offset, offset + limit);
      const rows = await casesByIds(reads, window.map((hit) => hit.id));
      const next = offset + limit;
      return {
        // Rows come back in rank order (casesByIds keeps the order of the ids).
        items: rows.map((row) => presentHit(row, buildSnippet(row, terms), cipher, now)),
        nextCursor: next < pool.ranked.length ? encodeOffsetCursor(next) : null,
        partial: pool.partial,
      };
    },

    /** Rebuilds the whole index (after a change of segmentation, or a restore); admins only. */
    async reindex(actor: Actor) {
      assertCan(actor, 'system.maintain');
      const indexed = await reindexAllCases(db);
      await audit.append({ actorUserId: actor.userId, action: 'reindex', subjectType: 'search_index', detail: { indexed } });
      return { indexed };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

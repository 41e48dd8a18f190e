import type { CaseSearchQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { assertCan } from '../../access/access.js';
import type { AuditLog } from '../audit/audit.service.js';
import { type Actor, scopeOf } from '../../access/actor.js';
import { casesByIds, SEARCH_POOL, searchPool } from './search.query.js';
import { reindexAllCases } from './search.repository.js';
import { buildSnippet } from './search.snippet.js';
import { queryTerms } from './segment.js';

/** Pages end with the pool (search.query.ts): search is for finding, the ledger for going through everything. */
const MAX_OFFSET = SEARCH_POOL;

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset >= 0 && offset <= MAX_OFFSET)) throw new AppError(400, 'error.validation', {}, 'cursor');
  return offset;
}

/** Full-text search over cases (SPEC §8), always within the actor's scope. */
export function createSearchService({ db, audit, clock }: { db: Kysely<DB>; audit: AuditLog; clock: Clock }) {
  return {
    /**
     * Cases matching every word of `q`, best first, each with a highlighted snippet — ranked within
     * the SEARCH_POOL newest matches in scope (search.query.ts); `partial` when the walk was cut short.
     */
    async searchCases(actor: Actor, query: CaseSearchQuery) {
      const scope = scopeOf(actor.grants);
      const terms = queryTerms(query.q);
      if (terms.length === 0) throw new AppError(400, 'error.validation', {}, 'q');
      const offset = query.cursor ? decodeCursor(query.cursor) : 0;
      const { q, cursor, limit, ...filters } = query;
      const pool = await searchPool(db, terms, scope, filters, true, clock.now().toISOString());
      const window = pool.ranked.slice(offset, offset + limit);
      const rows = await casesByIds(db, window.map((hit) => hit.id));
      const rankOf = new Map(window.map((hit) => [hit.id, hit.rank]));
      const next = offset + limit;
      return {
        items: rows.map((row) => ({ row, rank: rankOf.get(row.id)!, snippet: buildSnippet(row, terms) })),
        nextCursor: next < pool.ranked.length ? encodeCursor(next) : null,
        partial: pool.partial,
      };
    },

    /** Rebuilds the whole index (after a change of segmentation, or a restore); admins only. */
    async reindex(actor: Actor) {
      assertCan(actor, 'config.manage');
      const indexed = await reindexAllCases(db);
      await audit.append({ actorUserId: actor.userId, action: 'reindex', subjectType: 'search_index', detail: { indexed } });
      return { indexed };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

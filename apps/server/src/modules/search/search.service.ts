import type { CaseSearchQuery } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { assertAdmin } from '../admin/admin.policy.js';
import type { AuditLog } from '../audit/audit.service.js';
import { type Actor, scopeOf } from '../auth/actor.js';
import { reindexAllCases, searchCases } from './search.repository.js';
import { buildSnippet } from './search.snippet.js';
import { queryTerms } from './segment.js';

/** Pages end here: search is for finding, the ledger for going through everything. */
const MAX_OFFSET = 1000;

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
    /** Cases matching every word of `q`, best first, each with a highlighted snippet. */
    async searchCases(actor: Actor, query: CaseSearchQuery) {
      const scope = scopeOf(actor.grants);
      const terms = queryTerms(query.q);
      if (terms.length === 0) throw new AppError(400, 'error.validation', {}, 'q');
      const offset = query.cursor ? decodeCursor(query.cursor) : 0;
      const { q, cursor, limit, ...filters } = query;
      const hits = await searchCases(db, terms, scope, filters, { limit: limit + 1, offset, prefixLast: true }, clock.now().toISOString());
      const page = hits.slice(0, limit);
      const next = offset + limit;
      return {
        items: page.map((hit) => ({ row: hit.row, rank: hit.rank, snippet: buildSnippet(hit.row, terms) })),
        nextCursor: hits.length > limit && next <= MAX_OFFSET ? encodeCursor(next) : null,
      };
    },

    /** Rebuilds the whole index (after a change of segmentation, or a restore); admins only. */
    async reindex(actor: Actor) {
      assertAdmin(actor);
      const indexed = await reindexAllCases(db);
      await audit.append({ actorUserId: actor.userId, action: 'reindex', subjectType: 'search_index', detail: { indexed } });
      return { indexed };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

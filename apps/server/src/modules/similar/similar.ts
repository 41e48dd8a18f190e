import { ACTIVE_STATES, assessSimilarity, type SimilarityCandidate, type SimilarityProbe, subtreeRange } from '@lianxin/core';
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { CaseScope as Scope } from '../../access/access.js';
import { inScope } from '../cases/cases.repository.js';
import { bestMatches, countEachMatch, newestMatches } from '../search-index/fts.js';
import { matchableAreaWords } from '../search-index/index-scope.js';
import { segment } from '../search-index/segment.js';

/**
 * Similar cases (借鉴类比 · 重复件): candidates come from bounded lookups in the search index (the
 * probe's rare words ranked, its common words newest first) and the requester's own cases, then one scoring function — shared with the repeat flag of
 * registration — decides how similar each is.
 */

type Q = Kysely<DB> | Transaction<DB>;

/** How many index matches each candidate lookup returns for reranking. */
export const CANDIDATES = 50;
/** A word in this many cases or more is "common": its matches are taken newest first, not ranked. */
export const RARE_WORD_CAP = 500;
/** The ranked OR of rare words reads at most this many postings. */
export const RARE_POSTINGS = 2000;
/** How many of the requester's own latest cases are scored too. */
export const REQUESTER_CANDIDATES = 20;
/** How many of the newest open cases of the probe's village are scored too (issue 18). */
export const PLACE_CANDIDATES = 30;
/** How many words of the probe are looked up. */
export const PROBE_WORDS = 12;

/** The score lives in core: the repeat flag of registration judges by it too. */
export { isSameMatter, SAME_REQUESTER_BONUS, SAME_VILLAGE_BONUS, similarityScore } from '@lianxin/core';

// Words that say nothing about what the matter is.
const STOP_WORDS = new Set(
  '希望 要求 请求 问题 反映 没有 尽快 一个 我们 他们 你们 现在 已经 因为 所以 但是 还是 可以 不能 不是 解决 情况 处理 相关 部门 群众 市民 居民 这个 那个 什么 怎么 如何 能否 是否 目前 至今 今年 去年 一直 多次 导致 出现 进行 影响 存在 政府 社区'.split(' '),
);

/**
 * The probe's most distinctive words, at most `max`: distinct, stop words and single characters
 * out (unless nothing else is left), longest first (a long word is rarer), then the rarer in the
 * probe itself, then reading order (the title comes first).
 */
export function distinctiveWords(text: string, max = PROBE_WORDS): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  segment(text).forEach((word, i) => {
    const seen = counts.get(word);
    if (seen) seen.n++;
    else counts.set(word, { n: 1, first: i });
  });
  const words = [...counts.keys()].filter((w) => !STOP_WORDS.has(w));
  const long = words.filter((w) => Array.from(w).length >= 2);
  const pool = long.length ? long : words;
  return pool
    .sort((a, b) => Array.from(b).length - Array.from(a).length || counts.get(a)!.n - counts.get(b)!.n || counts.get(a)!.first - counts.get(b)!.first)
    .slice(0, max);
}

export interface SimilarCase {
  id: string;
  code: string;
  title: string;
  status: string;
  areaCode: string;
  registeredAt: string;
  score: number;
  possibleDuplicate: boolean;
  reply: string | null;
}

interface CandidateRow extends SimilarityCandidate {
  id: string;
  code: string;
  status: string;
  registeredAt: string;
  replyText: string | null;
}

type Searchable = Kysely<DB & { caseSearch: { docId: number; caseId: string } }>;
const CANDIDATE_COLUMNS = ['cases.id', 'cases.code', 'cases.title', 'cases.content', 'cases.status', 'cases.areaCode', 'cases.registeredAt', 'cases.requesterKey', 'cases.replyText'] as const;

/**
 * Index documents worth scoring for the probe's `words`, a bounded set whatever the size of the
 * database:
 * - the words' document frequencies, each counted no further than RARE_WORD_CAP;
 * - the best-ranked CANDIDATES of an OR of the rare words (together at most RARE_POSTINGS
 *   postings, rarest first), which is where a matter told in its own words is found;
 * - the newest CANDIDATES holding all of the (up to 3) least common of the common words, fewer
 *   words when none holds all: the same matter told in everyday words (路灯 损坏 小区).
 * `areas` (the scope's area words) is part of each match.
 */
async function candidateDocs(db: Q, words: readonly string[], areas: string[] | null, limit: number): Promise<number[]> {
  const areaGroups = areas ? [areas] : [];
  const { counts: frequency } = await countEachMatch(db, words.map((w) => ({ all: [w], areas: areaGroups })), RARE_WORD_CAP);
  const byFrequency = words.map((word, i) => ({ word, df: frequency[i]! })).filter((w) => w.df > 0).sort((a, b) => a.df - b.df);
  const rare: string[] = [];
  const common: string[] = [];
  let postings = 0;
  for (const { word, df } of byFrequency) {
    if (df < RARE_WORD_CAP && postings + df <= RARE_POSTINGS) {
      rare.push(word);
      postings += df;
    } else common.push(word);
  }
  const docs = new Set<number>();
  const newest = (k: number) => newestMatches(db, { all: common.slice(0, k), areas: areaGroups }, { limit, rank: false });
  // The ranked rare words and the newest of the common ones at once (two connections on PostgreSQL).
  const first = Math.min(3, common.length);
  const [best, commonHits] = await Promise.all([rare.length ? bestMatches(db, { any: rare, areas: areaGroups }, limit) : [], first ? newest(first) : []]);
  for (const hit of best) docs.add(hit.docId);
  for (const hit of commonHits) docs.add(hit.docId);
  for (let k = first - 1; k >= 1 && commonHits.length === 0 && docs.size < 2 * limit; k--) {
    const hits = await newest(k);
    for (const hit of hits) docs.add(hit.docId);
    if (hits.length) break;
  }
  return [...docs];
}

/**
 * The cases most similar to `probe`, best first. Candidates come from bounded index lookups
 * (`candidateDocs`, within the scope's areas when a scope is given) and the requester's own
 * recent cases; only those few are read and scored by `similarityScore`, the score the repeat flag
 * of registration uses. With a scope, the scope is also checked in SQL on every candidate.
 */
export async function findSimilarCases(
  db: Q,
  dialect: Dialect,
  probe: SimilarityProbe & { excludeId?: string | null },
  options: { limit?: number; scope?: Scope; areaMatchCap?: number } = {},
): Promise<SimilarCase[]> {
  const limit = options.limit ?? 5;
  const words = distinctiveWords(`${probe.title} ${probe.content}`);
  if (words.length === 0 || limit <= 0) return [];
  const scope = options.scope;
  // A scope without areas (a handler's unit) cannot be matched as words; SQL filters it below.
  // A wide scope (a county) is not worth matching as words (search.scope.ts): SQL filters it below.
  const areas = scope ? await matchableAreaWords(db, scope, options.areaMatchCap) : null;
  const wanted = CANDIDATES + (probe.excludeId ? 1 : 0);

  const scoped = <T extends { where: (...args: any[]) => T }>(query: T): T => {
    let q = query;
    if (probe.excludeId) q = q.where('cases.id', '!=', probe.excludeId);
    if (scope) q = q.where((eb: ExpressionBuilder<DB, 'cases'>) => inScope(eb, scope));
    return q;
  };
  // The same place: the newest open cases of the probe's village, whatever their words (a matter
  // told in other words, or not yet in the search index).
  const place = async (): Promise<CandidateRow[]> => {
    const [lo, hi] = subtreeRange(probe.areaCode!.slice(0, 12));
    if (dialect === 'postgres') {
      return scoped(db.selectFrom('cases').select(CANDIDATE_COLUMNS).where('cases.areaCode', '>=', lo).where('cases.areaCode', '<', hi).where('cases.status', 'in', [...ACTIVE_STATES]) as any)
        .orderBy('cases.registeredAt', 'desc')
        .limit(PLACE_CANDIDATES)
        .execute();
    }
    // SQLite would read every case of the village by its area range and sort them (a second at
    // 1,000,000 cases): instead one walk per open state, newest first (cases_status_time), the
    // area tested on the rows (`+area_code` keeps the range out of the index choice), merged.
    const area = sql<string>`+${sql.ref('cases.areaCode')}`;
    const perState = await Promise.all(
      ACTIVE_STATES.map(
        (state) =>
          scoped(db.selectFrom('cases').select(CANDIDATE_COLUMNS).where(area, '>=', lo).where(area, '<', hi).where('cases.status', '=', state) as any)
            .orderBy('cases.registeredAt', 'desc')
            .limit(PLACE_CANDIDATES)
            .execute() as Promise<CandidateRow[]>,
      ),
    );
    return perState.flat().sort((a, b) => (a.registeredAt < b.registeredAt ? 1 : a.registeredAt > b.registeredAt ? -1 : 0)).slice(0, PLACE_CANDIDATES);
  };
  const requester = () =>
    scoped(db.selectFrom('cases').select(CANDIDATE_COLUMNS).where('cases.requesterKey', '=', probe.requesterKey!) as any)
      .orderBy('cases.registeredAt', 'desc')
      .limit(REQUESTER_CANDIDATES)
      .execute() as Promise<CandidateRow[]>;
  // The index's candidates, the same place's and the requester's, looked up at once (PostgreSQL
  // runs them on separate connections).
  const [indexed, local, own] = await Promise.all([
    candidateDocs(db, words, areas, wanted).then((docIds) =>
      docIds.length
        ? (scoped((db as unknown as Searchable).selectFrom('caseSearch as s').crossJoin('cases').whereRef('cases.id', '=', 's.caseId').select(CANDIDATE_COLUMNS).where('s.docId', 'in', docIds) as any).execute() as Promise<CandidateRow[]>)
        : [],
    ),
    probe.areaCode ? place() : [],
    probe.requesterKey ? requester() : [],
  ]);
  const rows: CandidateRow[] = [...indexed];
  const seen = new Set(rows.map((r) => r.id));
  for (const row of [...local, ...own]) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }

  const active = ACTIVE_STATES as readonly string[];
  return rows
    .map((c) => ({ c, ...assessSimilarity(probe, c) }))
    .sort((a, b) => b.score - a.score || (a.c.registeredAt < b.c.registeredAt ? 1 : a.c.registeredAt > b.c.registeredAt ? -1 : 0) || (a.c.id < b.c.id ? -1 : 1))
    .slice(0, limit)
    .map(({ c, score, sameMatter }) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      areaCode: c.areaCode,
      registeredAt: c.registeredAt,
      score: Math.round(score * 1000) / 1000,
      possibleDuplicate: sameMatter && active.includes(c.status),
      reply: c.replyText,
    }));
}

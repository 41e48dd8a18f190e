import { ACTIVE_STATES, DUPLICATE_SCORE, textSimilarity } from '@lianxin/core';
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Scope } from '../auth/actor.js';
import { inScope } from '../cases/cases.repository.js';
import { segment } from '../search/segment.js';

/**
 * Similar cases (借鉴类比 · 重复件): candidates come from the search index (an OR of the probe's
 * most distinctive words, bounded), then one scoring function — shared with the repeat flag of
 * registration — decides how similar each is.
 */

type Q = Kysely<DB> | Transaction<DB>;

/** Bonus for a candidate in the same village (first 12 digits of the area code equal). */
export const SAME_VILLAGE_BONUS = 0.15;
/** Bonus for a candidate from the same requester (same blind index of phone or ID). */
export const SAME_REQUESTER_BONUS = 0.2;
/** How many index matches are reranked. */
export const CANDIDATES = 50;
/** How many words of the probe are looked up. */
export const PROBE_WORDS = 12;

export interface SimilarityProbe {
  title: string;
  content: string;
  areaCode?: string | null;
  requesterKey?: string | null;
}
export interface SimilarityCandidate {
  title: string;
  content: string;
  areaCode: string;
  requesterKey: string | null;
}

/**
 * How similar a candidate is to the probe: bigram Dice of title + content, plus a bonus for the
 * same village and for the same requester. Not capped, so it orders well; ≥ DUPLICATE_SCORE means
 * "close enough to be the same matter" (a possible duplicate, or a repeat of the same requester).
 */
export function similarityScore(probe: SimilarityProbe, candidate: SimilarityCandidate): number {
  let score = textSimilarity(`${probe.title} ${probe.content}`, `${candidate.title} ${candidate.content}`);
  if (probe.areaCode && probe.areaCode.slice(0, 12) === candidate.areaCode.slice(0, 12)) score += SAME_VILLAGE_BONUS;
  if (probe.requesterKey && probe.requesterKey === candidate.requesterKey) score += SAME_REQUESTER_BONUS;
  return score;
}

/** Whether a score means the same matter. */
export const isSameMatter = (score: number) => score >= DUPLICATE_SCORE;

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

/**
 * The cases most similar to `probe`, best first. One bounded, index-served query finds up to
 * CANDIDATES cases sharing any of the probe's distinctive words (FTS5 bm25 / ts_rank), within
 * `scope` when given (in the same SQL); they are then reranked by `similarityScore`.
 */
export async function findSimilarCases(
  db: Q,
  dialect: Dialect,
  probe: SimilarityProbe & { excludeId?: string | null },
  options: { limit?: number; scope?: Scope } = {},
): Promise<SimilarCase[]> {
  const limit = options.limit ?? 5;
  const words = distinctiveWords(`${probe.title} ${probe.content}`);
  if (words.length === 0 || limit <= 0) return [];
  // Unscoped, the index's own top-N is the candidate set; scoped, the scope filters the matches
  // first so that an actor with a small area still gets their best candidates.
  const inner = options.scope ? sql`` : sql` order by rank desc limit ${CANDIDATES + (probe.excludeId ? 1 : 0)}`;
  // Words are runs of letters and digits (segment.ts): safe inside quotes in FTS5 and in tsquery.
  const hits =
    dialect === 'sqlite'
      ? sql<{ caseId: string; rank: number }>`(select s.case_id, -bm25(case_search_fts) as rank from case_search_fts join case_search s on s.doc_id = case_search_fts.rowid where case_search_fts match ${words
          .map((w) => `"${w}"`)
          .join(' OR ')}${inner})`
      : sql<{ caseId: string; rank: number }>`(select s.case_id, ts_rank(s.tsv, q) as rank from case_search s, to_tsquery('simple', ${words.join(' | ')}) q where s.tsv @@ q${inner})`;
  let query = db
    .selectFrom('cases')
    .innerJoin(hits.as('hit'), 'hit.caseId', 'cases.id')
    .select(['cases.id', 'cases.code', 'cases.title', 'cases.content', 'cases.status', 'cases.areaCode', 'cases.registeredAt', 'cases.requesterKey', 'cases.replyText']);
  if (probe.excludeId) query = query.where('cases.id', '!=', probe.excludeId);
  const scope = options.scope;
  if (scope) query = query.where((eb) => inScope(eb as unknown as ExpressionBuilder<DB, 'cases'>, scope));
  const rows: CandidateRow[] = await query.orderBy('hit.rank', 'desc').orderBy('cases.id').limit(CANDIDATES).execute();

  const active = ACTIVE_STATES as readonly string[];
  return rows
    .map((c) => ({ c, score: similarityScore(probe, c) }))
    .sort((a, b) => b.score - a.score || (a.c.registeredAt < b.c.registeredAt ? 1 : a.c.registeredAt > b.c.registeredAt ? -1 : 0))
    .slice(0, limit)
    .map(({ c, score }) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      areaCode: c.areaCode,
      registeredAt: c.registeredAt,
      score: Math.round(score * 1000) / 1000,
      possibleDuplicate: isSameMatter(score) && active.includes(c.status),
      reply: c.replyText,
    }));
}

/**
 * The rank of a search hit: BM25 (k1 = 1.2, b = 0.75, the constants of FTS5's bm25) over the words
 * the index holds for the case (`case_search.terms`), computed here rather than by the database.
 * Two reasons: FTS5's bm25() reads the whole posting list of every query word to weigh it (tens of
 * milliseconds for a word in 125,000 cases), and PostgreSQL's ts_rank is another formula — computed
 * in JS from the same words and counts, both databases rank a pool identically.
 *
 * Document frequencies are counted up to a cap (fts.ts `countMatches`): every word at least that
 * common weighs the same, which only matters for queries of several common words. The average
 * length is the pool's own, and the collection size is the highest index id (an upper bound).
 */
const K1 = 1.2;
const B = 0.75;

/** What a query's words weigh: how many documents hold each, and how many documents there are. */
export interface RankContext {
  terms: readonly string[];
  /** The last term also counts words it begins (search as you type). */
  prefixLast: boolean;
  /** Documents holding each term (possibly capped). */
  docFrequency: readonly number[];
  totalDocs: number;
}

/** BM25 scores of `docs` (each the space-separated words of one case) for the query, in order. */
export function rankDocuments(context: RankContext, docs: readonly string[]): number[] {
  const { terms, prefixLast, docFrequency, totalDocs } = context;
  const last = terms.length - 1;
  const idf = terms.map((_, i) => {
    const df = Math.min(docFrequency[i] ?? 0, totalDocs);
    return Math.log(1 + (totalDocs - df + 0.5) / (df + 0.5));
  });
  const words = docs.map((d) => (d ? d.split(' ') : []));
  const avgLength = words.reduce((sum, w) => sum + w.length, 0) / Math.max(1, words.length) || 1;
  return words.map((doc) => {
    let score = 0;
    terms.forEach((term, i) => {
      const prefix = prefixLast && i === last;
      let tf = 0;
      for (const w of doc) if (w === term || (prefix && w.startsWith(term))) tf++;
      if (tf > 0) score += (idf[i]! * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / avgLength));
    });
    return score;
  });
}

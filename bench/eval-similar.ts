import { assessSimilarity, DUPLICATE_SCORE, SAME_REQUESTER_BONUS, SAME_VILLAGE_BONUS, textSimilarity } from '../packages/core/src/similarity.js';
import { similarSet, type SimDoc } from './similar-set.js';

/**
 * npm run eval:similar — the retrieval test set of issue 18 (bench/similar-set.ts): every case is
 * a query against all the others, ranked by `similarityScore` (the score of the similar-cases
 * lookup and of the duplicate flag). Prints, for true duplicates (the same matter at the same
 * place, told by another resident in other words): recall@5, MRR and how many are flagged as
 * possible duplicates; for related cases (same place, another matter): recall@10; and how many
 * look-alikes (same matter, another place) are flagged. The earlier score (characters + village +
 * requester) on the same set, for comparison.
 */
type Score = (q: SimDoc, c: SimDoc) => { score: number; sameMatter: boolean };

const earlier: Score = (q, c) => {
  const score = textSimilarity(`${q.title} ${q.content}`, `${c.title} ${c.content}`) + (q.areaCode.slice(0, 12) === c.areaCode.slice(0, 12) ? SAME_VILLAGE_BONUS : 0) + (q.requesterKey && q.requesterKey === c.requesterKey ? SAME_REQUESTER_BONUS : 0);
  return { score, sameMatter: score >= DUPLICATE_SCORE };
};
const now: Score = (q, c) => assessSimilarity(q, c);

function evaluate(docs: SimDoc[], score: Score) {
  let recall5 = 0, rr = 0, related10 = 0, relatedQueries = 0, dupPairs = 0, dupFlagged = 0, lookFlagged = 0, lookPairs = 0, flagged = 0;
  for (const q of docs) {
    const ranked = docs.filter((c) => c.id !== q.id).map((c) => ({ c, ...score(q, c) })).map((r) => ({ ...r, s: r.score })).sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : 1));
    const dups = ranked.filter((r) => r.c.cluster === q.cluster);
    const top5 = ranked.slice(0, 5);
    recall5 += top5.filter((r) => r.c.cluster === q.cluster).length / Math.min(5, dups.length);
    const first = ranked.findIndex((r) => r.c.cluster === q.cluster);
    rr += first < 0 ? 0 : 1 / (first + 1);
    const related = ranked.filter((r) => r.c.entity === q.entity && r.c.cluster !== q.cluster);
    if (related.length) {
      relatedQueries++;
      related10 += ranked.slice(0, 10).filter((r) => r.c.entity === q.entity && r.c.cluster !== q.cluster).length / Math.min(10, related.length);
    }
    for (const r of top5) {
      const flag = r.sameMatter;
      if (flag) flagged++;
      if (r.c.cluster === q.cluster) dupFlagged += flag ? 1 : 0;
      else if (flag) lookFlagged++;
    }
    dupPairs += dups.length;
    lookPairs += ranked.filter((r) => r.c.cluster !== q.cluster && r.c.cluster.split('@')[0] === q.cluster.split('@')[0]).length;
  }
  const n = docs.length;
  return { queries: n, recallAt5: recall5 / n, mrr: rr / n, relatedRecallAt10: relatedQueries ? related10 / relatedQueries : 0, duplicatesFlagged: dupFlagged / dupPairs, flagsInTop5: flagged, falseFlagsInTop5: lookFlagged, lookAlikePairs: lookPairs };
}

const docs = similarSet();
const clusters = new Set(docs.map((d) => d.cluster)).size;
console.log(`${docs.length} queries (${clusters} matters × 3 tellings, ${new Set(docs.map((d) => d.entity)).size} places/organisations); duplicate score ≥ ${DUPLICATE_SCORE}`);
const fmt = (r: ReturnType<typeof evaluate>) =>
  `recall@5 ${(r.recallAt5 * 100).toFixed(1)}%  MRR ${r.mrr.toFixed(3)}  related recall@10 ${(r.relatedRecallAt10 * 100).toFixed(1)}%  duplicates flagged ${(r.duplicatesFlagged * 100).toFixed(1)}%  flags in top 5: ${r.flagsInTop5}, of them not the same matter: ${r.falseFlagsInTop5}`;
console.log(`  now:     ${fmt(evaluate(docs, now))}`);
console.log(`  earlier: ${fmt(evaluate(docs, earlier))}`);

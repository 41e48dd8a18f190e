/**
 * Text similarity for spotting duplicate and repeat cases (重复件 · 重复访).
 *
 * Character n-grams suit Chinese, which has no spaces between words, and need no
 * dictionary or model, so the same code runs in the browser and on the server.
 */

// Punctuation, symbols and all whitespace; written as Unicode classes so that Chinese
// marks (，。、“”《》…) and ASCII ones are treated alike.
const NOISE = /[\p{P}\p{S}\p{Z}\s]/gu;

/**
 * Prepares text for comparison: NFKC (fullwidth letters and digits → halfwidth,
 * ideographic space → space), lower case, and no whitespace or punctuation.
 */
export function normalizeForSimilarity(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOISE, '');
}

/**
 * The set of `n`-character substrings of `text`, counted in code points so that rare
 * characters outside the BMP are not split. Text shorter than `n` has no n-grams.
 */
export function charNgrams(text: string, n = 2): Set<string> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer: ${n}`);
  const chars = Array.from(text);
  const grams = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
  return grams;
}

/**
 * Similarity of two texts in [0, 1]: the Dice coefficient 2|A∩B| / (|A|+|B|) of the
 * character bigrams of the normalised texts. When either text is a single character,
 * single characters are compared instead. Empty texts (after normalisation) score 0,
 * so blank or punctuation-only submissions are never taken for duplicates.
 */
export function textSimilarity(a: string, b: string): number {
  const na = normalizeForSimilarity(a);
  const nb = normalizeForSimilarity(b);
  if (na === '' || nb === '') return 0;
  if (na === nb) return 1;
  const n = Array.from(na).length < 2 || Array.from(nb).length < 2 ? 1 : 2;
  const ga = charNgrams(na, n);
  const gb = charNgrams(nb, n);
  let shared = 0;
  for (const gram of ga) if (gb.has(gram)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/** Score from which an open similar case is marked as a possible duplicate (可合并). */
export const DUPLICATE_SCORE = 0.55;
/** Bonus for a candidate in the same village (first 12 digits of the area code equal). */
export const SAME_VILLAGE_BONUS = 0.15;
/** Bonus for a candidate from the same requester (same blind index of phone or ID). */
export const SAME_REQUESTER_BONUS = 0.2;

/** The matter compared: a case being registered, or an existing one. */
export interface SimilarityProbe {
  title: string;
  content: string;
  areaCode?: string | null;
  requesterKey?: string | null;
}
/** A case it is compared with. */
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
 * The similar-cases search and the repeat flag of registration both judge by it.
 */
export function similarityScore(probe: SimilarityProbe, candidate: SimilarityCandidate): number {
  let score = textSimilarity(`${probe.title} ${probe.content}`, `${candidate.title} ${candidate.content}`);
  if (probe.areaCode && probe.areaCode.slice(0, 12) === candidate.areaCode.slice(0, 12)) score += SAME_VILLAGE_BONUS;
  if (probe.requesterKey && probe.requesterKey === candidate.requesterKey) score += SAME_REQUESTER_BONUS;
  return score;
}

/** Whether a score means the same matter. */
export const isSameMatter = (score: number): boolean => score >= DUPLICATE_SCORE;

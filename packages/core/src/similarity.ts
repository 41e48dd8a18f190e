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

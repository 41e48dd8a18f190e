/** Explanations of the linear classifier: the features that pushed a document towards a label. */
import { featureText } from './linear-hashing.js';
import type { Sparse } from './linear-sparse.js';

/** Terms listed per suggestion. */
export const TERMS = 5;

/**
 * The features contributing most to label `c` over the average label: x_j · (w_cj − mean_k w_kj),
 * with `w` feature-major (K weights per feature) and `names` the feature strings by index.
 * Single characters explain little to a reader, so they are listed only when nothing longer is.
 */
export function explain(w: Float32Array, K: number, x: Sparse, c: number, names: Map<number, string>): string[] {
  const contributions: Array<[string, number]> = [];
  for (let j = 0; j < x.idx.length; j++) {
    const f = x.idx[j]!;
    let mean = 0;
    for (let q = 0; q < K; q++) mean += w[f * K + q]!;
    mean /= K;
    const v = x.val[j]! * (w[f * K + c]! - mean);
    if (v > 0) contributions.push([featureText(names.get(f)!), v]);
  }
  contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const seen = new Set<string>();
  const long: string[] = [];
  const short: string[] = [];
  for (const [text] of contributions) {
    if (seen.has(text)) continue;
    seen.add(text);
    // A gram inside a word already listed adds nothing (停水 after 停水三天).
    if (long.some((l) => l.includes(text))) continue;
    (Array.from(text).length >= 2 ? long : short).push(text);
    if (long.length >= TERMS) break;
  }
  return [...long, ...short].slice(0, TERMS);
}

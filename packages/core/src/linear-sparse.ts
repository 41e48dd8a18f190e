/**
 * The sparse side of the linear classifier: the vocabulary (hashes kept, their idf) and TF-IDF rows,
 * one document or many in one compressed-sparse-rows block.
 */
import { HashCounts } from './linear-hashing.js';

export interface Vocabulary {
  /** Hash → feature index. */
  index: HashCounts;
  idf: Float64Array;
}

export interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

/** Many sparse rows in one block (compressed sparse rows): row r is `idx/val[start[r] … start[r + 1])`. */
export interface Rows {
  start: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

/**
 * Document frequencies of the hashes: each document's hashes are sorted (a typed copy) and counted
 * once each, so no Set per document; the counts go into one typed hash table.
 */
export function buildVocabulary(docs: readonly ArrayLike<number>[], minDf: number, maxFeatures: number): Vocabulary {
  const df = new HashCounts();
  let scratch = new Uint32Array(256);
  for (const hashes of docs) {
    if (hashes.length > scratch.length) scratch = new Uint32Array(hashes.length * 2);
    const sorted = scratch.subarray(0, hashes.length);
    for (let i = 0; i < hashes.length; i++) sorted[i] = hashes[i]!;
    sorted.sort();
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) df.add(sorted[i]!, 1);
  }
  let kept: Array<[number, number]> = [];
  for (let i = 0; i < df.keys.length; i++) if (df.used[i] && df.vals[i]! >= minDf) kept.push([df.keys[i]!, df.vals[i]!]);
  // In hash order, so the vocabulary does not depend on the table's layout.
  kept.sort((a, b) => a[0] - b[0]);
  if (kept.length > maxFeatures) kept = kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxFeatures);
  const index = new HashCounts(1 << Math.max(4, Math.ceil(Math.log2(kept.length * 2 + 2))));
  const idf = new Float64Array(kept.length);
  const n = docs.length;
  kept.forEach(([h, d], i) => {
    index.set(h, i);
    idf[i] = Math.log((1 + n) / (1 + d)) + 1;
  });
  return { index, idf };
}

/** A document's TF-IDF row: its known features' indices, sorted and counted, weighted and L2-normalised. */
export function vectorize(hashes: ArrayLike<number>, vocab: Vocabulary): Sparse {
  const found = new Int32Array(hashes.length);
  let m = 0;
  for (let q = 0; q < hashes.length; q++) {
    const i = vocab.index.get(hashes[q]!);
    if (i >= 0) found[m++] = i;
  }
  const sorted = found.subarray(0, m).sort();
  let distinct = 0;
  for (let q = 0; q < m; q++) if (q === 0 || sorted[q] !== sorted[q - 1]) distinct++;
  const idx = new Int32Array(distinct);
  const val = new Float32Array(distinct);
  let k = -1;
  for (let q = 0; q < m; q++) {
    if (q === 0 || sorted[q] !== sorted[q - 1]) (idx[++k] = sorted[q]!), (val[k] = 0);
    val[k]! += 1;
  }
  let norm = 0;
  for (let j = 0; j < distinct; j++) {
    const v = (1 + Math.log(val[j]!)) * vocab.idf[idx[j]!]!;
    val[j] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < val.length; j++) val[j]! /= norm;
  return { idx, val };
}

/** The documents as one block of rows, so 100,000 of them are three typed arrays, not 200,000 small ones. */
export function vectorizeAll(docs: readonly ArrayLike<number>[], vocab: Vocabulary): Rows {
  const rows = docs.map((h) => vectorize(h, vocab));
  const start = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (start[i + 1] = start[i]! + r.idx.length));
  const idx = new Int32Array(start[rows.length]!);
  const val = new Float32Array(start[rows.length]!);
  rows.forEach((r, i) => {
    idx.set(r.idx, start[i]!);
    val.set(r.val, start[i]!);
  });
  return { start, idx, val };
}

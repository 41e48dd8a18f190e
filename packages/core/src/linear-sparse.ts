/**
 * The sparse side of the linear classifier: the vocabulary (hashes kept, their idf) and TF-IDF rows,
 * one document or many in one compressed-sparse-rows block.
 */
import { HashCounts } from './linear-hashing.js';

const grown = <T extends Int32Array | Uint32Array | Float32Array>(a: T, need: number, make: (n: number) => T): T => {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
};

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

/**
 * The vocabulary of `docs` and their TF-IDF rows in one go (what training needs): each hash is looked
 * up once, in a table giving it a local id; each document's ids are sorted once and counted into
 * (id, tf) pairs, from which the document frequencies come; the rows are then rewritten in place
 * with the kept features' indices. A row holds what `vectorize` makes of its document,
 * up to the order of its entries, for half the hash-table lookups and sorts.
 */
export function vocabularyAndRows(docs: readonly ArrayLike<number>[], minDf: number, maxFeatures: number): { vocab: Vocabulary; rows: Rows } {
  const ids = new HashCounts(1 << 18);
  let hashOf = new Uint32Array(1 << 17);
  let df = new Int32Array(1 << 17);
  const start = new Int32Array(docs.length + 1);
  let idx = new Int32Array(1 << 20);
  let tf = new Float32Array(1 << 20);
  let scratch = new Int32Array(256);
  let nnz = 0;
  for (let r = 0; r < docs.length; r++) {
    const hashes = docs[r]!;
    if (hashes.length > scratch.length) scratch = new Int32Array(hashes.length * 2);
    const local = scratch.subarray(0, hashes.length);
    for (let q = 0; q < hashes.length; q++) {
      const before = ids.size;
      const id = ids.intern(hashes[q]!);
      if (id === before) {
        hashOf = grown(hashOf, id + 1, (n) => new Uint32Array(n));
        df = grown(df, id + 1, (n) => new Int32Array(n));
        hashOf[id] = hashes[q]!;
      }
      local[q] = id;
    }
    local.sort();
    idx = grown(idx, nnz + local.length, (n) => new Int32Array(n));
    tf = grown(tf, nnz + local.length, (n) => new Float32Array(n));
    for (let q = 0; q < local.length; q++) {
      if (q === 0 || local[q] !== local[q - 1]) (idx[nnz] = local[q]!), (tf[nnz++] = 0), df[local[q]!]! += 1;
      tf[nnz - 1]! += 1;
    }
    start[r + 1] = nnz;
  }
  let kept: number[] = [];
  for (let id = 0; id < ids.size; id++) if (df[id]! >= minDf) kept.push(id);
  // Most frequent first (ties in hash order, so the vocabulary does not depend on the table's
  // layout): the features nearly every document has get neighbouring indices, so their weights
  // share a few cache lines instead of being scattered over the whole matrix.
  kept.sort((a, b) => df[b]! - df[a]! || hashOf[a]! - hashOf[b]!);
  if (kept.length > maxFeatures) kept = kept.slice(0, maxFeatures);
  const remap = new Int32Array(ids.size).fill(-1);
  const index = new HashCounts(1 << Math.max(4, Math.ceil(Math.log2(kept.length * 2 + 2))));
  const idf = new Float64Array(kept.length);
  const n = docs.length;
  kept.forEach((id, f) => {
    remap[id] = f;
    index.set(hashOf[id]!, f);
    idf[f] = Math.log((1 + n) / (1 + df[id]!)) + 1;
  });
  const val = new Float32Array(nnz);
  let w = 0;
  for (let r = 0; r < docs.length; r++) {
    const from = w;
    let norm = 0;
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const f = remap[idx[j]!]!;
      if (f < 0) continue;
      const v = (1 + Math.log(tf[j]!)) * idf[f]!;
      idx[w] = f;
      val[w++] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = from; j < w; j++) val[j]! /= norm;
    start[r] = from;
  }
  start[docs.length] = w;
  return { vocab: { index, idf }, rows: { start, idx: idx.slice(0, w), val: val.slice(0, w) } };
}

/**
 * Training of the linear classifier: softmax scores over feature-major weights and seeded SGD
 * on the cross-entropy with L2, class-balanced, with early stopping on a held-out log loss.
 */
import { seeded } from './linear-hashing.js';
import type { Rows, Sparse } from './linear-sparse.js';

export interface SgdOptions {
  lambda: number;
  epochs: number;
  seed: number;
  eta0: number;
  balanced: boolean;
}

/**
 * The weights, feature-major: the K weights of feature f are `w[f·K … f·K + K)`, side by side, so
 * scoring or updating a document touches one short run of memory per feature instead of K runs
 * V apart (with 40 labels and 400,000 features, the label-major layout missed the cache on nearly
 * every access and made training several times slower).
 */
export interface Weights {
  w: Float32Array; // V × K
  b: Float64Array;
  scale: number;
}

export function scoresOf(idx: Int32Array, val: Float32Array, from: number, to: number, m: Weights, K: number, out: Float64Array) {
  out.fill(0);
  const w = m.w;
  for (let j = from; j < to; j++) {
    const base = idx[j]! * K;
    const v = val[j]!;
    for (let c = 0; c < K; c++) out[c]! += w[base + c]! * v;
  }
  for (let c = 0; c < K; c++) out[c] = out[c]! * m.scale + m.b[c]!;
}

export function scores(x: Sparse, m: Weights, K: number, out: Float64Array) {
  scoresOf(x.idx, x.val, 0, x.idx.length, m, K, out);
}

export function softmaxInPlace(z: Float64Array, t = 1) {
  let max = -Infinity;
  for (const v of z) if (v / t > max) max = v / t;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i]! / t - max);
  for (let i = 0; i < z.length; i++) z[i]! /= sum;
}

/** Epochs by data size: small sets need more passes, 100,000 cases need few. */
export const epochsFor = (n: number) => (n <= 5000 ? 15 : n <= 30000 ? 8 : 4);

/** Mean log loss of `rows` under the weights (for early stopping). */
export function logLoss(rows: Rows, ys: Int32Array, m: Weights, K: number): number {
  const p = new Float64Array(K);
  let sum = 0;
  for (let r = 0; r < ys.length; r++) {
    scoresOf(rows.idx, rows.val, rows.start[r]!, rows.start[r + 1]!, m, K, p);
    softmaxInPlace(p);
    sum -= Math.log(Math.max(1e-12, p[ys[r]!]!));
  }
  return sum / Math.max(1, ys.length);
}

/**
 * Seeded SGD. With `heldOut`, stops early once a pass improves the held-out log loss by less than
 * 0.5 % (after at least two passes): on 100,000 cases the later passes mostly cost time.
 */
export function sgd(xs: Rows, ys: Int32Array, K: number, V: number, options: SgdOptions, heldOut?: { xs: Rows; ys: Int32Array }): Weights & { epochs: number } {
  const m: Weights = { w: new Float32Array(K * V), b: new Float64Array(K), scale: 1 };
  const n = ys.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = seeded(options.seed);
  const p = new Float64Array(K);
  const g = new Float64Array(K);
  const active = new Int32Array(K);
  const { lambda } = options;
  const { eta0 } = options;
  const perLabel = new Float64Array(K);
  for (const y of ys) perLabel[y]! += 1;
  const labelWeight = Float64Array.from(perLabel, (c) => (options.balanced && c > 0 ? n / (K * c) : 1));
  const w = m.w;
  let t = 0;
  let previous = Infinity;
  let epochsRun = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    epochsRun = epoch + 1;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    for (let o = 0; o < n; o++) {
      const i = order[o]!;
      // A decaying step: large early, ~eta0 / (1 + epoch) later.
      const eta = eta0 / (1 + t / n);
      t++;
      const from = xs.start[i]!, to = xs.start[i + 1]!;
      scoresOf(xs.idx, xs.val, from, to, m, K, p);
      softmaxInPlace(p);
      m.scale *= 1 - eta * lambda;
      if (m.scale < 1e-6) {
        for (let q = 0; q < w.length; q++) w[q]! *= m.scale;
        m.scale = 1;
      }
      const y = ys[i]!;
      const step = (eta * labelWeight[y]!) / m.scale;
      // The labels whose gradient is worth a pass: a label the model already rules out
      // (|p − 1[y]| < 1e-4) would move its weights by nothing.
      let na = 0;
      for (let c = 0; c < K; c++) {
        const gc = p[c]! - (c === y ? 1 : 0);
        if (gc > -1e-4 && gc < 1e-4) continue;
        g[na] = step * gc;
        active[na++] = c;
        m.b[c]! -= eta * labelWeight[y]! * gc * 0.1;
      }
      for (let j = from; j < to; j++) {
        const base = xs.idx[j]! * K;
        const v = xs.val[j]!;
        for (let a = 0; a < na; a++) w[base + active[a]!]! -= g[a]! * v;
      }
    }
    if (heldOut && heldOut.ys.length > 0) {
      const loss = logLoss(heldOut.xs, heldOut.ys, m, K);
      if (epoch >= 1 && loss > previous * 0.995) break;
      previous = loss;
    }
  }
  if (m.scale !== 1) {
    for (let q = 0; q < w.length; q++) w[q]! *= m.scale;
    m.scale = 1;
  }
  return { ...m, epochs: epochsRun };
}

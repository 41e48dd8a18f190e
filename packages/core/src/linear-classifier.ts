/**
 * Multinomial logistic regression over TF-IDF features, with temperature calibration, for the
 * category and unit suggestion (SPEC §9, issue 18). No dependencies, so it runs wherever core runs.
 *
 * Why written here and not taken from a library: the model is ~250 lines of arithmetic; the npm
 * machine-learning packages either bring a native/TensorFlow runtime (hundreds of MB, a build step
 * on every platform we support) or lack sparse inputs, which 100,000 cases × hundreds of thousands
 * of n-grams need. What we need besides — explanations (the n-grams that drove a suggestion) and
 * calibrated confidences — is easiest to guarantee in code we own.
 *
 * Features are strings chosen by the caller (character 1–3-grams and jieba words on the server:
 * `charNgramFeatures` here, words there). Each is hashed to 32 bits; the vocabulary keeps those in
 * at least `minDf` documents, at most `maxFeatures` of them (the most frequent).
 * Weighting: sublinear tf (1 + ln tf) × smoothed idf, each document L2-normalised.
 * Training: SGD on the softmax cross-entropy with L2 (the scale trick keeps decay O(1)),
 * shuffled epochs with a seeded generator, so the same cases always give the same model.
 * Calibration: one temperature T, fitted by minimising the log loss of held-out folds' logits
 * (cross-fitting: the model that scores a case never saw it), then the final model is trained
 * on everything and its logits divided by T.
 */

export interface FeatureDoc {
  /** Feature strings, or their hashes (`hashFeatures`), which hold 100,000 cases in a fraction of the memory. */
  features: readonly string[] | Uint32Array;
  label: string;
}

export interface LinearOptions {
  /** L2 penalty per example; 1e-5 by default. */
  lambda?: number;
  /** Passes over the data; 12 by default (fewer for large sets, see `epochsFor`). */
  epochs?: number;
  /** Keep features in at least this many documents (1 below 2,000 documents, else 2). */
  minDf?: number;
  /** Keep at most this many features, the most frequent; 400,000 by default. */
  maxFeatures?: number;
  /** Folds for fitting the temperature; 0 = no calibration (T = 1). 3 by default. */
  calibrationFolds?: number;
  /** Seed of the shuffles. */
  seed?: number;
  /** First SGD step (32: features are L2-normalised, so a step moves a logit by at most eta); decays as 1 / (1 + epoch). */
  eta0?: number;
  /** Weigh each label's cases by n / (K · n_label), so small labels are not drowned; true by default. */
  balanced?: boolean;
}

export interface LinearPrediction {
  label: string;
  /** Calibrated probability in [0, 1]. */
  confidence: number;
  /** The features that pushed most towards this label, strongest first. */
  terms: string[];
}

export interface LinearClassifier {
  readonly labels: readonly string[];
  readonly trainedOn: number;
  /** The fitted temperature (1 = none); > 1 means the raw model was over-confident. */
  readonly temperature: number;
  /** Passes over the data the final model took (fewer than asked when the held-out loss stopped improving). */
  readonly epochs: number;
  /** All labels, most probable first, at most `k`. */
  predict(features: readonly string[], k?: number): LinearPrediction[];
  /** Uncalibrated logits (one per label, in `labels` order), for evaluation. */
  logits(features: readonly string[]): Float64Array;
}

const TERMS = 5;
/** Above this many cases the temperature is fitted on one held-out tenth instead of cross-fitted folds. */
const LARGE = 20_000;

/** FNV-1a over UTF-16 code units, 32 bits. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hashes of features, for training on many cases without keeping their strings. */
export const hashFeatures = (features: readonly string[]): Uint32Array => Uint32Array.from(features, hashFeature);

const NOISE = /[\p{P}\p{S}\p{Z}\s]+/gu;

/**
 * Character 1..`maxN`-grams of `text` (NFKC, lower case, punctuation and spaces as one break),
 * prefixed `c:` so they never collide with words. Grams never span a break.
 */
export function charNgramFeatures(text: string, maxN = 3): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().split(NOISE)) {
    if (!run) continue;
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      let gram = '';
      for (let n = 1; n <= maxN && i + n <= chars.length; n++) {
        gram += chars[i + n - 1];
        out.push(`c:${gram}`);
      }
    }
  }
  return out;
}

/**
 * The hashes of `charNgramFeatures(text, maxN)`, in the same order, without making a string per
 * gram: FNV-1a is extended one character at a time from the hash of the prefix `c:`. Training on
 * 100,000 cases makes tens of millions of grams, and their strings cost more than the model.
 */
export function charNgramHashes(text: string, maxN = 3): Uint32Array {
  let prefix = 0x811c9dc5;
  for (const ch of 'c:') prefix = Math.imul(prefix ^ ch.charCodeAt(0), 0x01000193);
  const out: number[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().split(NOISE)) {
    if (!run) continue;
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      let h = prefix;
      for (let n = 1; n <= maxN && i + n <= chars.length; n++) {
        const ch = chars[i + n - 1]!;
        for (let u = 0; u < ch.length; u++) h = Math.imul(h ^ ch.charCodeAt(u), 0x01000193);
        out.push(h >>> 0);
      }
    }
  }
  return Uint32Array.from(out);
}

/** How a feature reads in an explanation: without its prefix. */
export const featureText = (f: string) => f.replace(/^[a-z]:/, '');

/** mulberry32. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An open-addressing hash table from 32-bit feature hashes to integers, in typed arrays. A Map
 * keyed by hashes above 2^30 boxes every key as a heap number; counting 30 million grams that
 * way cost more than the model's own training.
 */
class HashCounts {
  keys: Uint32Array;
  vals: Int32Array;
  used: Uint8Array;
  size = 0;
  constructor(capacity = 1 << 16) {
    this.keys = new Uint32Array(capacity);
    this.vals = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
  }
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.used[i] && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }
  get(key: number): number {
    const i = this.slot(key);
    return this.used[i] ? this.vals[i]! : -1;
  }
  add(key: number, by: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (!this.used[i]) (this.used[i] = 1), (this.keys[i] = key), (this.vals[i] = 0), this.size++;
    this.vals[i]! += by;
  }
  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (!this.used[i]) (this.used[i] = 1), (this.keys[i] = key), this.size++;
    this.vals[i] = value;
  }
  private grow(): void {
    const { keys, vals, used } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.used = new Uint8Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (used[i]) this.set(keys[i]!, vals[i]!);
  }
}

interface Vocabulary {
  /** Hash → feature index. */
  index: HashCounts;
  idf: Float64Array;
}

interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

/** Many sparse rows in one block (compressed sparse rows): row r is `idx/val[start[r] … start[r + 1])`. */
interface Rows {
  start: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

/**
 * Document frequencies of the hashes: each document's hashes are sorted (a typed copy) and counted
 * once each, so no Set per document; the counts go into one typed hash table.
 */
function buildVocabulary(docs: readonly ArrayLike<number>[], minDf: number, maxFeatures: number): Vocabulary {
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
function vectorize(hashes: ArrayLike<number>, vocab: Vocabulary): Sparse {
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
function vectorizeAll(docs: readonly ArrayLike<number>[], vocab: Vocabulary): Rows {
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
 * The weights, feature-major: the K weights of feature f are `w[f·K … f·K + K)`, side by side, so
 * scoring or updating a document touches one short run of memory per feature instead of K runs
 * V apart (with 40 labels and 400,000 features, the label-major layout missed the cache on nearly
 * every access and made training several times slower).
 */
interface Weights {
  w: Float32Array; // V × K
  b: Float64Array;
  scale: number;
}

function scoresOf(idx: Int32Array, val: Float32Array, from: number, to: number, m: Weights, K: number, out: Float64Array) {
  out.fill(0);
  const w = m.w;
  for (let j = from; j < to; j++) {
    const base = idx[j]! * K;
    const v = val[j]!;
    for (let c = 0; c < K; c++) out[c]! += w[base + c]! * v;
  }
  for (let c = 0; c < K; c++) out[c] = out[c]! * m.scale + m.b[c]!;
}

function scores(x: Sparse, m: Weights, K: number, out: Float64Array) {
  scoresOf(x.idx, x.val, 0, x.idx.length, m, K, out);
}

function softmaxInPlace(z: Float64Array, t = 1) {
  let max = -Infinity;
  for (const v of z) if (v / t > max) max = v / t;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i]! / t - max);
  for (let i = 0; i < z.length; i++) z[i]! /= sum;
}

/** Epochs by data size: small sets need more passes, 100,000 cases need few. */
export const epochsFor = (n: number) => (n <= 5000 ? 15 : n <= 30000 ? 8 : 4);

/** Mean log loss of `rows` under the weights (for early stopping). */
function logLoss(rows: Rows, ys: Int32Array, m: Weights, K: number): number {
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
function sgd(xs: Rows, ys: Int32Array, K: number, V: number, options: Required<Pick<LinearOptions, 'lambda' | 'epochs' | 'seed' | 'eta0' | 'balanced'>>, heldOut?: { xs: Rows; ys: Int32Array }): Weights & { epochs: number } {
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

/** The temperature minimising the log loss of `logits` against `ys` (golden-section on ln T). */
export function fitTemperature(logits: readonly Float64Array[], ys: ArrayLike<number>): number {
  if (logits.length === 0) return 1;
  const loss = (lnT: number) => {
    const t = Math.exp(lnT);
    let sum = 0;
    const p = new Float64Array(logits[0]!.length);
    logits.forEach((z, i) => {
      p.set(z);
      softmaxInPlace(p, t);
      sum -= Math.log(Math.max(1e-12, p[ys[i]!]!));
    });
    return sum / logits.length;
  };
  let lo = Math.log(0.05), hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo), b = lo + g * (hi - lo);
  let fa = loss(a), fb = loss(b);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) (hi = b), (b = a), (fb = fa), (a = hi - g * (hi - lo)), (fa = loss(a));
    else (lo = a), (a = b), (fa = fb), (b = lo + g * (hi - lo)), (fb = loss(b));
  }
  return Math.exp((lo + hi) / 2);
}

interface Fitted {
  vocab: Vocabulary;
  weights: Weights & { epochs: number };
}

function fit(hashes: readonly ArrayLike<number>[], ys: Int32Array, K: number, options: Required<LinearOptions>, heldOut?: { hashes: readonly ArrayLike<number>[]; ys: Int32Array }): Fitted {
  const vocab = buildVocabulary(hashes, options.minDf, options.maxFeatures);
  const xs = vectorizeAll(hashes, vocab);
  const held = heldOut ? { xs: vectorizeAll(heldOut.hashes, vocab), ys: heldOut.ys } : undefined;
  const weights = sgd(xs, ys, K, vocab.idf.length, { ...options, epochs: options.epochs }, held);
  return { vocab, weights };
}

function logitsOf(f: Fitted, hashes: ArrayLike<number>, K: number): Float64Array {
  const out = new Float64Array(K);
  scores(vectorize(hashes, f.vocab), f.weights, K, out);
  return out;
}

/** Trains the model (and its temperature) on `docs`. */
export function trainLinearClassifier(docs: readonly FeatureDoc[], options: LinearOptions = {}): LinearClassifier {
  const opts: Required<LinearOptions> = {
    lambda: options.lambda ?? 1e-5,
    epochs: options.epochs ?? epochsFor(docs.length),
    minDf: options.minDf ?? (docs.length < 2000 ? 1 : 2),
    maxFeatures: options.maxFeatures ?? 400_000,
    calibrationFolds: options.calibrationFolds ?? 3,
    seed: options.seed ?? 20261206,
    eta0: options.eta0 ?? 32,
    balanced: options.balanced ?? true,
  };
  const labels = [...new Set(docs.map((d) => d.label))].sort();
  const K = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const hashes: ArrayLike<number>[] = docs.map((d) => (d.features instanceof Uint32Array ? d.features : hashFeatures(d.features as readonly string[])));
  const ys = Int32Array.from(docs, (d) => labelIndex.get(d.label)!);

  let temperature = 1;
  let model: Fitted | undefined;
  const folds = opts.calibrationFolds;
  if (K >= 2 && folds >= 2 && docs.length > LARGE) {
    // Many cases: hold out one in ten, fit the temperature on it, and keep that model (the tenth
    // adds little to 90,000 cases, and training twice would double the time).
    const random = seeded(opts.seed + 1);
    const held = Uint8Array.from(docs, () => (random() < 0.1 ? 1 : 0));
    const train = docs.map((_, i) => i).filter((i) => !held[i]);
    const test = docs.map((_, i) => i).filter((i) => held[i]);
    model = fit(train.map((i) => hashes[i]!), Int32Array.from(train, (i) => ys[i]!), K, opts, { hashes: test.map((i) => hashes[i]!), ys: Int32Array.from(test, (i) => ys[i]!) });
    temperature = fitTemperature(test.map((i) => logitsOf(model!, hashes[i]!, K)), test.map((i) => ys[i]!));
  } else if (K >= 2 && folds >= 2 && docs.length >= 10 * folds) {
    // Cross-fitted temperature: each held-out fold is scored by a model that never saw it.
    const random = seeded(opts.seed + 1);
    const fold = Int32Array.from(docs, () => Math.floor(random() * folds));
    const heldLogits: Float64Array[] = [];
    const heldYs: number[] = [];
    for (let k = 0; k < folds; k++) {
      const train = docs.map((_, i) => i).filter((i) => fold[i] !== k);
      const test = docs.map((_, i) => i).filter((i) => fold[i] === k);
      const f = fit(train.map((i) => hashes[i]!), Int32Array.from(train, (i) => ys[i]!), K, opts);
      for (const i of test) {
        heldLogits.push(logitsOf(f, hashes[i]!, K));
        heldYs.push(ys[i]!);
      }
    }
    temperature = fitTemperature(heldLogits, heldYs);
  }
  if (!model && K > 0) model = fit(hashes, ys, K, opts);

  function predict(features: readonly string[], k = 3): LinearPrediction[] {
    if (!model || K === 0) return [];
    const hs = features.map(hashFeature);
    const names = new Map<number, string>();
    hs.forEach((h, i) => names.set(h, features[i]!));
    const x = vectorize(hs, model.vocab);
    const p = new Float64Array(K);
    scores(x, model.weights, K, p);
    softmaxInPlace(p, temperature);
    const order = labels.map((_, c) => c).sort((a, b) => p[b]! - p[a]! || a - b);
    const byIndex = new Map<number, string>();
    for (const [h, name] of names) {
      const i = model.vocab.index.get(h);
      if (i >= 0) byIndex.set(i, name);
    }
    return order.slice(0, Math.max(0, k)).map((c) => ({ label: labels[c]!, confidence: p[c]!, terms: explain(x, c, byIndex) }));
  }

  /**
   * The features contributing most to label `c` over the average label: x_j · (w_cj − mean_k w_kj).
   * Single characters explain little to a reader, so they are listed only when nothing longer is.
   */
  function explain(x: Sparse, c: number, names: Map<number, string>): string[] {
    const w = model!.weights.w;
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

  return {
    labels,
    trainedOn: docs.length,
    temperature,
    epochs: model?.weights.epochs ?? 0,
    predict,
    logits: (features) => (model ? logitsOf(model, features.map(hashFeature), K) : new Float64Array(0)),
  };
}

/** Expected calibration error of top-1 confidences, in `bins` equal-width bins. */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  const n = confidences.length;
  if (n === 0) return 0;
  const sumConf = new Float64Array(bins), sumAcc = new Float64Array(bins), count = new Float64Array(bins);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sumConf[b]! += c;
    sumAcc[b]! += correct[i] ? 1 : 0;
    count[b]! += 1;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += (count[b]! / n) * Math.abs(sumAcc[b]! / count[b]! - sumConf[b]! / count[b]!);
  return ece;
}

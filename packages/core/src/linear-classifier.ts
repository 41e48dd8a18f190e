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
import { fitTemperature } from './linear-calibration.js';
import { explain } from './linear-explain.js';
import { hashFeature, hashFeatures, seeded } from './linear-hashing.js';
import { vectorize, vectorizeAll, vocabularyAndRows, type Vocabulary } from './linear-sparse.js';
import { epochsFor, scores, sgd, softmaxInPlace, type Weights } from './linear-training.js';

export { charNgramFeatures, charNgramHashes, featureText, hashFeature, hashFeatures } from './linear-hashing.js';
export { expectedCalibrationError, fitTemperature } from './linear-calibration.js';
export { epochsFor } from './linear-training.js';

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

/** Above this many cases the temperature is fitted on one held-out tenth instead of cross-fitted folds. */
const LARGE = 20_000;

interface Fitted {
  vocab: Vocabulary;
  weights: Weights & { epochs: number };
}

function fit(hashes: readonly ArrayLike<number>[], ys: Int32Array, K: number, options: Required<LinearOptions>, heldOut?: { hashes: readonly ArrayLike<number>[]; ys: Int32Array }): Fitted {
  const { vocab, rows: xs } = vocabularyAndRows(hashes, options.minDf, options.maxFeatures);
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
    return order.slice(0, Math.max(0, k)).map((c) => ({ label: labels[c]!, confidence: p[c]!, terms: explain(model!.weights.w, K, x, c, byIndex) }));
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

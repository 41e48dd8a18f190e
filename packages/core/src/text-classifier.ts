/**
 * A small multinomial Naive Bayes text classifier, with no dependencies, for category and unit
 * suggestion (SPEC §9). It takes already-segmented tokens, so the same code runs on the server
 * (jieba) and in tests (hand-made tokens). Chosen over heavier models because it trains in one
 * pass over the cases, retrains in seconds on 100,000 of them, and explains itself: the words
 * whose likelihood ratio favours a label are the words that drove it.
 */

/** One training example: the words of a text and its gold label. */
export interface LabelledDoc {
  tokens: readonly string[];
  label: string;
}

export interface ClassifierOptions {
  /** Additive (Laplace/Lidstone) smoothing; 1 by default. */
  alpha?: number;
  /** Count a word once per document instead of every time; false by default (raw counts measured better). */
  binary?: boolean;
}

/** One ranked answer: the label, its normalised posterior (0..1) and the words that drove it. */
export interface Prediction {
  label: string;
  confidence: number;
  terms: string[];
}

/** The serialisable state of a model: counts only, so the JSON stays exact and compact. */
export interface ClassifierJSON {
  version: 1;
  alpha: number;
  binary: boolean;
  labels: string[];
  docCounts: number[];
  termCounts: Array<Record<string, number>>;
}

export interface TextClassifier {
  readonly labels: readonly string[];
  /** Documents the model was trained on. */
  readonly trainedOn: number;
  /** The `k` most probable labels, best first; empty when the model knows no label. */
  predict(tokens: readonly string[], k?: number): Prediction[];
  toJSON(): ClassifierJSON;
}

const TERMS_PER_LABEL = 5;

/** Trains a model from labelled documents (one pass; the order of `docs` does not matter). */
export function trainClassifier(docs: readonly LabelledDoc[], options: ClassifierOptions = {}): TextClassifier {
  const alpha = options.alpha ?? 1;
  const binary = options.binary ?? false;
  const index = new Map<string, number>();
  const labels: string[] = [];
  const docCounts: number[] = [];
  const termCounts: Array<Record<string, number>> = [];
  for (const doc of docs) {
    let c = index.get(doc.label);
    if (c === undefined) {
      c = labels.length;
      index.set(doc.label, c);
      labels.push(doc.label);
      docCounts.push(0);
      termCounts.push(Object.create(null) as Record<string, number>);
    }
    docCounts[c]! += 1;
    const counts = termCounts[c]!;
    for (const t of binary ? new Set(doc.tokens) : doc.tokens) counts[t] = (counts[t] ?? 0) + 1;
  }
  return buildModel({ version: 1, alpha, binary, labels, docCounts, termCounts });
}

/** Rebuilds a model saved with `toJSON()`. */
export function classifierFromJSON(json: ClassifierJSON): TextClassifier {
  if (json.version !== 1 || json.labels.length !== json.docCounts.length || json.labels.length !== json.termCounts.length) {
    throw new Error('Unsupported classifier JSON');
  }
  return buildModel(json);
}

function buildModel(state: ClassifierJSON): TextClassifier {
  const { alpha, binary, labels, docCounts, termCounts } = state;
  const vocabulary = new Set<string>();
  for (const counts of termCounts) for (const t in counts) vocabulary.add(t);
  const v = vocabulary.size;
  const totalDocs = docCounts.reduce((a, b) => a + b, 0);
  const logPrior = docCounts.map((n) => Math.log(n / totalDocs));
  // log P(t | c) = log(count + α) − log(total_c + α·|V|); a word the class never saw gets `logUnseen`.
  const logDenominator = termCounts.map((counts) => Math.log(Object.values(counts).reduce((a, b) => a + b, 0) + alpha * v));
  const logUnseen = logDenominator.map((d) => Math.log(alpha) - d);
  const logLikelihood = (c: number, t: string) => {
    const n = termCounts[c]![t];
    return n === undefined ? logUnseen[c]! : Math.log(n + alpha) - logDenominator[c]!;
  };

  function predict(tokens: readonly string[], k = 3): Prediction[] {
    if (labels.length === 0) return [];
    const known = new Map<string, number>();
    for (const t of tokens) if (vocabulary.has(t)) known.set(t, binary ? 1 : (known.get(t) ?? 0) + 1);
    const scores = labels.map((_, c) => {
      let s = logPrior[c]!;
      for (const [t, n] of known) s += n * logLikelihood(c, t);
      return s;
    });
    const max = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const order = labels.map((_, c) => c).sort((a, b) => scores[b]! - scores[a]! || a - b);
    return order.slice(0, Math.max(0, k)).map((c) => ({ label: labels[c]!, confidence: exp[c]! / sum, terms: drivingTerms(c, known) }));
  }

  /** Words whose likelihood under `c` most exceeds their mean likelihood under the other labels. */
  function drivingTerms(c: number, known: Map<string, number>): string[] {
    if (labels.length < 2) return [...known.keys()].sort((a, b) => logLikelihood(c, b) - logLikelihood(c, a)).slice(0, TERMS_PER_LABEL);
    const weighted: Array<[string, number]> = [];
    for (const [t, n] of known) {
      let others = 0;
      for (let o = 0; o < labels.length; o++) if (o !== c) others += logLikelihood(o, t);
      const weight = n * (logLikelihood(c, t) - others / (labels.length - 1));
      if (weight > 0) weighted.push([t, weight]);
    }
    return weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TERMS_PER_LABEL).map(([t]) => t);
  }

  return {
    labels,
    trainedOn: totalDocs,
    predict,
    toJSON: () => ({ version: 1, alpha, binary, labels: [...labels], docCounts: [...docCounts], termCounts: termCounts.map((c) => ({ ...c })) }),
  };
}

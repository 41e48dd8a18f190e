import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { expectedCalibrationError, trainLinearClassifier, type LinearOptions } from '../packages/core/src/linear-classifier.js';
import { seeded } from '../packages/core/src/linear-hashing.js';
import { trainClassifier } from '../packages/core/src/text-classifier.js';
import { caseFeatures, classifierFeatures } from '../apps/server/src/modules/suggest/features.js';

/**
 * npm run eval:classify -- <file.csv|file.jsonl> [--train A --test B] [--folds 5] [--curve] [--nb]
 *
 * Evaluates the category model (logistic regression over TF-IDF of character 1–3-grams and jieba
 * words, temperature-calibrated: packages/core/src/linear-classifier.ts) on texts with gold
 * categories (columns/keys title, content, category).
 * - One file: k-fold cross-validation, stratified by category, with near-duplicate texts (bigram
 *   Dice ≥ 0.7, or the same title) kept in one fold so a copy cannot leak into its own test fold.
 *   Prints per-class precision / recall / F1 over all folds, macro-F1 per fold (mean ± sd),
 *   accuracy and the expected calibration error (ECE, 10 bins) of the top-1 confidence.
 * - `--train A --test B`: trains on A, tests on B, same figures.
 * - `--curve`: macro-F1 against the number of training cases (50, 100, 200, … all), same folds.
 * - `--nb`: the earlier Naive Bayes on words, on the same folds, for comparison.
 */
interface Row { title: string; content: string; category: string }

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}
function readRows(file: string): Row[] {
  const text = readFileSync(file, 'utf8');
  let records: Array<Record<string, unknown>>;
  if (/\.jsonl?$/i.test(file)) {
    records = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  } else {
    const [header, ...body] = parseCsv(text);
    const names = header!.map((h) => h.trim());
    records = body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ''])));
  }
  return records
    .map((r) => ({ title: String(r.title ?? ''), content: String(r.content ?? ''), category: String(r.category ?? '').trim() }))
    .filter((r) => r.category !== '');
}

const SEED = 20260302;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');

/**
 * Groups of near-duplicate texts (union–find): the same normalised title, or character-bigram
 * Dice ≥ 0.7 between texts sharing an 8-character shingle (the candidates; all pairs would be
 * quadratic).
 */
export function nearDuplicateGroups(rows: Row[]): number[] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => void (parent[find(a)] = find(b));
  const texts = rows.map((r) => Array.from(norm(`${r.title}${r.content}`)));
  const bigrams = texts.map((t) => new Set(t.slice(1).map((c, i) => t[i]! + c)));
  const byTitle = new Map<string, number>();
  const byShingle = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const t = norm(r.title);
    if (t.length >= 4) {
      const j = byTitle.get(t);
      if (j !== undefined) union(i, j);
      else byTitle.set(t, i);
    }
    const chars = texts[i]!;
    for (let k = 0; k + 8 <= chars.length; k += 4) {
      const s = chars.slice(k, k + 8).join('');
      const list = byShingle.get(s) ?? [];
      list.push(i);
      byShingle.set(s, list);
    }
  });
  const checked = new Set<string>();
  for (const list of byShingle.values()) {
    if (list.length > 50) continue; // boilerplate, not a copy
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
      const i = list[a]!, j = list[b]!;
      if (i === j || find(i) === find(j)) continue;
      const key = `${i}:${j}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const A = bigrams[i]!, B = bigrams[j]!;
      let shared = 0;
      for (const g of A) if (B.has(g)) shared++;
      if ((2 * shared) / (A.size + B.size || 1) >= 0.7) union(i, j);
    }
  }
  return rows.map((_, i) => find(i));
}

/** Folds stratified by category, whole near-duplicate groups at a time (group label = its first row's). */
function groupedFolds(rows: Row[], folds: number, seed: number): number[] {
  const random = seeded(seed);
  const group = nearDuplicateGroups(rows);
  const members = new Map<number, number[]>();
  group.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const byClass = new Map<string, number[][]>();
  for (const m of members.values()) {
    const c = rows[m[0]!]!.category;
    byClass.set(c, [...(byClass.get(c) ?? []), m]);
  }
  const fold = new Array<number>(rows.length);
  const size = new Array<number>(folds).fill(0);
  for (const key of [...byClass.keys()].sort()) {
    const groups = byClass.get(key)!;
    for (let i = groups.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [groups[i], groups[j]] = [groups[j]!, groups[i]!];
    }
    const perClass = new Array<number>(folds).fill(0);
    for (const g of groups.sort((a, b) => b.length - a.length)) {
      // The fold with the fewest of this class, then the fewest overall.
      let best = 0;
      for (let f = 1; f < folds; f++) if (perClass[f]! < perClass[best]! || (perClass[f] === perClass[best] && size[f]! < size[best]!)) best = f;
      for (const i of g) fold[i] = best;
      perClass[best]! += g.length;
      size[best]! += g.length;
    }
  }
  return fold;
}

interface Outcome { gold: string; guess: string; confidence: number }

function trainAndTest(features: string[][], rows: Row[], train: number[], test: number[], options: LinearOptions) {
  const started = performance.now();
  const model = trainLinearClassifier(train.map((i) => ({ features: features[i]!, label: rows[i]!.category })), options);
  const trainMs = performance.now() - started;
  const p0 = performance.now();
  const outcomes: Outcome[] = test.map((i) => {
    const top = model.predict(features[i]!, 1)[0];
    return { gold: rows[i]!.category, guess: top?.label ?? '', confidence: top?.confidence ?? 0 };
  });
  return { outcomes, trainMs, predictMs: (performance.now() - p0) / Math.max(1, test.length), temperature: model.temperature };
}

function scoreOutcomes(outcomes: Outcome[], labels: string[]) {
  const perClass = labels.map((l) => {
    const tp = outcomes.filter((o) => o.guess === l && o.gold === l).length;
    const predicted = outcomes.filter((o) => o.guess === l).length;
    const gold = outcomes.filter((o) => o.gold === l).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = gold ? tp / gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label: l, precision, recall, f1, support: gold };
  });
  const present = perClass.filter((c) => c.support > 0);
  return {
    perClass,
    macroF1: present.reduce((a, c) => a + c.f1, 0) / Math.max(1, present.length),
    accuracy: outcomes.filter((o) => o.guess === o.gold).length / Math.max(1, outcomes.length),
    ece: expectedCalibrationError(outcomes.map((o) => o.confidence), outcomes.map((o) => o.guess === o.gold)),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${(m * 100).toFixed(1)}% ± ${(sd * 100).toFixed(1)}`;
};

function report(title: string, outcomes: Outcome[], labels: string[]) {
  const s = scoreOutcomes(outcomes, labels);
  console.log(`\n${title}: ${outcomes.length} texts`);
  console.log(`  accuracy ${pct(s.accuracy)}   macro-F1 ${pct(s.macroF1)}   ECE ${pct(s.ece)}`);
  console.log('  precision  recall      F1  support  category');
  for (const c of s.perClass) console.log(`  ${pct(c.precision).padStart(9)} ${pct(c.recall).padStart(7)} ${pct(c.f1).padStart(7)} ${String(c.support).padStart(8)}  ${c.label}`);
  // Reliability: how often the top suggestion is right per confidence band.
  const bands = [0, 0.5, 0.7, 0.9, 1.01];
  for (let b = 0; b + 1 < bands.length; b++) {
    const inBand = outcomes.filter((o) => o.confidence >= bands[b]! && o.confidence < bands[b + 1]!);
    if (inBand.length) {
      const meanConf = inBand.reduce((a, o) => a + o.confidence, 0) / inBand.length;
      console.log(`  confidence ${bands[b]!.toFixed(1)}–${Math.min(1, bands[b + 1]!).toFixed(1)}: ${inBand.length} texts, mean confidence ${pct(meanConf)}, right ${pct(inBand.filter((o) => o.guess === o.gold).length / inBand.length)}`);
    }
  }
  return s;
}

function main() {
  const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !['--train', '--test', '--folds', '--ngrams', '--epochs'].includes(all[i - 1] ?? ''));
  const trainFile = arg('--train') ?? positional[0];
  const testFile = arg('--test');
  if (!trainFile) throw new Error('usage: npm run eval:classify -- <file.csv|file.jsonl> | --train A.csv --test B.csv [--folds 5] [--curve] [--nb]');
  const folds = Number(arg('--folds') ?? 5);
  // Variants to compare by cross-validation: `--ngrams N` (character 1..N-grams, 3 by default), `--epochs E`.
  const options: LinearOptions = arg('--epochs') ? { epochs: Number(arg('--epochs')) } : {};
  const ngrams = Number(arg('--ngrams') ?? 3);
  const t0 = performance.now();

  if (testFile) {
    const train = readRows(trainFile), test = readRows(testFile);
    const all = [...train, ...test];
    const features = all.map((r) => classifierFeatures(r.title, r.content, ngrams));
    const labels = [...new Set(all.map((r) => r.category))].sort();
    const run = trainAndTest(features, all, train.map((_, i) => i), test.map((_, i) => train.length + i), options);
    console.log(`train ${trainFile} (${train.length}), test ${testFile} (${test.length}); ${labels.length} categories`);
    console.log(`  train ${(run.trainMs / 1000).toFixed(1)} s, predict ${run.predictMs.toFixed(2)} ms/text (after features), temperature ${run.temperature.toFixed(2)}`);
    report('Train → test', run.outcomes, labels);
    return;
  }

  const rows = readRows(trainFile);
  const features = rows.map((r) => classifierFeatures(r.title, r.content, ngrams));
  const featureMs = (performance.now() - t0) / rows.length;
  const labels = [...new Set(rows.map((r) => r.category))].sort();
  const fold = groupedFolds(rows, folds, SEED);
  const groups = new Set(nearDuplicateGroups(rows)).size;
  console.log(`${rows.length} texts, ${labels.length} categories, ${groups} near-duplicate groups; features ${featureMs.toFixed(2)} ms/text`);

  const all: Outcome[] = [];
  const perFold: ReturnType<typeof scoreOutcomes>[] = [];
  let trainMs = 0, predictMs = 0, temps: number[] = [];
  for (let k = 0; k < folds; k++) {
    const train = rows.map((_, i) => i).filter((i) => fold[i] !== k);
    const test = rows.map((_, i) => i).filter((i) => fold[i] === k);
    const run = trainAndTest(features, rows, train, test, options);
    all.push(...run.outcomes);
    perFold.push(scoreOutcomes(run.outcomes, labels));
    trainMs += run.trainMs / folds;
    predictMs += run.predictMs / folds;
    temps.push(run.temperature);
  }
  console.log(`\n${folds}-fold cross-validation (stratified, near-duplicates in one fold, seed ${SEED})`);
  console.log(`  macro-F1 per fold ${meanSd(perFold.map((s) => s.macroF1))}   accuracy ${meanSd(perFold.map((s) => s.accuracy))}   ECE ${meanSd(perFold.map((s) => s.ece))}`);
  console.log(`  folds: ${perFold.map((s) => pct(s.macroF1)).join(', ')}; temperatures ${temps.map((t) => t.toFixed(2)).join(', ')}`);
  console.log(`  train ${(trainMs / 1000).toFixed(2)} s per fold (with calibration), predict ${predictMs.toFixed(2)} ms/text after features`);
  report('Pooled over the folds', all, labels);

  if (process.argv.includes('--nb')) {
    const tokens = rows.map((r) => caseFeatures(r.title, r.content));
    const nb: Outcome[] = [];
    const nbFolds: number[] = [];
    for (let k = 0; k < folds; k++) {
      const model = trainClassifier(rows.flatMap((r, i) => (fold[i] === k ? [] : [{ tokens: tokens[i]!, label: r.category }])));
      const outs = rows.flatMap((r, i) => {
        if (fold[i] !== k) return [];
        const top = model.predict(tokens[i]!, 1)[0];
        return [{ gold: r.category, guess: top?.label ?? '', confidence: top?.confidence ?? 0 }];
      });
      nb.push(...outs);
      nbFolds.push(scoreOutcomes(outs, labels).macroF1);
    }
    const s = scoreOutcomes(nb, labels);
    console.log(`\nNaive Bayes on words (the earlier model), same folds: macro-F1 ${meanSd(nbFolds)}, ECE ${pct(s.ece)}`);
  }

  if (process.argv.includes('--curve')) {
    console.log('\nLearning curve (macro-F1 on each test fold, training on the first n of a seeded shuffle of the other folds):');
    const random = seeded(SEED + 7);
    const sizes: number[] = [];
    for (let n = 50; n < rows.length * (1 - 1 / folds); n *= 2) sizes.push(n);
    sizes.push(Infinity);
    for (const n of sizes) {
      const f1s: number[] = [];
      for (let k = 0; k < folds; k++) {
        const pool = rows.map((_, i) => i).filter((i) => fold[i] !== k);
        for (let i = pool.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [pool[i], pool[j]] = [pool[j]!, pool[i]!];
        }
        const train = pool.slice(0, Math.min(n, pool.length));
        const test = rows.map((_, i) => i).filter((i) => fold[i] === k);
        f1s.push(scoreOutcomes(trainAndTest(features, rows, train, test, options).outcomes, labels).macroF1);
      }
      console.log(`  ${String(Number.isFinite(n) ? n : 'all').padStart(5)} cases: macro-F1 ${meanSd(f1s)}`);
    }
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1]?.endsWith('eval-classify.ts')) main();

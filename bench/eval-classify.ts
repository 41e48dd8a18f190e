import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { trainClassifier, type ClassifierOptions } from '../packages/core/src/text-classifier.js';
import { caseFeatures } from '../apps/server/src/modules/suggest/features.js';

/**
 * npm run eval:classify -- <file.csv|file.jsonl> [--binary]
 *
 * Evaluates the category suggestion model on texts with gold categories (columns/keys title,
 * content, category): a fixed seeded, stratified 80/20 split (accuracy, macro-F1, per-class F1),
 * then stratified 5-fold cross-validation (mean ± sd). `--binary` counts each word once per text
 * instead of every time, for comparison.
 */
interface Row { title: string; content: string; category: string }

const SEED = 20260302;
const FOLDS = 5;

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

/** mulberry32: a small seeded generator, so every run splits the same way. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Assigns each row a fold 0..folds-1, stratified by category, after a seeded shuffle per class. */
function stratifiedFolds(rows: Row[], folds: number, seed: number): number[] {
  const random = seeded(seed);
  const byClass = new Map<string, number[]>();
  rows.forEach((r, i) => byClass.set(r.category, [...(byClass.get(r.category) ?? []), i]));
  const fold = new Array<number>(rows.length);
  let offset = 0;
  for (const key of [...byClass.keys()].sort()) {
    const idx = byClass.get(key)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    // Continue the round-robin across classes so small classes do not all land in fold 0.
    idx.forEach((row, i) => (fold[row] = (offset + i) % folds));
    offset += idx.length;
  }
  return fold;
}

function evaluate(tokens: string[][], rows: Row[], isTest: (i: number) => boolean, options: ClassifierOptions) {
  const started = performance.now();
  const model = trainClassifier(rows.flatMap((r, i) => (isTest(i) ? [] : [{ tokens: tokens[i]!, label: r.category }])), options);
  const trainMs = performance.now() - started;
  const labels = [...new Set(rows.map((r) => r.category))].sort();
  const tp = new Map<string, number>(), fp = new Map<string, number>(), fn = new Map<string, number>();
  let correct = 0, n = 0;
  const predictStart = performance.now();
  rows.forEach((r, i) => {
    if (!isTest(i)) return;
    const guess = model.predict(tokens[i]!, 1)[0]?.label ?? '';
    n++;
    if (guess === r.category) (correct++, tp.set(guess, (tp.get(guess) ?? 0) + 1));
    else (fp.set(guess, (fp.get(guess) ?? 0) + 1), fn.set(r.category, (fn.get(r.category) ?? 0) + 1));
  });
  const predictMs = (performance.now() - predictStart) / Math.max(1, n);
  const f1 = new Map(labels.map((l) => {
    const t = tp.get(l) ?? 0, p = t + (fp.get(l) ?? 0), g = t + (fn.get(l) ?? 0);
    return [l, p + g === 0 ? 0 : (2 * t) / (p + g)] as const;
  }));
  const macroF1 = [...f1.values()].reduce((a, b) => a + b, 0) / labels.length;
  return { accuracy: correct / n, macroF1, f1, n, trainMs, predictMs, support: (l: string) => (tp.get(l) ?? 0) + (fn.get(l) ?? 0) };
}

const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${(m * 100).toFixed(1)}% ± ${(sd * 100).toFixed(1)}`;
};

function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run eval:classify -- <file.csv|file.jsonl> [--binary]');
  const options: ClassifierOptions = { binary: process.argv.includes('--binary') };
  const rows = readRows(file);
  const t0 = performance.now();
  const tokens = rows.map((r) => caseFeatures(r.title, r.content));
  const tokenMs = performance.now() - t0;
  const classes = new Set(rows.map((r) => r.category)).size;
  console.log(`${rows.length} texts, ${classes} categories; segmentation ${(tokenMs / rows.length).toFixed(2)} ms/text; options ${JSON.stringify(options)}`);

  const split = stratifiedFolds(rows, FOLDS, SEED); // fold 0 = the fixed 20% hold-out
  const holdout = evaluate(tokens, rows, (i) => split[i] === 0, options);
  console.log(`\nSeeded stratified 80/20 split (seed ${SEED}): test ${holdout.n}`);
  console.log(`  accuracy ${(holdout.accuracy * 100).toFixed(1)}%   macro-F1 ${(holdout.macroF1 * 100).toFixed(1)}%`);
  console.log(`  train ${holdout.trainMs.toFixed(1)} ms, predict ${holdout.predictMs.toFixed(3)} ms/text (after segmentation)`);
  for (const [label, f] of holdout.f1) console.log(`  F1 ${(f * 100).toFixed(1).padStart(5)}%  ${label} (${holdout.support(label)})`);

  const cv = stratifiedFolds(rows, FOLDS, SEED + 1);
  const runs = Array.from({ length: FOLDS }, (_, k) => evaluate(tokens, rows, (i) => cv[i] === k, options));
  console.log(`\nStratified ${FOLDS}-fold cross-validation (seed ${SEED + 1}):`);
  console.log(`  accuracy ${meanSd(runs.map((r) => r.accuracy))}   macro-F1 ${meanSd(runs.map((r) => r.macroF1))}`);
  console.log(`  total ${(performance.now() - t0).toFixed(0)} ms`);
}

main();

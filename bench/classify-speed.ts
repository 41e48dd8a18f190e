import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { trainLinearClassifier } from '../packages/core/src/linear-classifier.js';
import { classifierFeatures, classifierHashes } from '../apps/server/src/modules/suggest/features.js';
import { parseCsv } from './eval-classify.js';

/**
 * npm run bench:classify -- <file.csv> [cases=100000] — training and prediction time of the
 * category model alone (no database): `cases` texts made by joining random sentences of the file's
 * texts of one category (so they are as long and as varied as real ones), labelled by that
 * category, into 40 labels (each category split into sub-labels, as a county's leaf categories).
 * The full pipeline with a database is `npm run bench:knowledge`.
 */
const file = process.argv[2];
const n = Number(process.argv[3] ?? 100_000);
if (!file) throw new Error('usage: npm run bench:classify -- <file.csv> [cases]');
const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
const ci = header!.indexOf('category'), ti = header!.indexOf('content');
const byLabel = new Map<string, string[]>();
for (const r of rows) for (const s of r[ti]!.split(/[。！？]/).filter((x) => x.length > 4)) byLabel.set(r[ci]!, [...(byLabel.get(r[ci]!) ?? []), s]);
const labels = [...byLabel.keys()];
let a = 7;
const random = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const docs = Array.from({ length: n }, (_, i) => {
  const label = labels[i % labels.length]!;
  const sentences = byLabel.get(label)!;
  const text = Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentences[Math.floor(random() * sentences.length)]).join('。');
  return { features: classifierHashes(text.slice(0, 20), text), label: `${label}.${Math.floor(random() * 6)}`, text };
});
const featureSeconds = (performance.now() - t0) / 1000;
const featureUsed = process.cpuUsage(cpu0);
const featureCpuSeconds = (featureUsed.user + featureUsed.system) / 1e6;
const t1 = performance.now();
const cpu1 = process.cpuUsage();
const model = trainLinearClassifier(docs);
const trainSeconds = (performance.now() - t1) / 1000;
// CPU time of this process (user + system): on a shared machine the wall time mostly measures the neighbours.
const used = process.cpuUsage(cpu1);
const trainCpuSeconds = (used.user + used.system) / 1e6;
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const s = performance.now();
  model.predict(classifierFeatures('', docs[i]!.text), 3);
  times.push(performance.now() - s);
}
times.sort((x, y) => x - y);
console.log(JSON.stringify({ cases: n, labels: model.labels.length, featureSeconds: +featureSeconds.toFixed(1), featureCpuSeconds: +featureCpuSeconds.toFixed(1), trainSeconds: +trainSeconds.toFixed(1), trainCpuSeconds: +trainCpuSeconds.toFixed(1), epochs: model.epochs, load: os.loadavg().map((l) => +l.toFixed(1)), temperature: +model.temperature.toFixed(2), predictMs: { p50: +times[150]!.toFixed(2), p95: +times[285]!.toFixed(2), max: +times[299]!.toFixed(2) } }));

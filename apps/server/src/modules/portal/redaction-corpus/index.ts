import { DEMO_USERS } from '../../../db/seed/demo/org.js';
import { createPeople } from '../../../db/seed/demo/people.js';
import { createRng } from '../../../db/seed/demo/random.js';
import { NameDictionary } from '../name-dictionary.js';
import type { RedactionSpan } from '../redact-span.js';
import { EVALUATIONS } from './evaluations.js';
import { HOLDOUT } from './holdout.js';
import { PRAISE } from './praise.js';
import { REPLIES } from './replies.js';
import { REQUESTS } from './requests.js';

/**
 * The redaction corpus: 200+ public texts written for Lianxin (fictional people and places of the
 * demo county), each with what must go marked — ⟦name⟧ → 某某, ⟨surname⟩ → 某, ⟪number⟫ → *** —
 * and everything else to be kept exactly. `scoreCorpus` runs a redactor over it and measures
 * span-level precision and recall of personal-data removal and the ordinary words it garbled.
 */

/** Household members of the registry that the texts mention (the redactor knows them), with ordinary-looking two-character names. */
export const REGISTRY_NAMES = [
  '罗菊香', '陈桂英', '邹长生', '付秀兰', '肖红梅', '胡建平', '陈国强', '熊美玲', '何海军',
  // Real registries hold names that are also words; the text decides: 本周平均, 三万平方米, 如何平衡, 文明城市.
  '周平', '万平', '何平', '文明', '和平', '公平', '明亮', '高明',
];

/** The redactor's dictionary for the corpus: every demo staff member, the names above and 3,000 generated residents. */
export function corpusDictionary(generated = 3000): NameDictionary {
  const people = createPeople(createRng(20261206), 2026);
  const names = [...DEMO_USERS.map((u) => u.name), ...REGISTRY_NAMES];
  for (let i = 0; i < generated; i++) names.push(people.name());
  return NameDictionary.of(names);
}

export interface CorpusText {
  source: string;
  /** The text as written. */
  text: string;
  /** What must go. */
  gold: RedactionSpan[];
  /** The text as it must be published. */
  expected: string;
}

const MARKS: Record<string, [string, RedactionSpan['kind'], string]> = {
  '⟦': ['⟧', 'name', '某某'],
  '⟨': ['⟩', 'surname', '某'],
  '⟪': ['⟫', 'number', '***'],
};

export function parseMarked(marked: string, source: string): CorpusText {
  let text = '';
  let expected = '';
  const gold: RedactionSpan[] = [];
  for (let i = 0; i < marked.length; i++) {
    const mark = MARKS[marked[i]];
    if (!mark) {
      text += marked[i];
      expected += marked[i];
      continue;
    }
    const close = marked.indexOf(mark[0], i + 1);
    if (close < 0) throw new Error(`unclosed ${marked[i]} in ${source}: ${marked}`);
    const value = marked.slice(i + 1, close);
    gold.push({ start: text.length, end: text.length + value.length, kind: mark[1] });
    text += value;
    expected += mark[2];
    i = close;
  }
  return { source, text, gold, expected };
}

export const CORPUS: readonly CorpusText[] = [
  ...REQUESTS.map((t, i) => parseMarked(t, `requests#${i + 1}`)),
  ...REPLIES.map((t, i) => parseMarked(t, `replies#${i + 1}`)),
  ...PRAISE.map((t, i) => parseMarked(t, `praise#${i + 1}`)),
  ...EVALUATIONS.map((t, i) => parseMarked(t, `evaluations#${i + 1}`)),
  ...HOLDOUT.map((t, i) => parseMarked(t, `holdout#${i + 1}`)),
];

export interface CorpusScore {
  texts: number;
  goldSpans: number;
  predictedSpans: number;
  /** Gold spans entirely removed. */
  recalled: number;
  /** Predicted spans that overlap a gold span. */
  correct: number;
  precision: number;
  recall: number;
  /** Predicted spans that touch no gold span: an ordinary word or number eaten. */
  garbled: Array<{ source: string; word: string }>;
  /** Gold spans left (partly) in the output. */
  leaked: Array<{ source: string; kind: string; word: string }>;
  /** Texts whose output differs from the expected one. */
  mismatches: Array<{ source: string; expected: string; actual: string }>;
}

const overlaps = (a: RedactionSpan, b: RedactionSpan) => a.start < b.end && b.start < a.end;

/** Runs `spansOf` and `redact` over the corpus and scores them. */
export function scoreCorpus(spansOf: (text: string) => RedactionSpan[], redact: (text: string) => string, items: readonly CorpusText[] = CORPUS): CorpusScore {
  const score: CorpusScore = { texts: 0, goldSpans: 0, predictedSpans: 0, recalled: 0, correct: 0, precision: 1, recall: 1, garbled: [], leaked: [], mismatches: [] };
  for (const item of items) {
    const predicted = spansOf(item.text);
    score.texts++;
    score.goldSpans += item.gold.length;
    score.predictedSpans += predicted.length;
    for (const g of item.gold) {
      const covered = Array.from({ length: g.end - g.start }, (_, k) => g.start + k).every((at) => predicted.some((p) => p.start <= at && at < p.end));
      if (covered) score.recalled++;
      else score.leaked.push({ source: item.source, kind: g.kind, word: item.text.slice(g.start, g.end) });
    }
    for (const p of predicted) {
      if (item.gold.some((g) => overlaps(g, p))) score.correct++;
      else score.garbled.push({ source: item.source, word: item.text.slice(p.start, p.end) });
    }
    const actual = redact(item.text);
    if (actual !== item.expected) score.mismatches.push({ source: item.source, expected: item.expected, actual });
  }
  score.precision = score.predictedSpans ? score.correct / score.predictedSpans : 1;
  score.recall = score.goldSpans ? score.recalled / score.goldSpans : 1;
  return score;
}

import { charNgramFeatures, charNgramHashes, hashFeature } from '@lianxin/core';
import { tokenize } from './tokenize.js';

/** The jieba words of a case's title and content (search-style words, for explanations). */
export function caseFeatures(title: string, content: string): string[] {
  return tokenize(`${title}\n${content}`);
}

/**
 * The classifier's features of a case: character 1–3-grams of title and content (robust to
 * segmentation errors and new words: 高龄津贴, 宅基地) plus jieba words prefixed `w:` (whole words
 * read better in an explanation). The title counts twice: it is the registrar's own summary.
 * Measured with `npm run eval:classify` (docs/ARCHITECTURE.md, "Suggestion").
 */
export function classifierFeatures(title: string, content: string, maxN = 3): string[] {
  const text = `${title}\n${title}\n${content}`;
  return [...charNgramFeatures(text, maxN), ...tokenize(text).map((w) => `w:${w}`)];
}

/** `hashFeatures(classifierFeatures(title, content))` without the grams' strings: what training needs. */
export function classifierHashes(title: string, content: string): Uint32Array {
  const text = `${title}\n${title}\n${content}`;
  const grams = charNgramHashes(text, 3);
  const words = tokenize(text);
  const out = new Uint32Array(grams.length + words.length);
  out.set(grams);
  words.forEach((w, i) => (out[grams.length + i] = hashFeature(`w:${w}`)));
  return out;
}

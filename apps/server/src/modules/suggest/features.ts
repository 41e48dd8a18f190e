import { charNgramFeatures } from '@lianxin/core';
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
export function classifierFeatures(title: string, content: string): string[] {
  const text = `${title}\n${title}\n${content}`;
  return [...charNgramFeatures(text, 3), ...tokenize(text).map((w) => `w:${w}`)];
}

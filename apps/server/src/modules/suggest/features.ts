import { tokenize } from './tokenize.js';

/**
 * The classifier's features of a case: the jieba words of its title and content. Measured with
 * `npm run eval:classify` against character bigrams and words + bigrams: no better, and words
 * explain a suggestion more readably (docs/ARCHITECTURE.md, "Suggestion").
 */
export function caseFeatures(title: string, content: string): string[] {
  return tokenize(`${title}\n${content}`);
}

import { segmenter } from '../../text/jieba.js';

/**
 * Word segmentation of the search index. Kept apart from `suggest/tokenize.ts` on purpose: the index
 * stores these words, so they may change only together with a reindex, and search wants jieba's
 * search mode (a compound and its parts: 最低生活保障 → 最低, 生活, 保障, 最低生活保障) with every
 * word kept, where the classifier wants fewer, topical words.
 */

// Letters and digits of any script; everything else separates words. Splitting here (not in the
// database) means SQLite's unicode61 and PostgreSQL's 'simple' parser both see plain words.
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * The words of `text`, lower-cased, in reading order (duplicates kept, for ranking). HMM is off so
 * that unknown names split the same way in a long text and in a short query.
 */
export function segment(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(text.normalize('NFKC').toLowerCase(), false)) {
    for (const word of raw.match(WORD_RUN) ?? []) out.push(word);
  }
  return out;
}

/** The distinct words of a query, at most `max` of them, in reading order. */
export function queryTerms(text: string, max = 16): string[] {
  return [...new Set(segment(text))].slice(0, max);
}

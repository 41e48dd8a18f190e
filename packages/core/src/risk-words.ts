import { normalizeForSimilarity } from './similarity.js';

/** What kind of extreme risk a word signals (SPEC §2: alert leaders at once). */
export type RiskGroup = 'self_harm' | 'violence' | 'gathering';

/** A word or phrase that signals an extreme risk in a case's text. */
export interface RiskWord {
  word: string;
  group: RiskGroup;
}

/**
 * The shipped list; counties extend it. Phrases are preferred over bare characters that
 * occur in harmless text: '炸' alone would flag 炸酱面, and '报复' alone would flag every
 * whistle-blower who writes 担心被打击报复.
 */
export const DEFAULT_RISK_WORDS: readonly RiskWord[] = [
  { word: '跳楼', group: 'self_harm' },
  { word: '自杀', group: 'self_harm' },
  { word: '喝农药', group: 'self_harm' },
  { word: '不想活了', group: 'self_harm' },
  { word: '活不下去', group: 'self_harm' },
  { word: '寻死', group: 'self_harm' },
  { word: '轻生', group: 'self_harm' },
  { word: '上吊', group: 'self_harm' },
  { word: '自焚', group: 'self_harm' },
  { word: '死给你们看', group: 'self_harm' },
  { word: '同归于尽', group: 'violence' },
  { word: '报复社会', group: 'violence' },
  { word: '我要报复', group: 'violence' },
  { word: '砍人', group: 'violence' },
  { word: '杀了他', group: 'violence' },
  { word: '炸药', group: 'violence' },
  { word: '炸掉', group: 'violence' },
  { word: '放火', group: 'violence' },
  { word: '拉横幅', group: 'gathering' },
  { word: '集体上访', group: 'gathering' },
  { word: '堵路', group: 'gathering' },
  { word: '围堵政府', group: 'gathering' },
  { word: '静坐', group: 'gathering' },
  { word: '进京上访', group: 'gathering' },
];

/**
 * The risk words found in `text`, each once, in the order they first appear (ties by
 * list order). Text and words are compared after `normalizeForSimilarity`, so spaces,
 * punctuation or fullwidth forms inserted into a word (跳 楼, 跳…楼) do not hide it.
 */
export function findRiskWords(text: string, words: readonly RiskWord[] = DEFAULT_RISK_WORDS): RiskWord[] {
  const haystack = normalizeForSimilarity(text);
  const found: { hit: RiskWord; at: number; order: number }[] = [];
  const seen = new Set<string>();
  words.forEach((entry, order) => {
    const needle = normalizeForSimilarity(entry.word);
    if (needle === '' || seen.has(entry.word)) return;
    const at = haystack.indexOf(needle);
    if (at < 0) return;
    seen.add(entry.word);
    found.push({ hit: { word: entry.word, group: entry.group }, at, order });
  });
  return found.sort((x, y) => x.at - y.at || x.order - y.order).map((f) => f.hit);
}

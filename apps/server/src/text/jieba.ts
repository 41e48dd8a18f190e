import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;

/**
 * The one jieba segmenter of the process, with the default dictionary shipped in the package,
 * loaded on first use (the dictionary takes tens of MB, so search and suggestion share it).
 */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

import { segmenter } from '../../text/jieba.js';

/**
 * Chinese word segmentation for the classifier and for search: jieba's default dictionary (shipped
 * inside the npm package, no network), HMM on for new words. Keeps words of two or more
 * characters, Latin words and numbers of two or more characters; drops punctuation, whitespace
 * and common function words, which carry no topic.
 */

const STOPWORDS = new Set([
  '没有', '自己', '我们', '你们', '他们', '她们', '它们', '这个', '那个', '这些', '那些', '这样', '那样', '什么', '怎么', '为什么',
  '因为', '所以', '但是', '而且', '或者', '如果', '虽然', '已经', '还是', '就是', '可以', '一个', '一下', '一些', '现在', '时候',
  '进行', '以及', '关于', '对于', '其中', '还有', '不是', '非常', '希望', '请问', '您好', '你好', '谢谢', '领导', '相关', '问题',
  '情况', '目前', '今年', '每天', '这里', '那里', '怎么办', '是否', '能否', '是不是', '由于', '之后', '以后', '之前', '以前',
]);

// A token is kept when it has a letter or digit (any script); pure punctuation and symbols go.
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Words of `text` for classification and search, in reading order (duplicates kept). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cut(text.normalize('NFKC'), true)) {
    const word = raw.trim().toLowerCase();
    // Single characters (的, 了, 在 …) are mostly function words; two-character words carry the topic.
    if ([...word].length < 2 || !WORDLIKE.test(word) || STOPWORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

import { NameDictionary } from './name-dictionary.js';
import type { RedactionSpan } from './redact-span.js';
import {
  CERTAIN_AFTER,
  CERTAIN_BEFORE,
  DOUBLE_SURNAMES,
  FUNCTION_SURNAMES,
  INTRODUCERS,
  isCommonWord,
  isHan,
  isOldYoungWord,
  isOrdinaryWord,
  NOT_GIVEN,
  SURNAMES,
  surnameAt,
  TITLES,
  tokensOf,
} from './redact-words.js';

/**
 * Where the names are in a text. Three kinds of evidence:
 *
 * 1. A known name (every staff member's and household member's, from the dictionary, plus the
 *    case's own people with their given names): three characters or more, it goes wherever it
 *    appears. Two characters (刘伟, 甘露) can also be an ordinary word, so it goes when the text
 *    reads as a name there: a word that introduces a name before it or a form of address after it
 *    (感谢甘露同志), or else when it stands as a word of its own (jieba's word boundaries) and is
 *    not an ordinary word of the dictionary (文明, 海军 stay).
 * 2. An unknown name announced by the text: after 我叫/联系人/网格员…, a surname and one or two
 *    given characters; before a form of address, a full name (李红英主任) or the surname alone
 *    (张阿姨 → 某阿姨); 老李/小王 unless it is a word (小区, 小时, 老师).
 * 3. Nothing else: a name written with no sign at all and known to nobody cannot be found.
 */

/** Per-text helper: jieba's word boundaries and tokens, computed once and only when needed. */
class Words {
  private bounds?: Set<number>;
  private tokens?: Array<{ word: string; start: number }>;
  constructor(private readonly text: string) {}
  list() {
    this.tokens ??= tokensOf(this.text);
    return this.tokens;
  }
  isBoundary(i: number): boolean {
    if (!this.bounds) {
      this.bounds = new Set([0]);
      for (const t of this.list()) this.bounds.add(t.start + t.word.length);
    }
    return this.bounds.has(i);
  }
  /** The word containing offset `i`. */
  wordAround(i: number): { word: string; start: number } | undefined {
    return this.list().find((t) => t.start <= i && i < t.start + t.word.length);
  }
  /** True when [start, end) is made of whole words none of which is an ordinary word of two characters or more. */
  readsAsName(start: number, end: number, checkWords = true): boolean {
    if (!this.isBoundary(start) || !this.isBoundary(end)) return false;
    return !checkWords || !this.list().some((t) => t.start >= start && t.start + t.word.length <= end && t.word.length >= 2 && isOrdinaryWord(t.word));
  }
}

const endsWithAny = (text: string, end: number, words: readonly string[]) => words.some((w) => text.startsWith(w, end - w.length));
const startsWithAny = (text: string, at: number, words: readonly string[]) => words.some((w) => text.startsWith(w, at));
/** The word of `words` starting at `at` (longest), if any. */
const wordAt = (text: string, at: number, words: readonly string[]) => words.filter((w) => text.startsWith(w, at)).sort((a, b) => b.length - a.length)[0];

/** Punctuation and joining words allowed between an introducer and the name: 联系人：王小明, 我叫是. */
function skipJoin(text: string, at: number): number {
  while (at < text.length && /[\s:：是为叫]/.test(text[at])) at++;
  return at;
}

/** Is the text around [start, end) that of a person's name: an introducer before or a form of address after. */
function certainContext(text: string, start: number, end: number): boolean {
  let before = start;
  while (before > 0 && /[\s:：是为]/.test(text[before - 1])) before--;
  return endsWithAny(text, before, CERTAIN_BEFORE) || startsWithAny(text, end, CERTAIN_AFTER);
}

/** The names the case itself knows (requester, staff who acted): full names and given names of two characters or more. */
export function caseNameForms(names: readonly (string | null | undefined)[]): { dictionary: NameDictionary; latin: string[] } {
  const dictionary = new NameDictionary();
  const latin: string[] = [];
  for (const raw of names) {
    if (!raw || !raw.trim()) continue;
    const name = raw.replace(/\s+/g, '');
    if (/^[A-Za-z.'-]+$/.test(name)) {
      latin.push(...raw.trim().split(/\s+/).filter((p) => p.length >= 3), name);
      continue;
    }
    dictionary.add(name);
    const surname = DOUBLE_SURNAMES.some((s) => name.startsWith(s)) ? 2 : 1;
    if (name.length - surname >= 2) dictionary.add(name.slice(surname));
  }
  return { dictionary, latin };
}

/** A name written after an introducer at `at`, unknown to the dictionaries: [start, end) or null. */
function unknownNameAt(text: string, at: number, words: Words): [number, number] | null {
  const s = surnameAt(text, at);
  if (!s || (s === 1 && FUNCTION_SURNAMES.has(text[at])) || !words.isBoundary(at)) return null;
  const g1 = at + s;
  // 网格员王大姐: a surname and a form of address, not a full name.
  if (startsWithAny(text, g1, TITLES)) return null;
  if (!isHan(text[g1]) || NOT_GIVEN.has(text[g1])) return null;
  const two = isHan(text[g1 + 1]) && !NOT_GIVEN.has(text[g1 + 1]) && !startsWithAny(text, g1 + 1, TITLES);
  if (two && words.readsAsName(at, g1 + 2)) return [at, g1 + 2];
  if (words.readsAsName(at, g1 + 1)) return [at, g1 + 1];
  // An ordinary word starts here (干部连夜…): no name.
  const first = words.wordAround(at);
  if (first && first.start === at && first.word.length > s && isOrdinaryWord(first.word)) return null;
  // The words run on (张三丰在…): take two given characters anyway, the safe side.
  return two ? [at, g1 + 2] : [at, g1 + 1];
}

/** The spans of names in `text` (folded), given the known names. */
export function nameSpans(text: string, known: readonly NameDictionary[], latin: readonly string[] = []): RedactionSpan[] {
  const words = new Words(text);
  const spans: RedactionSpan[] = [];
  const taken = new Uint8Array(text.length + 1);
  const add = (start: number, end: number, kind: RedactionSpan['kind']) => {
    spans.push({ start, end, kind });
    for (let i = start; i < end; i++) taken[i] = 1;
  };

  // 1. Known names.
  for (let i = 0; i < text.length; i++) {
    let length = 0;
    for (const d of known) length = Math.max(length, d.longestAt(text, i));
    if (length === 0) continue;
    const end = i + length;
    if (length >= 3 || certainContext(text, i, end) || (words.readsAsName(i, end, false) && !isCommonWord(text.slice(i, end)))) {
      add(i, end, 'name');
      i = end - 1;
    }
  }
  const lower = text.toLowerCase();
  for (const name of latin) {
    for (let at = lower.indexOf(name.toLowerCase()); at >= 0; at = lower.indexOf(name.toLowerCase(), at + 1)) add(at, at + name.length, 'name');
  }

  // 2a. Unknown names after an introducer.
  for (const intro of INTRODUCERS) {
    for (let at = text.indexOf(intro); at >= 0; at = text.indexOf(intro, at + 1)) {
      const end = at + intro.length;
      if (!words.isBoundary(at) || !words.isBoundary(end)) continue;
      const q = skipJoin(text, end);
      if (taken[q]) continue;
      const found = unknownNameAt(text, q, words);
      if (found) add(found[0], found[1], 'name');
    }
  }

  // 2b. Before a form of address: a full name, or the surname alone.
  for (let t = 1; t < text.length; t++) {
    const title = wordAt(text, t, TITLES);
    if (!title) continue;
    // jieba may hold the surname and the title as one word (刘大哥, 王阿姨): the surname or name before the title goes.
    const glued = words.isBoundary(t) ? undefined : words.wordAround(t);
    if (glued && !taken[glued.start] && glued.start + glued.word.length === t + title.length && t - glued.start <= 3 && !isOrdinaryWord(glued.word) && surnameAt(text, glued.start) && !FUNCTION_SURNAMES.has(text[glued.start])) {
      add(glued.start, t, t - glued.start === 1 ? 'surname' : 'name');
    } else if (!taken[t - 1] && words.isBoundary(t)) {
      let found = false;
      for (const length of [4, 3, 2]) {
        const start = t - length;
        if (start < 0 || taken[start]) continue;
        const s = surnameAt(text, start);
        if (!s || s >= length || (s === 1 && FUNCTION_SURNAMES.has(text[start]))) continue;
        const given = text.slice(start + s, t);
        if (given.length > 2 || [...given].some((c) => !isHan(c) || NOT_GIVEN.has(c))) continue;
        if (!words.readsAsName(start, t)) continue;
        add(start, t, 'name');
        found = true;
        break;
      }
      const double = DOUBLE_SURNAMES.find((d) => text.startsWith(d, t - 2));
      if (!found && double && words.isBoundary(t - 2)) add(t - 2, t, 'surname');
      else if (!found && SURNAMES.has(text[t - 1]) && !FUNCTION_SURNAMES.has(text[t - 1]) && words.isBoundary(t - 1)) {
        // 小周网格员: the familiar form is a name.
        if (t >= 2 && (text[t - 2] === '老' || text[t - 2] === '小') && words.isBoundary(t - 2)) add(t - 2, t, 'name');
        else add(t - 1, t, 'surname');
      }
    }
    t += title.length - 1;
  }

  // 2c. 老李, 小王.
  for (let i = 0; i + 1 < text.length; i++) {
    if ((text[i] !== '老' && text[i] !== '小') || !SURNAMES.has(text[i + 1]) || taken[i] || taken[i + 1]) continue;
    const w = text.slice(i, i + 2);
    // jieba reads 老刘家 as 老 + 刘家: the family's name still ends after the surname.
    const endsName = words.isBoundary(i + 2) || (text[i + 2] === '家' && words.wordAround(i + 1)?.word === `${text[i + 1]}家`);
    if (isOldYoungWord(w) || !words.isBoundary(i) || !endsName) continue;
    add(i, i + 2, 'name');
  }
  return spans;
}

import { ENTITY_SUFFIXES, MATTER_WORDS, namedEntities, shareEntity } from './similarity.js';

/**
 * Hot topics (热点 · 群体性事件苗头, SPEC §8, issue 18 part 4): cases about one matter in many words.
 *
 * Residents who complain about the same thing share few characters (a median bigram Dice of about
 * 0.10 between two of them), so grouping by character similarity misses real clusters. A topic is
 * a **place** and a **matter**:
 * - the place is a named place or organisation (`namedEntities`: 溪南花园, 鑫达建筑公司, 城郊中学,
 *   解放路, 大塘 …) when the texts name one, and otherwise the village the cases are in;
 * - the matter is learned from the texts together: the kinds of matter they speak of (a general
 *   vocabulary of grassroots matters, `MATTER_WORDS` plus a few more below), the category the
 *   registrar chose, and the jieba words they share weighed by how rare the words are among the
 *   cases of the window (TF-IDF cosine; the place's own name is left out, so it counts once).
 * Two cases are one topic when they share the place and the matter; two texts that name different
 * places are never one topic (the same nuisance at another estate), nor are two texts about the same
 * place whose matters differ (the estate's noise and its property fee). Topics are the connected
 * groups of that relation, each link needing its own evidence of place and matter.
 *
 * Time is the time the matter was received (`receivedAt`), not the time it was typed in: a batch
 * of letters typed in on Monday is not a hotspot of Monday, and the window is counted on receipt.
 * Pure (no database, no tokenizer): the caller passes jieba words, so the browser could run it too.
 */

export interface TopicCase {
  id: string;
  title: string;
  content: string;
  /** The case's area (village, or a grid below it). */
  areaCode: string;
  categoryCode: string;
  /** When the matter was received (ISO instant). */
  receivedAt: string;
  /** The text's words (jieba on the server); without them only places, matter words and categories speak. */
  words?: readonly string[];
}

export interface TopicOptions {
  /** Cases that make a hot topic; 5 by default. */
  minCases?: number;
  /** Word cosine (TF-IDF over the cases given) at or above which two texts share a matter; 0.2 by default. */
  wordCosine?: number;
  /**
   * Gives the caller's event loop a turn (a server's scan passes `setImmediate`): the pairs are
   * quadratic, and a backlog of thousands of cases must not hold requests. Called at most every
   * 15 ms of work.
   */
  pause?: () => Promise<void>;
}

export interface Topic<C extends TopicCase = TopicCase> {
  /** The named place or organisation as written (溪南花园), or null when the village is the place. */
  place: string | null;
  /** The words that name the matter, most shared first (噪音, 扰民). */
  matter: string[];
  /** The category most of its cases carry. */
  categoryCode: string;
  /** The deepest area holding every case (a village, or the township when the place draws from several). */
  areaCode: string;
  /** Its cases, by time received. */
  cases: C[];
}

export const TOPIC_MIN_CASES = 5;
export const TOPIC_WORD_COSINE = 0.2;

/**
 * More words of matters than the similarity's vocabulary, in the words residents use. General
 * grassroots vocabulary (not tuned to a test set); a kind here adds to the same kind there.
 */
const MORE_MATTER_WORDS: Readonly<Record<string, readonly string[]>> = {
  noise: ['噪音', '吵闹', '喇叭', '广场舞', '机器轰鸣', '施工', '打桩'],
  pollution: ['油烟', '烟雾', '粉尘', '灰尘', '黑烟', '呛', '熏', '排放', '废水', '死鱼', '变黑', '浑浊'],
  water: ['水质', '发黄', '水龙头', '供水', '用水'],
  power: ['断电', '供电', '变压器'],
  fees: ['收取', '多收', '费用', '缴费', '涨价'],
  property: ['电梯', '门禁', '保安', '绿化', '漏雨', '渗水', '维修基金'],
  wages: ['工人', '讨薪', '结算', '老板', '包工头', '发不出'],
  road: ['积水', '泥泞', '修路', '硬化', '水泥路', '颠簸'],
  safety: ['安全隐患', '危险', '护栏', '倒塌', '裂缝', '危房'],
  school: ['校车', '食堂', '伙食', '饭菜', '学生', '孩子上学'],
  animals: ['流浪狗', '狗', '咬人', '养猪', '养殖', '猪场', '鸡鸭'],
  market: ['摆摊', '占道经营', '小摊', '商贩', '夜市'],
  irrigation: ['干涸', '放水', '抽水', '水渠', '堵塞'],
  villageAffairs: ['村务', '账目', '村账', '查账', '财务', '公开栏', '集体收入', '集体资金', '村干部', '优亲厚友', '村委'],
};

const MATTERS: ReadonlyArray<[kind: string, words: readonly string[]]> = (() => {
  const kinds = new Map<string, string[]>();
  for (const source of [MATTER_WORDS, MORE_MATTER_WORDS]) for (const [kind, words] of Object.entries(source)) kinds.set(kind, [...(kinds.get(kind) ?? []), ...words]);
  return [...kinds.entries()];
})();

/** The kinds of matter a text speaks of, with the words found. */
export function topicMatters(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [kind, words] of MATTERS) {
    const found = words.filter((w) => text.includes(w));
    if (found.length) out.set(kind, found);
  }
  return out;
}

/** Common nouns the extraction may take for a name's end (盼修水泥路, 求修路): they name no place. */
const GENERIC_PLACE_ENDS = ['修路', '水泥路', '泥巴路', '土路', '小路', '段路', '村路', '往塘', '那条路'];

/** The places and organisations a text names (namedEntities), village groups (东坑组) included. */
const placesOf = (text: string) => new Set([...namedEntities(text)].filter((e) => !GENERIC_PLACE_ENDS.some((g) => e.endsWith(g))));

const ONE_CHAR_SUFFIX = new Set(ENTITY_SUFFIXES.filter(([s, cls]) => Array.from(s).length === 1 && cls !== 'org').map(([s]) => s));

/**
 * Whether two place keys name one place: the same class, and one name inside the other
 * (溪南 / 溪南花园), or — for names ending in their one-character suffix (大塘, 解放路), whose
 * start the extraction cannot always tell (靠大塘, 石门村大塘) — the same last two characters
 * within one village.
 */
function samePlace(x: string, y: string, sameVillage: boolean): boolean {
  if (shareEntity(new Set([x]), new Set([y]))) return true;
  const [cx, nx] = [x.slice(0, x.indexOf(':')), Array.from(x.slice(x.indexOf(':') + 1))];
  const [cy, ny] = [y.slice(0, y.indexOf(':')), Array.from(y.slice(y.indexOf(':') + 1))];
  if (cx !== cy || !sameVillage || nx.length < 2 || ny.length < 2 || !ONE_CHAR_SUFFIX.has(nx[nx.length - 1]!)) return false;
  return nx.slice(-2).join('') === ny.slice(-2).join('');
}

/** How a place key (`estate:溪南`) reads in a text: its name with the suffix the text gives it (溪南花园). */
export function placeAsWritten(key: string, texts: readonly string[]): string {
  const name = key.slice(key.indexOf(':') + 1);
  for (const text of texts) {
    const at = text.normalize('NFKC').indexOf(name);
    if (at < 0) continue;
    const rest = text.normalize('NFKC').slice(at + name.length);
    const suffix = ENTITY_SUFFIXES.map(([s]) => s).find((s) => rest.startsWith(s));
    return suffix && !name.endsWith(suffix) ? `${name}${suffix}` : name;
  }
  return name;
}

interface Prepared<C> {
  c: C;
  text: string;
  village: string;
  township: string;
  /** Places that other cases name too (the anchors of topics). */
  places: Set<string>;
  /** Every place the text names, anchored or not. */
  named: Set<string>;
  matters: Map<string, string[]>;
  vector: Map<string, number>;
  time: number;
}

const cosine = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => {
  let s = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [w, v] of small) s += v * (large.get(w) ?? 0);
  return s;
};

/**
 * Evidence that two cases are about one matter: a kind of matter both speak of, two or more
 * matter words in common, the same category, shared rare words (cosine ≥ `wordCosine`); kinds
 * that differ count against.
 */
function matterScore<C extends TopicCase>(a: Prepared<C>, b: Prepared<C>, wordCosine: number): number {
  let score = 0;
  const sharedKinds = [...a.matters.keys()].some((k) => b.matters.has(k));
  if (sharedKinds) score += 1;
  else if (a.matters.size && b.matters.size) score -= 1;
  const wordsA = new Set([...a.matters.values()].flat());
  if (new Set([...b.matters.values()].flat().filter((w) => wordsA.has(w))).size >= 2) score += 1;
  if (a.c.categoryCode === b.c.categoryCode) score += 1;
  if (cosine(a.vector, b.vector) >= wordCosine) score += 1;
  return score;
}

const placesMatch = (a: ReadonlySet<string>, b: ReadonlySet<string>, sameVillage: boolean) => [...a].some((x) => [...b].some((y) => samePlace(x, y, sameVillage)));
const classOf = (e: string) => e.slice(0, e.indexOf(':'));

/** Whether two texts name places of one class (two roads, two estates) and none of them match. */
function contradict(a: ReadonlySet<string>, b: ReadonlySet<string>, sameVillage: boolean): boolean {
  for (const cls of new Set([...a].map(classOf))) {
    const xs = [...a].filter((e) => classOf(e) === cls), ys = [...b].filter((e) => classOf(e) === cls);
    if (ys.length && !xs.some((x) => ys.some((y) => samePlace(x, y, sameVillage)))) return true;
  }
  return false;
}

/**
 * How two cases are one topic, or null:
 * - `place`: they name one place (within one township) and one matter (score ≥ 1);
 * - `village`: they are in one village, neither names a place the other contradicts (a road
 *   against another road, even if only one text names it), and the
 *   matter's evidence is stronger (score ≥ 2: the village is a vaguer place than a name).
 * Texts naming different places never are.
 */
function link<C extends TopicCase>(a: Prepared<C>, b: Prepared<C>, wordCosine: number): 'place' | 'village' | null {
  if (a.township !== b.township) return null;
  const sameVillage = a.village === b.village;
  if (a.places.size && b.places.size) {
    if (!placesMatch(a.places, b.places, sameVillage)) return null;
    return matterScore(a, b, wordCosine) >= 1 ? 'place' : null;
  }
  if (!sameVillage || contradict(a.named, b.named, sameVillage)) return null;
  return matterScore(a, b, wordCosine) >= 2 ? 'village' : null;
}

/** The deepest area code (by the 2/4/6/9/12-digit levels) holding every code given. */
export function commonAreaCode(codes: readonly string[]): string {
  for (const len of [12, 9, 6, 4, 2]) {
    const prefix = codes[0]!.slice(0, len);
    if (codes.every((c) => c.slice(0, len) === prefix)) return prefix.padEnd(12, '0');
  }
  return '000000000000';
}

/**
 * The topics among `cases` with at least `minCases` cases, largest first. The caller gives the
 * cases of one window (received within it); every pair is compared (a county's week of cases is
 * a few thousand, and cases of different townships are never compared).
 */
export async function hotTopics<C extends TopicCase>(cases: readonly C[], options: TopicOptions = {}): Promise<Topic<C>[]> {
  let ops = 0;
  let since = performance.now();
  const breathe = async () => {
    if (!options.pause || (++ops & 255) !== 0 || performance.now() - since < 15) return;
    await options.pause();
    since = performance.now();
  };
  const minCases = options.minCases ?? TOPIC_MIN_CASES;
  const wordCosine = options.wordCosine ?? TOPIC_WORD_COSINE;
  const prepared: Prepared<C>[] = cases.map((c) => {
    const text = `${c.title}\n${c.content}`;
    const places = placesOf(text);
    return { c, text, village: c.areaCode.slice(0, 12), township: c.areaCode.slice(0, 9), places, named: places, matters: topicMatters(text), vector: new Map(), time: Date.parse(c.receivedAt) };
  });
  // TF-IDF of the words, the places' names left out (they are the place, not the matter).
  const df = new Map<string, number>();
  const bags = prepared.map((p) => {
    const names = [...p.places].map((e) => e.slice(e.indexOf(':') + 1));
    const bag = new Map<string, number>();
    for (const w of p.c.words ?? []) if (!names.some((n) => n.includes(w) || w.includes(n))) bag.set(w, (bag.get(w) ?? 0) + 1);
    for (const w of bag.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    return bag;
  });
  const n = prepared.length;
  prepared.forEach((p, i) => {
    let norm = 0;
    for (const [w, tf] of bags[i]!) {
      const v = (1 + Math.log(tf)) * Math.log((1 + n) / (1 + df.get(w)!));
      if (v > 0) p.vector.set(w, v), (norm += v * v);
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, v] of p.vector) p.vector.set(w, v / norm);
  });

  const parent = prepared.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byTownship = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    const list = byTownship.get(p.township);
    if (list) list.push(i);
    else byTownship.set(p.township, [i]);
  });
  // The places that anchor topics are those several residents name; a name only one text gives is
  // as likely a misreading (修路 → "求修路") as a place, and speaks neither for nor against.
  for (const members of byTownship.values()) {
    const anchored: Set<string>[] = [];
    for (const i of members) {
      await breathe();
      anchored.push(new Set([...prepared[i]!.places].filter((x) => members.some((j) => j !== i && [...prepared[j]!.places].some((y) => samePlace(x, y, prepared[i]!.village === prepared[j]!.village))))));
    }
    members.forEach((i, x) => (prepared[i]!.places = anchored[x]!));
  }
  // Each group's places, to keep a group from joining two places through a case that names none.
  const groupPlaces = prepared.map((p) => ({ places: new Set(p.places), village: p.village }));
  const join = (i: number, j: number) => {
    const ri = find(i), rj = find(j);
    if (ri === rj) return;
    const a = groupPlaces[ri]!, b = groupPlaces[rj]!;
    if (a.places.size && b.places.size && !placesMatch(a.places, b.places, a.village === b.village)) return;
    parent[rj] = ri;
    for (const x of b.places) a.places.add(x);
  };
  // Links by place first, then by village, so the named places shape the groups. A pair already in
  // one group needs no link (joining it would change nothing), so a big group costs little.
  for (const kind of ['place', 'village'] as const) {
    for (const members of byTownship.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          await breathe();
          const i = members[x]!, j = members[y]!;
          if (find(i) !== find(j) && link(prepared[i]!, prepared[j]!, wordCosine) === kind) join(i, j);
        }
      }
    }
  }
  // A case that links to no one of a group pairwise may still be one of it when it agrees with most of
  // the group: a resident who names neither the place nor the category the others did (东坑那段路,
  // 村干部优亲厚友) still speaks of their matter. Small groups join the larger group (≥ 3) of their
  // township whose cases mostly (≥ 60 %) agree with each of theirs (score ≥ 1, places not contradicting).
  const members = () => {
    const m = new Map<number, number[]>();
    prepared.forEach((_, i) => {
      const list = m.get(find(i));
      if (list) list.push(i);
      else m.set(find(i), [i]);
    });
    return m;
  };
  const groupsNow = members();
  const agrees = (i: number, j: number) => {
    const a = prepared[i]!, b = prepared[j]!;
    if (a.township !== b.township) return false;
    const sameVillage = a.village === b.village;
    if (a.places.size && b.places.size ? !placesMatch(a.places, b.places, sameVillage) : !sameVillage || contradict(a.named, b.named, sameVillage)) return false;
    return matterScore(a, b, wordCosine) >= 1;
  };
  for (const [root, small] of groupsNow) {
    if (small.length >= Math.max(3, minCases)) continue;
    let best: [number, number] | undefined;
    for (const [other, large] of groupsNow) {
      await breathe();
      if (other === root || large.length < 3 || large.length <= small.length) continue;
      const share = Math.min(...small.map((i) => large.filter((j) => agrees(i, j)).length / large.length));
      if (share >= 0.6 && (!best || share > best[1])) best = [other, share];
    }
    if (best) join(best[0], small[0]!);
  }
  const groups = new Map<number, Prepared<C>[]>();
  prepared.forEach((p, i) => {
    const list = groups.get(find(i));
    if (list) list.push(p);
    else groups.set(find(i), [p]);
  });
  return [...groups.values()]
    .filter((g) => g.length >= minCases)
    .map((g) => describe(g.sort((a, b) => a.time - b.time || (a.c.id < b.c.id ? -1 : 1))))
    .sort((a, b) => b.cases.length - a.cases.length || (a.cases[0]!.id < b.cases[0]!.id ? -1 : 1));
}

const mostCommon = <T>(items: readonly T[]): T | undefined => {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/** A group's place (the one most of its cases name), its matter words and its area. */
function describe<C extends TopicCase>(group: Prepared<C>[]): Topic<C> {
  const placeKey = mostCommon(group.flatMap((p) => [...p.places]));
  const words = group.flatMap((p) => [...new Set([...p.matters.values()].flat())]);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const matter = [...counts]
    .sort((a, b) => b[1] - a[1] || Array.from(b[0]).length - Array.from(a[0]).length)
    .map(([w]) => w)
    .filter((w, i, all) => !all.slice(0, i).some((x) => x.includes(w)))
    .slice(0, 3);
  return {
    place: placeKey ? placeAsWritten(placeKey, group.map((p) => p.text)) : null,
    matter,
    categoryCode: mostCommon(group.map((p) => p.c.categoryCode))!,
    areaCode: commonAreaCode(group.map((p) => p.village)),
    cases: group.map((p) => p.c),
  };
}

/**
 * Text similarity for spotting duplicate and repeat cases (重复件 · 重复访).
 *
 * Character n-grams suit Chinese, which has no spaces between words, and need no
 * dictionary or model, so the same code runs in the browser and on the server.
 */

// Punctuation, symbols and all whitespace; written as Unicode classes so that Chinese
// marks (，。、“”《》…) and ASCII ones are treated alike.
const NOISE = /[\p{P}\p{S}\p{Z}\s]/gu;

/**
 * Prepares text for comparison: NFKC (fullwidth letters and digits → halfwidth,
 * ideographic space → space), lower case, and no whitespace or punctuation.
 */
export function normalizeForSimilarity(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOISE, '');
}

/**
 * The set of `n`-character substrings of `text`, counted in code points so that rare
 * characters outside the BMP are not split. Text shorter than `n` has no n-grams.
 */
export function charNgrams(text: string, n = 2): Set<string> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer: ${n}`);
  const chars = Array.from(text);
  const grams = new Set<string>();
  if (n === 2) for (let i = 0; i + 2 <= chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  else for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
  return grams;
}

/**
 * Similarity of two texts in [0, 1]: the Dice coefficient 2|A∩B| / (|A|+|B|) of the
 * character bigrams of the normalised texts. When either text is a single character,
 * single characters are compared instead. Empty texts (after normalisation) score 0,
 * so blank or punctuation-only submissions are never taken for duplicates.
 */
export function textSimilarity(a: string, b: string): number {
  return similarityOf(comparable(a), comparable(b));
}

/** A text as `textSimilarity` compares it: normalised, its length, its n-grams made on demand. */
interface Comparable {
  norm: string;
  chars: number;
  grams: Map<number, Set<string>>;
}
function comparable(text: string): Comparable {
  const norm = normalizeForSimilarity(text);
  return { norm, chars: Array.from(norm).length, grams: new Map() };
}
function gramsOf(c: Comparable, n: number): Set<string> {
  let grams = c.grams.get(n);
  if (!grams) c.grams.set(n, (grams = charNgrams(c.norm, n)));
  return grams;
}
function similarityOf(a: Comparable, b: Comparable): number {
  if (a.norm === '' || b.norm === '') return 0;
  if (a.norm === b.norm) return 1;
  const n = a.chars < 2 || b.chars < 2 ? 1 : 2;
  const ga = gramsOf(a, n);
  const gb = gramsOf(b, n);
  let shared = 0;
  for (const gram of ga) if (gb.has(gram)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/** Score from which an open similar case is marked as a possible duplicate (可合并). */
export const DUPLICATE_SCORE = 0.55;
/** Bonus for a candidate in the same village (first 12 digits of the area code equal). */
export const SAME_VILLAGE_BONUS = 0.15;
/** Bonus for a candidate from the same requester (same blind index of phone or ID). */
export const SAME_REQUESTER_BONUS = 0.2;

/** Bonus for sharing a named place or organisation (an employer, an estate, a road, a pond). */
export const SAME_ENTITY_BONUS = 0.25;
/** Bonus for being about the same kind of matter (路灯 / 照明 / 灯不亮 are one). */
export const SAME_MATTER_BONUS = 0.2;
/** Penalty when both say what the matter is and the matters differ. */
export const OTHER_MATTER_PENALTY = 0.25;
/** Bonus for the same place: the same household, or addresses alike, or within PLACE_METRES. */
export const SAME_PLACE_BONUS = 0.2;
/** Two coordinates this close are the same place. */
export const PLACE_METRES = 150;

/** The matter compared: a case being registered, or an existing one. */
export interface SimilarityProbe {
  title: string;
  content: string;
  areaCode?: string | null;
  requesterKey?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  householdId?: string | null;
}
/** A case it is compared with. */
export interface SimilarityCandidate {
  title: string;
  content: string;
  areaCode: string;
  requesterKey: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  householdId?: string | null;
}

// What names a place or an organisation, by class: the words before it are its proper name.
export const ENTITY_SUFFIXES: ReadonlyArray<[suffix: string, cls: string]> = [
  ['有限责任公司', 'org'], ['有限公司', 'org'], ['公司', 'org'], ['集团', 'org'], ['工厂', 'org'], ['厂', 'org'], ['合作社', 'org'],
  ['幼儿园', 'school'], ['小学', 'school'], ['中学', 'school'], ['学校', 'school'], ['学院', 'school'],
  ['卫生院', 'clinic'], ['医院', 'clinic'], ['诊所', 'clinic'],
  ['小区', 'estate'], ['花园', 'estate'], ['家园', 'estate'], ['新村', 'estate'], ['新城', 'estate'], ['公寓', 'estate'], ['名苑', 'estate'], ['豪庭', 'estate'], ['苑', 'estate'], ['大厦', 'estate'], ['宿舍', 'estate'],
  ['市场', 'shop'], ['超市', 'shop'], ['酒店', 'shop'], ['饭店', 'shop'], ['烧烤店', 'shop'], ['店', 'shop'], ['广场', 'shop'], ['网吧', 'shop'],
  ['大道', 'road'], ['路', 'road'], ['街', 'road'], ['巷', 'road'], ['桥', 'road'],
  ['水库', 'water'], ['山塘', 'water'], ['塘', 'water'], ['渠', 'water'], ['河', 'water'],
  ['组', 'village'],
];
// Characters that end a name going backwards: function words and verbs that precede a place.
const NAME_BREAK = new Set(Array.from('的了在是和与及到从向对把被给我你他她它们这那个里旁附近住位于有没不很就都也还又要去来说请由于其等几盏条座走人孩映诉报称'));
// A one-character suffix followed by one of these is a word of its own (路灯, 街道, 河道, 组织).
const NOT_A_SUFFIX: Readonly<Record<string, string>> = { 路: '灯面边况人费过线', 街: '道坊头', 河: '道水边', 组: '织长', 店: '铺面', 桥: '梁', 塘: '边' };
// A suffix with no proper name before it names nothing in particular.
const MIN_NAME = 2;
// Common nouns that look like names: they name no place in particular.
const GENERIC_NAMES = new Set(['池塘', '水塘', '鱼塘', '马路', '道路', '公路', '大街', '街道', '小河', '河道', '水渠', '沟渠', '大桥', '小桥', '商店', '小店', '门店', '工厂', '农村', '本村', '该村', '全村', '村组', '小组', '本组', '公园', '菜市场']);

/**
 * The named places and organisations of a text as `class:name` (e.g. `org:鑫达建筑`,
 * `estate:溪南`, `water:城郊村大`): the up to four characters before a place or organisation
 * word, stopping at function words, digits and punctuation. Several spellings of one place
 * (溪南花园 / 溪南花园小区) share the key of their first suffix.
 */
export function namedEntities(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.normalize('NFKC').split(/[\p{P}\p{S}\p{Z}\s\d]+/u)) {
    const chars = Array.from(run);
    const s = chars.join('');
    let at = 0; // the UTF-16 offset of chars[i] in s
    for (let i = 0; i < chars.length; at += chars[i]!.length, i++) {
      for (const [suffix, cls] of ENTITY_SUFFIXES) {
        if (!s.startsWith(suffix, at)) continue;
        const next = s[at + suffix.length];
        if (next && NOT_A_SUFFIX[suffix]?.includes(next)) break;
        const name: string[] = [];
        for (let j = i - 1; j >= 0 && name.length < 4; j--) {
          if (NAME_BREAK.has(chars[j]!)) break;
          name.unshift(chars[j]!);
        }
        // A one-character suffix is part of the name (大塘, 解放路); a longer one, or any of an
        // organisation (有限公司 / 公司 / 厂), varies with the speaker, so the name stands without it.
        const key = Array.from(suffix).length === 1 && cls !== 'org' ? `${name.join('')}${suffix}` : name.join('');
        if (Array.from(key).length >= MIN_NAME && !GENERIC_NAMES.has(key)) out.add(`${cls}:${key}`);
        // A suffix inside a longer one (路 in 大道) was matched by the longer suffix first.
        break;
      }
    }
  }
  return out;
}

const split = (e: string) => [e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 1)] as const;
const sameName = (x: string, y: string) => {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return Array.from(short).length >= MIN_NAME && long.includes(short);
};

/** Whether two texts name the same place or organisation: same class, one name inside the other (≥ 2 characters: 幸福 / 幸福连锁). */
export function shareEntity(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) {
    const [cx, nx] = split(x);
    for (const y of b) {
      const [cy, ny] = split(y);
      if (cx === cy && sameName(nx, ny)) return true;
    }
  }
  return false;
}

/**
 * Whether two texts are about different places or organisations: both name some (an estate, an
 * employer, a school, a road …) and none of the names match. The same complaint about
 * another estate only looks alike.
 */
export function conflictingEntities(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const named = (s: ReadonlySet<string>) => [...s].filter((e) => split(e)[0] !== 'village');
  const xs = named(a), ys = named(b);
  if (xs.length === 0 || ys.length === 0) return false;
  return !shareEntity(new Set(xs), new Set(ys));
}

/** Metres between two coordinates (equirectangular: exact enough within a county). */
export function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const x = ((lng2 - lng1) * Math.PI) / 180 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const y = ((lat2 - lat1) * Math.PI) / 180;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/** Whether two cases are at the same place: the same household, addresses alike, or coordinates close. */
export function samePlace(a: SimilarityProbe, b: SimilarityCandidate): boolean {
  if (a.householdId && a.householdId === b.householdId) return true;
  if (a.address && b.address && textSimilarity(a.address, b.address) >= 0.7) return true;
  if (a.lat != null && a.lng != null && b.lat != null && b.lng != null && metresBetween(a.lat, a.lng, b.lat, b.lng) <= PLACE_METRES) return true;
  return false;
}

/**
 * How similar a candidate is to the probe: bigram Dice of title + content, plus bonuses for what
 * a handler recognises as the same matter — the same named place or organisation (an employer,
 * an estate, a road), the same place (household, address, coordinates), the same village and the
 * same requester. Not capped, so it orders well; ≥ DUPLICATE_SCORE means "close enough to be the
 * same matter" (a possible duplicate, or a repeat of the same requester). The similar-cases
 * search and the repeat flag of registration both judge by it.
 */
export function similarityScore(probe: SimilarityProbe, candidate: SimilarityCandidate): number {
  return assessSimilarity(probe, candidate).score;
}

/**
 * The score (see `similarityScore`) and whether the candidate may be the same matter: a score of
 * at least DUPLICATE_SCORE, unless the two name different places or organisations — the same
 * complaint about another estate or another employer only looks alike, however alike the words.
 */
export function assessSimilarity(probe: SimilarityProbe, candidate: SimilarityCandidate): { score: number; sameMatter: boolean } {
  const a = `${probe.title} ${probe.content}`;
  const b = `${candidate.title} ${candidate.content}`;
  // The probe's side is worked out once for all the candidates it is compared with.
  const side = probeSide(probe, a);
  let score = similarityOf(side.text, comparable(b));
  const ea = side.entities, eb = namedEntities(`${b} ${candidate.address ?? ''}`);
  const place = samePlace(probe, candidate);
  // Both name places or organisations and none is the same: another estate's or employer's
  // matter, however alike the words (a form letter) — half the text score, no place bonuses.
  if (!place && conflictingEntities(ea, eb)) {
    return { score: score / 2 + (probe.requesterKey && probe.requesterKey === candidate.requesterKey ? SAME_REQUESTER_BONUS : 0), sameMatter: false };
  }
  if (probe.areaCode && probe.areaCode.slice(0, 12) === candidate.areaCode.slice(0, 12)) score += SAME_VILLAGE_BONUS;
  if (probe.requesterKey && probe.requesterKey === candidate.requesterKey) score += SAME_REQUESTER_BONUS;
  if (shareEntity(ea, eb)) score += SAME_ENTITY_BONUS;
  if (place) score += SAME_PLACE_BONUS;
  const ma = side.concepts, mb = matterConcepts(b, candidate.title);
  if (ma.size && mb.size) {
    // The main kind (most words, the title's counting double) decides; a shared side kind helps less.
    const main = (m: Map<string, number>) => [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
    if (main(ma) === main(mb)) score += SAME_MATTER_BONUS;
    else if ([...ma.keys()].some((k) => mb.has(k))) score += SAME_MATTER_BONUS / 4;
    else score -= OTHER_MATTER_PENALTY;
  }
  return { score, sameMatter: score >= DUPLICATE_SCORE };
}

/** What `assessSimilarity` works out of the probe alone, kept per probe object while its texts are the same. */
interface ProbeSide {
  key: string;
  text: Comparable;
  entities: Set<string>;
  concepts: Map<string, number>;
}
const probeSides = new WeakMap<SimilarityProbe, ProbeSide>();
function probeSide(probe: SimilarityProbe, text: string): ProbeSide {
  const key = `${probe.title}\u0000${probe.content}\u0000${probe.address ?? ''}`;
  const known = probeSides.get(probe);
  if (known && known.key === key) return known;
  const side = { key, text: comparable(text), entities: namedEntities(`${text} ${probe.address ?? ''}`), concepts: matterConcepts(text, probe.title) };
  probeSides.set(probe, side);
  return side;
}

/**
 * Kinds of matter and the everyday words residents use for each: two texts sharing a kind are
 * about the same sort of thing even when they share few characters (路灯不亮 / 晚上没有灯).
 * A general vocabulary of grassroots matters (not tuned to any test set; extend it freely).
 */
export const MATTER_WORDS: Readonly<Record<string, readonly string[]>> = {
  light: ['路灯', '照明', '没有灯', '灯不亮', '太黑', '黑漆漆'],
  garbage: ['垃圾', '清运', '环卫', '保洁'],
  water: ['停水', '没水', '来水', '自来水', '水压', '水管', '水表'],
  power: ['停电', '没电', '电压', '跳闸', '电线'],
  gas: ['燃气', '天然气', '煤气', '漏气'],
  property: ['物业', '物业费', '业委会', '业主大会'],
  building: ['违建', '违章', '搭建', '加盖', '扩建', '私搭乱建', '违法建筑'],
  noise: ['噪音', '噪声', '吵', '扰民', '声音特别大', '音响'],
  road: ['路面', '坑洼', '破损', '塌陷', '修补', '坑'],
  wages: ['工资', '工钱', '欠薪', '薪水', '血汗钱', '拖欠'],
  pollution: ['异味', '臭味', '废气', '排污', '污水', '偷排', '刺鼻', '污染', '发臭', '怪味'],
  fees: ['收费', '乱收费', '资料费', '补课费', '交钱', '午托费', '教辅'],
  enrolment: ['入学', '报名', '学位', '招生', '学区', '片区'],
  irrigation: ['灌溉', '漏水', '渗漏', '堤坝', '坝体', '清淤', '春耕', '水利'],
  dibao: ['低保', '特困', '救助'],
  elderly: ['养老', '高龄', '津贴', '敬老院'],
  medical: ['医保', '报销', '住院'],
  land: ['宅基地', '征地', '拆迁', '补偿款', '承包地', '流转'],
  traffic: ['停车', '占道', '拥堵', '红绿灯', '违停'],
  bus: ['公交', '班车', '客运'],
  dispute: ['纠纷', '吵架', '打架', '邻里'],
};

/** The kinds of matter a text speaks of (MATTER_WORDS), each with how many of its words occur (a title's twice). */
export function matterConcepts(text: string, title = ''): Map<string, number> {
  const out = new Map<string, number>();
  for (const [kind, words] of Object.entries(MATTER_WORDS)) {
    const n = words.filter((w) => text.includes(w)).length + words.filter((w) => title.includes(w)).length;
    if (n > 0) out.set(kind, n);
  }
  return out;
}

/** Whether a score means the same matter. */
export const isSameMatter = (score: number): boolean => score >= DUPLICATE_SCORE;

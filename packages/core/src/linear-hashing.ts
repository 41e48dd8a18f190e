/**
 * Feature hashing for the linear classifier: FNV-1a of feature strings, character n-grams (as
 * strings for explanations, as hashes for training), a seeded generator and a typed hash table.
 */

/** FNV-1a over UTF-16 code units, 32 bits. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hashes of features, for training on many cases without keeping their strings. */
export const hashFeatures = (features: readonly string[]): Uint32Array => Uint32Array.from(features, hashFeature);

const NOISE = /[\p{P}\p{S}\p{Z}\s]+/gu;

/**
 * Character 1..`maxN`-grams of `text` (NFKC, lower case, punctuation and spaces as one break),
 * prefixed `c:` so they never collide with words. Grams never span a break.
 */
export function charNgramFeatures(text: string, maxN = 3): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().split(NOISE)) {
    if (!run) continue;
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      let gram = '';
      for (let n = 1; n <= maxN && i + n <= chars.length; n++) {
        gram += chars[i + n - 1];
        out.push(`c:${gram}`);
      }
    }
  }
  return out;
}

/**
 * The hashes of `charNgramFeatures(text, maxN)`, in the same order, without making a string per
 * gram: FNV-1a is extended one character at a time from the hash of the prefix `c:`. Training on
 * 100,000 cases makes tens of millions of grams, and their strings cost more than the model.
 */
export function charNgramHashes(text: string, maxN = 3): Uint32Array {
  let prefix = 0x811c9dc5;
  for (const ch of 'c:') prefix = Math.imul(prefix ^ ch.charCodeAt(0), 0x01000193);
  const out: number[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().split(NOISE)) {
    if (!run) continue;
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      let h = prefix;
      for (let n = 1; n <= maxN && i + n <= chars.length; n++) {
        const ch = chars[i + n - 1]!;
        for (let u = 0; u < ch.length; u++) h = Math.imul(h ^ ch.charCodeAt(u), 0x01000193);
        out.push(h >>> 0);
      }
    }
  }
  return Uint32Array.from(out);
}

/** How a feature reads in an explanation: without its prefix. */
export const featureText = (f: string) => f.replace(/^[a-z]:/, '');

/** mulberry32. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An open-addressing hash table from 32-bit feature hashes to integers, in typed arrays. A Map
 * keyed by hashes above 2^30 boxes every key as a heap number; counting 30 million grams that
 * way cost more than the model's own training.
 */
export class HashCounts {
  keys: Uint32Array;
  vals: Int32Array;
  used: Uint8Array;
  size = 0;
  constructor(capacity = 1 << 16) {
    this.keys = new Uint32Array(capacity);
    this.vals = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
  }
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.used[i] && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }
  get(key: number): number {
    const i = this.slot(key);
    return this.used[i] ? this.vals[i]! : -1;
  }
  add(key: number, by: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (!this.used[i]) (this.used[i] = 1), (this.keys[i] = key), (this.vals[i] = 0), this.size++;
    this.vals[i]! += by;
  }
  /** The value of `key`, or, for a new key, `size` (ids in order of first sight). */
  intern(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (!this.used[i]) (this.used[i] = 1), (this.keys[i] = key), (this.vals[i] = this.size++);
    return this.vals[i]!;
  }
  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (!this.used[i]) (this.used[i] = 1), (this.keys[i] = key), this.size++;
    this.vals[i] = value;
  }
  private grow(): void {
    const { keys, vals, used } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.used = new Uint8Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (used[i]) this.set(keys[i]!, vals[i]!);
  }
}

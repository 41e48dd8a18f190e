/**
 * The names the redactor knows, held for fast matching: a count per name (several people share a
 * name; it stays known until the last of them goes) and, per first character, a bit mask of the
 * lengths of the names starting with it. Looking for names in a text is then, at each position,
 * one map read and — only where a known name could start — a set read per possible length: a few
 * hundred lookups for a public text, whatever the size of the dictionary (bench/eval-redact.ts
 * measures it against one big alternation regex).
 */
export class NameDictionary {
  private readonly counts = new Map<string, number>();
  /** First character → bit n set when a name of length n starts with it (bits never cleared: a stale bit costs one lookup). */
  private readonly lengths = new Map<string, number>();

  /** Chinese names only (2–6 characters of Han script); anything else is ignored. */
  static normalise(name: string): string | null {
    const clean = name.replace(/[\s·•]/g, '');
    return /^[\u3400-\u9fff]{2,6}$/.test(clean) ? clean : null;
  }

  add(name: string): void {
    const clean = NameDictionary.normalise(name);
    if (!clean) return;
    this.counts.set(clean, (this.counts.get(clean) ?? 0) + 1);
    this.lengths.set(clean[0], (this.lengths.get(clean[0]) ?? 0) | (1 << clean.length));
  }

  remove(name: string): void {
    const clean = NameDictionary.normalise(name);
    if (!clean) return;
    const n = this.counts.get(clean) ?? 0;
    if (n <= 1) this.counts.delete(clean);
    else this.counts.set(clean, n - 1);
  }

  has(name: string): boolean {
    return this.counts.has(name);
  }

  /** Number of distinct names. */
  get size(): number {
    return this.counts.size;
  }

  /** Length of the longest known name starting at `i` of `text`, 0 when none does. */
  longestAt(text: string, i: number): number {
    const mask = this.lengths.get(text[i]);
    if (!mask) return 0;
    for (let length = 6; length >= 2; length--) {
      if (mask & (1 << length) && this.counts.has(text.slice(i, i + length))) return length;
    }
    return 0;
  }

  /** A dictionary of these names (tests, the per-case names). */
  static of(names: Iterable<string>): NameDictionary {
    const d = new NameDictionary();
    for (const n of names) d.add(n);
    return d;
  }
}

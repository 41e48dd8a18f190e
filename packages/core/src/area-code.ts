/**
 * Area codes: the 12-digit 统计用区划代码 (2 province, 2 city, 2 county, 3 township, 3 village
 * digits) and 15-digit grid codes that extend a village code. A subtree is every code that starts
 * with the area's significant prefix, which turns "in my area" into an index range scan.
 */

const PREFIX_BY_LEVEL = { province: 2, city: 4, county: 6, township: 9, village: 12, grid: 15 } as const;
export type AreaLevelName = keyof typeof PREFIX_BY_LEVEL;

/** The level a code stands for, read from its trailing zero groups. */
export function levelOfCode(code: string): AreaLevelName {
  if (code.length === 15) return 'grid';
  if (code.slice(9, 12) !== '000') return 'village';
  if (code.slice(6, 9) !== '000') return 'township';
  if (code.slice(4, 6) !== '00') return 'county';
  if (code.slice(2, 4) !== '00') return 'city';
  return 'province';
}

/** The significant prefix shared by every code in the subtree of `code`. */
export function subtreePrefix(code: string): string {
  return code.slice(0, PREFIX_BY_LEVEL[levelOfCode(code)]);
}

const ranges = new Map<string, [string, string]>();

/** [lo, hi) such that a code is in the subtree exactly when lo <= code < hi (digit strings). */
export function subtreeRange(code: string): [string, string] {
  let range = ranges.get(code);
  if (!range) {
    const prefix = subtreePrefix(code);
    range = [prefix, (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0')];
    // Policy checks ask for the same few codes on every request; codes are a bounded set.
    if (ranges.size < 100_000) ranges.set(code, range);
  }
  return range;
}

/** True when `code` lies in the subtree of `root` (root included). */
export function isInSubtree(code: string, root: string): boolean {
  const [lo, hi] = subtreeRange(root);
  return code >= lo && code < hi;
}

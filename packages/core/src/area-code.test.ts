import { describe, expect, it } from 'vitest';
import { isInSubtree, levelOfCode, subtreePrefix, subtreeRange } from './area-code.js';

describe('area codes', () => {
  it('reads the level from the code', () => {
    expect(levelOfCode('340000000000')).toBe('province');
    expect(levelOfCode('341100000000')).toBe('city');
    expect(levelOfCode('341122000000')).toBe('county');
    expect(levelOfCode('341122100000')).toBe('township');
    expect(levelOfCode('341122100201')).toBe('village');
    expect(levelOfCode('341122100201001')).toBe('grid');
  });
  it('turns a subtree into a range', () => {
    expect(subtreeRange('341122100000')).toEqual(['341122100', '341122101']);
    expect(subtreeRange('341122199000')).toEqual(['341122199', '341122200']);
  });
  it('includes grids in their village and excludes neighbours', () => {
    expect(isInSubtree('341122100201001', '341122100201')).toBe(true);
    expect(isInSubtree('341122100202', '341122100201')).toBe(false);
    expect(isInSubtree('341122100202', '341122100000')).toBe(true);
    expect(isInSubtree('341122101202', '341122100000')).toBe(false);
  });

  it('reads the significant prefix of each level and places grids in their township, not a neighbour', () => {
    expect(subtreePrefix('360000000000')).toBe('36');
    expect(subtreePrefix('369900000000')).toBe('3699');
    expect(subtreePrefix('369901000000')).toBe('369901');
    expect(subtreePrefix('369901100000')).toBe('369901100');
    expect(subtreePrefix('369901100001')).toBe('369901100001');
    expect(subtreePrefix('369901100001001')).toBe('369901100001001');
    expect(isInSubtree('369901100001001', '369901100000')).toBe(true);
    expect(isInSubtree('369901100000', '369901100000')).toBe(true);
    expect(isInSubtree('369901200201', '369901100000')).toBe(false);
    expect(isInSubtree('369901100000', '369901100001')).toBe(false);
  });
});

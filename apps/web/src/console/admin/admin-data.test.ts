import { describe, expect, it } from 'vitest';
import { childCodePrefix, childLevel, flattenTree } from './admin-data';

describe('admin data helpers', () => {
  it('knows the level and code prefix of a new sub-area', () => {
    expect(childLevel('county')).toBe('township');
    expect(childLevel('grid')).toBeNull();
    expect(childCodePrefix({ code: '369901000000', level: 'county' })).toBe('369901');
    expect(childCodePrefix({ code: '369901100000', level: 'township' })).toBe('369901100');
    expect(childCodePrefix({ code: '369901100202', level: 'village' })).toBe('369901100202');
  });

  it('flattens a tree depth first', () => {
    const tree = [{ id: 1, children: [{ id: 2, children: [] }] }, { id: 3, children: [] }];
    expect(flattenTree(tree).map((n) => n.id)).toEqual([1, 2, 3]);
  });
});

import { subtreePrefix } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { childLevel, flattenTree } from './admin-logic';

describe('admin logic helpers', () => {
  it('knows the level and code prefix of a new sub-area', () => {
    expect(childLevel('county')).toBe('township');
    expect(childLevel('grid')).toBeNull();
    // The form proposes the parent's significant prefix (core's area-code arithmetic).
    expect(subtreePrefix('369901000000')).toBe('369901');
    expect(subtreePrefix('369901100000')).toBe('369901100');
    expect(subtreePrefix('369901100202')).toBe('369901100202');
  });

  it('flattens a tree depth first', () => {
    const tree = [{ id: 1, children: [{ id: 2, children: [] }] }, { id: 3, children: [] }];
    expect(flattenTree(tree).map((n) => n.id)).toEqual([1, 2, 3]);
  });
});

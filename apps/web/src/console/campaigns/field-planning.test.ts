import { describe, expect, it } from 'vitest';
import { findArea, holdsRoleOver, isInSubtree, plannableAreas, subtreePrefix } from './field-planning';

const tree = [
  {
    value: '369901000000',
    title: '青溪县',
    children: [
      { value: '369901100000', title: '城关镇', children: [{ value: '369901100001', title: '东门社区', children: [{ value: '369901100001001', title: '第一网格' }] }] },
      { value: '369901200000', title: '河口乡', children: [{ value: '369901200201', title: '河口村' }] },
    ],
  },
];

describe('area subtrees', () => {
  it('reads the significant prefix of each level', () => {
    expect(subtreePrefix('360000000000')).toBe('36');
    expect(subtreePrefix('369900000000')).toBe('3699');
    expect(subtreePrefix('369901000000')).toBe('369901');
    expect(subtreePrefix('369901100000')).toBe('369901100');
    expect(subtreePrefix('369901100001')).toBe('369901100001');
    expect(subtreePrefix('369901100001001')).toBe('369901100001001');
  });

  it('places villages and grids in their township, not in a neighbour', () => {
    expect(isInSubtree('369901100001001', '369901100000')).toBe(true);
    expect(isInSubtree('369901100000', '369901100000')).toBe(true);
    expect(isInSubtree('369901200201', '369901100000')).toBe(false);
    expect(isInSubtree('369901100000', '369901100001')).toBe(false);
  });

  it('checks a role over an area', () => {
    const grants = [
      { role: 'registrar' as const, areaCode: '369901000000' },
      { role: 'dispatcher' as const, areaCode: '369901100000' },
    ];
    expect(holdsRoleOver(grants, ['dispatcher'], '369901100001')).toBe(true);
    expect(holdsRoleOver(grants, ['dispatcher'], '369901200201')).toBe(false);
    expect(holdsRoleOver(grants, ['dispatcher'], '369901000000')).toBe(false);
  });
});

describe('plannable areas', () => {
  it('keeps the subtrees of planning grants only', () => {
    expect(plannableAreas(tree, [{ role: 'dispatcher', areaCode: '369901100000' }]).map((n) => n.title)).toEqual(['城关镇']);
    expect(plannableAreas(tree, [{ role: 'leader', areaCode: '369901000000' }]).map((n) => n.title)).toEqual(['青溪县']);
    // A registrar or a cadre plans nothing.
    expect(plannableAreas(tree, [{ role: 'registrar', areaCode: '369901000000' }, { role: 'stationed_cadre', areaCode: '369901100001' }])).toEqual([]);
  });

  it('finds a node anywhere in the tree', () => {
    expect(findArea(tree, '369901100001')?.title).toBe('东门社区');
    expect(findArea(tree, '369901999999')).toBeUndefined();
  });
});

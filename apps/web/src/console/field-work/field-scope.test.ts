import { describe, expect, it } from 'vitest';
import { areaOptions, holdsRoleOver, isInSubtree, isVillageCode, reachOf, subtreePrefix } from './field-scope';


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

const TREE: Parameters<typeof areaOptions>[0] = [
  {
    code: '369901000000',
    name: '青溪县',
    level: 'county',
    children: [
      {
        code: '369901100000',
        name: '城关镇',
        level: 'township',
        children: [
          { code: '369901100202', name: '凤岭村', level: 'village', children: [{ code: '369901100202001', name: '第一网格', level: 'grid' }] },
          { code: '369901100201', name: '城郊村', level: 'village' },
        ],
      },
      { code: '369901101000', name: '青山镇', level: 'township', children: [{ code: '369901101202', name: '石门村', level: 'village' }] },
    ],
  },
];

describe('area options', () => {
  it('keeps the whole tree for a county role, without grids', () => {
    const county = areaOptions(TREE, ['369901000000']);
    expect(county).toHaveLength(1);
    const fengling = county[0]!.children![0]!.children![0]!;
    expect(fengling).toMatchObject({ value: '369901100202', title: '凤岭村' });
    expect(fengling.children).toBeUndefined();
  });

  it('cuts the tree to a village cadre’s own village', () => {
    expect(areaOptions(TREE, ['369901100202']).map((o) => o.title)).toEqual(['凤岭村']);
    expect(areaOptions(TREE, ['369901101000', '369901100201']).map((o) => o.title)).toEqual(['城郊村', '青山镇']);
  });

  it('lets only villages be chosen in a village picker', () => {
    const [county] = areaOptions(TREE, ['369901000000'], { villagesOnly: true });
    expect(county!.selectable).toBe(false);
    expect(county!.children![0]!.selectable).toBe(false);
    expect(county!.children![0]!.children![0]!.selectable).toBeUndefined();
  });

  it('finds the roots of the roles and tells villages', () => {
    const grants = [
      { role: 'stationed_cadre' as const, areaCode: '369901100202' },
      { role: 'handler' as const, areaCode: '369901000000' },
      { role: 'registrar' as const, areaCode: '369901100202' },
    ];
    expect(reachOf(grants, ['stationed_cadre', 'registrar'])).toEqual(['369901100202']);
    expect(isVillageCode('369901100202')).toBe(true);
    expect(isVillageCode('369901100000')).toBe(false);
    expect(isVillageCode('369901100202001')).toBe(false);
  });
});

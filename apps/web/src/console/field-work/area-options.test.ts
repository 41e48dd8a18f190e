import { describe, expect, it } from 'vitest';
import { reachOf } from '@lianxin/core';
import { areaOptions, isVillageCode } from './area-options';

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

  it('finds the roots of an ability and tells villages', () => {
    const grants = [
      { role: 'stationed_cadre' as const, areaCode: '369901100202', unitId: 'v' },
      { role: 'handler' as const, areaCode: '369901000000', unitId: 'd' },
      { role: 'registrar' as const, areaCode: '369901100202', unitId: 'v' },
    ];
    expect(reachOf(grants, 'field.write')).toEqual(['369901100202']);
    expect(isVillageCode('369901100202')).toBe(true);
    expect(isVillageCode('369901100000')).toBe(false);
    expect(isVillageCode('369901100202001')).toBe(false);
  });
});

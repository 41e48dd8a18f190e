import type { Role } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { cadresOutside, campaignPhase, coverageRows, evenShares, percentOf, recordVisitHref, renameFields, targetQuery, unassignedCount } from './campaign-logic';

const coverage = {
  total: 9,
  visited: 3,
  rate: 0.333,
  byVillage: [
    { villageCode: '369901100001', villageName: '东门社区', total: 4, visited: 3, rate: 0.75 },
    { villageCode: '369901100002', villageName: '西门社区', total: 5, visited: 0, rate: 0 },
  ],
  byCadre: [
    { cadre: null, total: 2, visited: 0, rate: 0 },
    { cadre: { id: 'user-dongmen', name: '王秀兰' }, total: 4, visited: 3, rate: 0.75 },
    { cadre: { id: 'user-ximen', name: '胡春燕' }, total: 3, visited: 0, rate: 0 },
  ],
};

describe('campaign logic', () => {
  it('tells the phase from China-time dates, both ends inclusive', () => {
    expect(campaignPhase('2026-03-01', '2026-03-31', '2026-02-28')).toBe('upcoming');
    expect(campaignPhase('2026-03-01', '2026-03-31', '2026-03-01')).toBe('active');
    expect(campaignPhase('2026-03-01', '2026-03-31', '2026-03-31')).toBe('active');
    expect(campaignPhase('2026-03-01', '2026-03-31', '2026-04-01')).toBe('ended');
  });

  it('rounds percentages down so 99.9% never shows as done', () => {
    expect(percentOf({ visited: 999, total: 1000 })).toBe(99);
    expect(percentOf({ visited: 0, total: 0 })).toBe(0);
    expect(percentOf({ visited: 1, total: 3 })).toBe(33);
  });

  it('puts the villages and cadres that lag first and unassigned targets last', () => {
    const { villages, cadres } = coverageRows(coverage);
    expect(villages.map((v) => [v.name, v.visited, v.total, v.percent])).toEqual([
      ['西门社区', 0, 5, 0],
      ['东门社区', 3, 4, 75],
    ]);
    expect(cadres.map((c) => c.name)).toEqual(['胡春燕', '王秀兰', null]);
    expect(cadres[2]).toMatchObject({ key: 'unassigned', total: 2 });
    expect(unassignedCount(coverage)).toBe(2);
  });

  it('splits targets evenly like the server, the first cadres taking the remainder', () => {
    expect(evenShares(7, 3)).toEqual([3, 2, 2]);
    expect(evenShares(2, 3)).toEqual([1, 1, 0]);
    expect(evenShares(5, 0)).toEqual([]);
  });

  it('links the visit form with the campaign and household', () => {
    expect(recordVisitHref('c-1', 'h-2')).toBe('/visits/new?campaignId=c-1&householdIds=h-2');
  });

  it('turns the list filters into the targets query', () => {
    expect(targetQuery({ visited: 'unvisited' })).toEqual({ cadre: undefined, visited: false, limit: 50, offset: undefined });
    expect(targetQuery({ cadre: 'user-x', visited: 'visited', offset: 50 })).toEqual({ cadre: 'user-x', visited: true, limit: 50, offset: 50 });
    expect(targetQuery({ visited: 'all' }).visited).toBeUndefined();
  });

  it('renames server fields to the form’s, keeping nested paths and unknown fields', () => {
    const renamed = renameFields(
      [
        { field: 'startsAt', message: 'a' },
        { field: 'endsAt', message: 'b' },
        { field: 'place', message: 'c' },
      ],
      { startsAt: 'startTime', endsAt: 'endTime' },
    );
    expect(renamed.map((p) => p.field)).toEqual(['startTime', 'endTime', 'place']);
  });

  it('names the cadres who cannot visit every household of the range', () => {
    const person = (id: string, grants: Array<[Role, string]>) => ({ id, username: id, displayName: id, grants: grants.map(([role, areaCode]) => ({ role, areaCode, unitId: 'u', unitName: 'u' })) });
    const village = person('wang', [['handler', '369901100000'], ['stationed_cadre', '369901100001']]);
    const township = person('wen', [['dispatcher', '369901100000']]);
    expect(cadresOutside([village, township], '369901100000').map((p) => p.id)).toEqual(['wang']);
    expect(cadresOutside([village, township], '369901100001001')).toEqual([]);
  });
});

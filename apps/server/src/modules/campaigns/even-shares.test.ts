import { describe, expect, it } from 'vitest';
import { planEvenShares, type ShareCadre, type ShareTarget } from './even-shares.js';

const VILLAGE_A = '369901100201';
const VILLAGE_B = '369901100202';
const TOWN = '369901100000';
/** A cadre stationed (field.write) at these areas. */
const cadre = (id: string, ...areaCodes: string[]): ShareCadre => ({ id, grants: areaCodes.map((areaCode) => ({ role: 'stationed_cadre', unitId: `unit-${areaCode}`, areaCode })) });
const targets = (area: string, n: number, prefix: string): ShareTarget[] => Array.from({ length: n }, (_, i) => ({ householdId: `${prefix}${i + 1}`, areaCode: area }));

describe('planEvenShares', () => {
  it('splits evenly in runs of neighbours when every cadre may visit every household', () => {
    const result = planEvenShares(targets(VILLAGE_A, 5, 'a'), [
      cadre('wang', TOWN),
      cadre('hu', TOWN),
    ]);
    expect(result).toEqual({ plan: [['wang', ['a1', 'a2', 'a3']], ['hu', ['a4', 'a5']]] });
  });

  it('gives a village cadre only the households of their village', () => {
    const result = planEvenShares([...targets(VILLAGE_A, 3, 'a'), ...targets(`${VILLAGE_A}001`, 1, 'g'), ...targets(VILLAGE_B, 2, 'b')], [
      cadre('dongmen', VILLAGE_A),
      cadre('ximen', VILLAGE_B),
    ]);
    expect(result).toEqual({ plan: [['dongmen', ['a1', 'a2', 'a3', 'g1']], ['ximen', ['b1', 'b2']]] });
  });

  it('balances a township cadre against a village cadre across blocks', () => {
    // The township cadre may go anywhere; the village cadre only to village A, so takes more of it.
    const result = planEvenShares([...targets(VILLAGE_A, 4, 'a'), ...targets(VILLAGE_B, 2, 'b')], [
      cadre('town', TOWN),
      cadre('dongmen', VILLAGE_A),
    ]);
    expect(result).toEqual({ plan: [['town', ['a1', 'b1', 'b2']], ['dongmen', ['a2', 'a3', 'a4']]] });
    if (!('plan' in result)) throw new Error('no plan');
    expect(result.plan.flatMap(([, ids]) => ids).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2']);
  });

  it('names the first household no chosen cadre may visit', () => {
    const result = planEvenShares([...targets(VILLAGE_A, 1, 'a'), ...targets(VILLAGE_B, 1, 'b')], [cadre('dongmen', VILLAGE_A)]);
    expect(result).toEqual({ unreachable: { householdId: 'b1', areaCode: VILLAGE_B } });
  });

  it('counts only grants that carry field.write: an admin of the town may not be given households', () => {
    const admin: ShareCadre = { id: 'admin', grants: [{ role: 'admin', unitId: 'unit-town', areaCode: TOWN }] };
    expect(planEvenShares(targets(VILLAGE_A, 1, 'a'), [admin])).toEqual({ unreachable: { householdId: 'a1', areaCode: VILLAGE_A } });
  });
});

import { describe, expect, it } from 'vitest';
import { type CadreFigures, DEFAULT_ITEM_WEIGHTS, objectiveJi, objectiveQin, rankAndGrade, scoreCadre } from './evaluation.js';

const none: CadreFigures = { cases: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, composite: null, overdueCases: 0, visits: 0, fieldDays: 0, fieldDaysRequired: 0, officeDaysAttended: 0, officeDaysHeld: 0, accountabilityConfirmed: 0, supervisionLate: 0 };
const flat = (x: number) => ({ de: x, neng: x, qin: x, ji: x, lian: x });

describe('objective figures', () => {
  it('勤 from field days against the rule and office days, less late supervision answers', () => {
    expect(objectiveQin(none)).toBeNull();
    expect(objectiveQin({ ...none, fieldDays: 6, fieldDaysRequired: 12, officeDaysAttended: 4, officeDaysHeld: 4 })).toBe(75);
    expect(objectiveQin({ ...none, fieldDays: 20, fieldDaysRequired: 12, supervisionLate: 2 })).toBe(90);
  });
  it('绩 from the composite, less confirmed accountability and overdue cases', () => {
    expect(objectiveJi(none)).toBeNull();
    expect(objectiveJi({ ...none, composite: 0.9, accountabilityConfirmed: 1, overdueCases: 2 })).toBe(81);
  });
});

describe('scoreCadre', () => {
  const w = { sources: { leader: 0.3, organisation: 0.3, peer: 0.2, public: 0.2 }, items: DEFAULT_ITEM_WEIGHTS, objectiveShare: 0.5 };
  it('shares a missing source’s weight among the others', () => {
    const r = scoreCadre({ leader: flat(90), organisation: flat(80), peer: null, public: null }, none, w);
    expect(r.score).toBe(85);
    expect(r.bySource).toEqual({ leader: 90, organisation: 80, peer: null, public: null });
  });
  it('blends the figures into 勤 and 绩 only', () => {
    const r = scoreCadre({ leader: flat(80), organisation: flat(80), peer: flat(80), public: flat(80) }, { ...none, composite: 1 }, w);
    expect(r.items).toEqual({ de: 80, neng: 80, qin: 80, ji: 90, lian: 80 });
  });
});

describe('rankAndGrade', () => {
  const q = { excellentShare: 0.2, excellentMinScore: 85, competentMinScore: 60, basicMinScore: 50 };
  it('never gives more 优秀 than the quota, even on ties; equal scores share a rank', () => {
    const entries = [95, 95, 95, 70, 55, 40, 90, 88, 86, 86].map((score, i) => ({ score, group: 'g', tieBreak: String(i) }));
    const out = rankAndGrade(entries, q);
    expect(out.filter((o) => o.grade === 'excellent')).toHaveLength(2);
    expect(out.slice(0, 3).map((o) => o.rank)).toEqual([1, 1, 1]);
    expect(out[3].rank).toBe(4);
    expect(out.find((o) => o.entry.score === 55)!.grade).toBe('basically_competent');
    expect(out.find((o) => o.entry.score === 40)!.grade).toBe('incompetent');
  });
  it('ranks each peer group apart', () => {
    const out = rankAndGrade([{ score: 70, group: 'a', tieBreak: '1' }, { score: 90, group: 'b', tieBreak: '2' }, { score: 60, group: 'a', tieBreak: '3' }], q);
    expect(out.map((o) => [o.entry.group, o.rank, o.groupSize])).toEqual([['a', 1, 2], ['a', 2, 2], ['b', 1, 1]]);
  });
});

import { describe, expect, it } from 'vitest';
import { percent, townshipRows, verdictOf, visibleLines, weekCell, weekColumns } from './report-logic';
import type { CadreCompliance, WeekResult } from '@lianxin/core';

const week = (label: string, from: string, to: string, daysPresent: number, evaluated: boolean, compliant: boolean | null): WeekResult => ({ week: label, from, to, daysPresent, evaluated, compliant });
const W47 = week('2026-W47', '2026-11-16', '2026-11-22', 2, true, false);
const W48 = week('2026-W48', '2026-11-23', '2026-11-29', 3, true, true);
const W49 = week('2026-W49', '2026-11-30', '2026-12-06', 1, false, null);

function line(over: Partial<CadreCompliance> & { id: string }): CadreCompliance {
  return {
    assignmentId: `a-${over.id}`,
    cadre: { id: over.id, name: over.id, unit: null },
    village: { code: '369901101202', name: '石门村' },
    township: { code: '369901101000', name: '青山镇' },
    startsOn: '2026-11-16',
    endsOn: null,
    minDaysPerWeek: 3,
    daysPresent: 6,
    weeksEvaluated: 2,
    weeksCompliant: 1,
    complianceRate: 0.5,
    flagged: true,
    weeks: [W47, W48, W49],
    ...over,
  };
}

describe('the cadre table', () => {
  it('lists every week of the report once, oldest first', () => {
    const late = line({ id: 'b', weeks: [W49, W48] });
    expect(weekColumns([late, line({ id: 'a' })]).map((w) => w.week)).toEqual(['2026-W47', '2026-W48', '2026-W49']);
  });

  it('reads a week as the API judged it: two days against three is short, the running week is not judged', () => {
    const a = line({ id: 'a' });
    expect(weekCell(a, '2026-W47', '2026-12-04')).toEqual({ kind: 'short', days: 2, required: 3 });
    expect(weekCell(a, '2026-W48', '2026-12-04')).toEqual({ kind: 'met', days: 3, required: 3 });
    expect(weekCell(a, '2026-W49', '2026-12-04').kind).toBe('running');
    // A week the period or the assignment cut, already over: shown as partial, never red.
    expect(weekCell(line({ id: 'c', weeks: [week('2026-W46', '2026-11-09', '2026-11-15', 1, false, null)] }), '2026-W46', '2026-12-04').kind).toBe('partial');
    expect(weekCell(line({ id: 'd', weeks: [W48] }), '2026-W47', '2026-12-04').kind).toBe('none');
  });

  it('gives each line a verdict and puts the flagged first', () => {
    expect(verdictOf({ flagged: true, weeksEvaluated: 3 })).toBe('flagged');
    expect(verdictOf({ flagged: false, weeksEvaluated: 0 })).toBe('pending');
    expect(verdictOf({ flagged: false, weeksEvaluated: 2 })).toBe('compliant');
    const ok = line({ id: 'ok', flagged: false, weeksCompliant: 2 });
    const fresh = line({ id: 'fresh', flagged: false, weeksEvaluated: 0, weeksCompliant: 0 });
    const short = line({ id: 'short' });
    expect(visibleLines([fresh, ok, short], false).map((l) => l.cadre.id)).toEqual(['short', 'ok', 'fresh']);
    expect(visibleLines([fresh, ok, short], true).map((l) => l.cadre.id)).toEqual(['short']);
  });
});

describe('the township summary', () => {
  it('counts cadres once, flagged anywhere wins, and rates judged weeks', () => {
    const town = { code: '369901101000', name: '青山镇' };
    const other = { code: '369901200000', name: '河口乡' };
    const twice = [line({ id: 'x' }), line({ id: 'x', assignmentId: 'a-x2', flagged: false, weeksEvaluated: 2, weeksCompliant: 2 })];
    const report = {
      townships: [
        { township: town, assignments: 3, cadres: 2, weeksEvaluated: 6, weeksCompliant: 5, complianceRate: 0.833, flaggedCadres: 1 },
        { township: other, assignments: 1, cadres: 1, weeksEvaluated: 0, weeksCompliant: 0, complianceRate: null, flaggedCadres: 0 },
      ],
      cadres: [...twice, line({ id: 'y', flagged: false, weeksCompliant: 2 }), line({ id: 'z', township: other, flagged: false, weeksEvaluated: 0, weeksCompliant: 0 })],
    };
    const { townships, total } = townshipRows(report);
    expect(townships[0]).toMatchObject({ name: '青山镇', cadres: 2, compliant: 1, flagged: 1, pending: 0, weeksEvaluated: 6, weeksCompliant: 5 });
    expect(townships[0]!.rate).toBeCloseTo(5 / 6);
    expect(townships[1]).toMatchObject({ name: '河口乡', cadres: 1, compliant: 0, flagged: 0, pending: 1, rate: null });
    expect(total).toMatchObject({ cadres: 3, compliant: 1, flagged: 1, pending: 1 });
  });

  it('prints rates with one decimal', () => {
    expect(percent(5 / 6)).toBe('83.3%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import {
  areaForHouseholds,
  canConvert,
  confidentCategory,
  defaultVisitArea,
  diaryPeriod,
  idsFromLink,
  isInFuture,
  keptProblemRows,
  laterTimes,
  needsCategory,
  periodRange,
  photoStates,
  shiftPeriod,
  stationedVillage,
  switchPeriodKind,
  toVisitBody,
  visitFormField,
} from './visit-logic';

const H1 = '0b6f4a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b';
const H2 = '1c7f4a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5c';

describe('the diary period', () => {
  it('comes from the address, else this week', () => {
    expect(diaryPeriod(new URLSearchParams('month=2026-03'), '2026-12-04')).toEqual({ kind: 'month', label: '2026-03' });
    expect(diaryPeriod(new URLSearchParams('week=2026-W10'), '2026-12-04')).toEqual({ kind: 'week', label: '2026-W10' });
    expect(diaryPeriod(new URLSearchParams(''), '2026-12-04')).toEqual({ kind: 'week', label: '2026-W49' });
    // A week 53 that 2025 does not have (2026 does), and garbage, fall back to this week.
    expect(diaryPeriod(new URLSearchParams('week=2025-W53'), '2026-12-04').label).toBe('2026-W49');
    expect(diaryPeriod(new URLSearchParams('week=2026-W53'), '2026-12-04').label).toBe('2026-W53');
    expect(diaryPeriod(new URLSearchParams('month=2026-13'), '2026-12-04')).toEqual({ kind: 'week', label: '2026-W49' });
  });

  it('steps by weeks across a year end and by months', () => {
    expect(shiftPeriod({ kind: 'week', label: '2026-W52' }, 1)).toEqual({ kind: 'week', label: '2026-W53' });
    expect(shiftPeriod({ kind: 'week', label: '2026-W53' }, 1)).toEqual({ kind: 'week', label: '2027-W01' });
    expect(shiftPeriod({ kind: 'week', label: '2026-W01' }, -1)).toEqual({ kind: 'week', label: '2025-W52' });
    expect(shiftPeriod({ kind: 'month', label: '2026-12' }, 1)).toEqual({ kind: 'month', label: '2027-01' });
    expect(shiftPeriod({ kind: 'month', label: '2026-01' }, -1)).toEqual({ kind: 'month', label: '2025-12' });
  });

  it('switches between a week and its month, staying on today when the period holds it', () => {
    // Another week: the month of its Thursday; another month: its first week.
    expect(switchPeriodKind({ kind: 'week', label: '2026-W49' }, '2026-06-01')).toEqual({ kind: 'month', label: '2026-12' });
    expect(switchPeriodKind({ kind: 'week', label: '2026-W48' }, '2026-06-01')).toEqual({ kind: 'month', label: '2026-11' });
    expect(switchPeriodKind({ kind: 'month', label: '2026-03' }, '2026-06-01')).toEqual({ kind: 'week', label: '2026-W09' });
    // Monday 30 November is in 2026-W49, whose Thursday is in December: this week → this month.
    expect(switchPeriodKind({ kind: 'week', label: '2026-W49' }, '2026-11-30')).toEqual({ kind: 'month', label: '2026-11' });
    expect(switchPeriodKind({ kind: 'month', label: '2026-11' }, '2026-11-30')).toEqual({ kind: 'week', label: '2026-W49' });
    expect(switchPeriodKind({ kind: 'month', label: '2026-12' }, '2026-12-17')).toEqual({ kind: 'week', label: '2026-W51' });
    expect(periodRange({ kind: 'week', label: '2026-W49' })).toEqual(['2026-11-30', '2026-12-06']);
    expect(periodRange({ kind: 'month', label: '2026-02' })).toEqual(['2026-02-01', '2026-02-28']);
  });
});

describe('the visit form', () => {
  it('takes household ids from a link, well-formed and once each', () => {
    expect(idsFromLink(`${H1},${H1}, ${H2},x;drop`)).toEqual([H1, H2]);
    expect(idsFromLink(null)).toEqual([]);
  });

  it('starts in the cadre’s own village when there is one', () => {
    expect(defaultVisitArea([{ role: 'stationed_cadre', areaCode: '369901100202' }, { role: 'handler', areaCode: '369901100202' }])).toBe('369901100202');
    expect(defaultVisitArea([{ role: 'dispatcher', areaCode: '369901000000' }])).toBeUndefined();
    expect(defaultVisitArea([{ role: 'stationed_cadre', areaCode: '369901100201' }, { role: 'stationed_cadre', areaCode: '369901100202' }])).toBeUndefined();
  });

  it('builds the body: empty problems dropped, a problem’s household kept only when visited, the case only on 带案下访', () => {
    const body = toVisitBody(
      {
        kind: 'visit',
        areaCode: '369901100202',
        householdIds: [H1],
        notes: '  入户了解情况  ',
        delivered: ['warmth'],
        problems: [{ text: '  ' }, { text: '屋顶漏雨', categoryCode: 'urban.housing', householdId: H1 }, { text: '路灯坏了', householdId: H2 }],
      },
      ['p1'],
      { lat: 27.8, lng: 115.9, accuracy: 12 },
      'case-1',
    );
    expect(body).toEqual({
      kind: 'visit',
      occurredAt: undefined,
      areaCode: '369901100202',
      householdIds: [H1],
      place: undefined,
      checkIn: { lat: 27.8, lng: 115.9, accuracy: 12 },
      notes: '入户了解情况',
      delivered: ['warmth'],
      photoIds: ['p1'],
      problems: [
        { text: '屋顶漏雨', categoryCode: 'urban.housing', householdId: H1 },
        { text: '路灯坏了', categoryCode: undefined, householdId: undefined },
      ],
      campaignId: undefined,
      caseId: undefined,
    });
    expect(toVisitBody({ kind: 'case_outreach', areaCode: '369901100202', place: '村委会' }, [], null, 'case-1').caseId).toBe('case-1');
  });

  it('puts a server error on the form row it came from', () => {
    const values = { kind: 'visit' as const, areaCode: 'x', problems: [{ text: '' }, { text: 'a' }, { text: 'b' }] };
    expect(keptProblemRows(values)).toEqual([1, 2]);
    expect(visitFormField('problems.1.categoryCode', keptProblemRows(values))).toEqual(['problems', 2, 'categoryCode']);
    expect(visitFormField('householdIds', [])).toEqual(['householdIds']);
    expect(visitFormField('checkIn.lat', [])).toEqual(['checkIn']);
    expect(visitFormField('caseId', [])).toEqual(['caseCode']);
    expect(visitFormField('photoIds', [])).toEqual(['photos']);
  });

  it('refuses a time ahead of now beyond the server’s five minutes, and greys out the rest of today', () => {
    const now = new Date('2026-12-05T02:00:00Z');
    expect(isInFuture(new Date('2026-12-05T02:04:59Z'), now)).toBe(false);
    expect(isInFuture(new Date('2026-12-05T02:05:01Z'), now)).toBe(true);
    expect(isInFuture(new Date('2026-12-04T23:00:00Z'), now)).toBe(false);
    const later = laterTimes({ hour: 22, minute: 57 });
    expect(later.hours).toEqual([23]);
    expect(later.minutes(22)).toEqual([58, 59]);
    expect(later.minutes(21)).toEqual([]);
    expect(later.minutes(23)).toHaveLength(60);
    expect(laterTimes({ hour: 23, minute: 59 }).hours).toEqual([]);
  });

  it('starts where the households of a link are, and where the cadre is stationed', () => {
    const village = '369901100202';
    expect(areaForHouseholds(village, [{ areaCode: '369901100202001' }])).toBe(village);
    expect(areaForHouseholds(village, [{ areaCode: '369901100201' }])).toBe('369901100201');
    expect(areaForHouseholds(undefined, [{ areaCode: '369901100201003' }])).toBe('369901100201');
    // A township-wide choice already holds its villages.
    expect(areaForHouseholds('369901100000', [{ areaCode: '369901100201' }])).toBe('369901100000');
    expect(areaForHouseholds(village, [])).toBe(village);
    const assignment = (cadre: string, code: string) => ({ cadre: { id: cadre }, village: { code } });
    expect(stationedVillage([assignment('u2', '369901100201'), assignment('u1', village)], 'u1')).toBe(village);
    expect(stationedVillage([assignment('u1', '369901100201'), assignment('u1', village)], 'u1')).toBeUndefined();
    expect(stationedVillage([assignment('u2', village)], 'u1')).toBeUndefined();
  });

  it('tells photos still uploading from failed ones', () => {
    expect(photoStates([{ status: 'done' }, { status: 'uploading' }, { status: 'error' }, { status: 'error' }])).toEqual({ uploading: 1, failed: 2 });
    expect(photoStates([])).toEqual({ uploading: 0, failed: 0 });
  });

  it('preselects a suggested category only when the model is confident', () => {
    const s = (code: string, confidence: number) => ({ code, name: code, confidence });
    expect(confidentCategory([s('urban.roads', 0.2), s('environment.sanitation', 0.71)])).toBe('environment.sanitation');
    expect(confidentCategory([s('urban.roads', 0.49), s('environment.sanitation', 0.3)])).toBeUndefined();
    expect(confidentCategory([])).toBeUndefined();
  });

  it('knows which problems still wait for a case, and which need a category first', () => {
    expect(canConvert({ caseId: null, convertedAt: null })).toBe(true);
    expect(canConvert({ caseId: 'c', convertedAt: '2026-12-04T00:00:00Z' })).toBe(false);
    expect(needsCategory({ categoryCode: null })).toBe(true);
    expect(needsCategory({ categoryCode: 'urban.roads' })).toBe(false);
  });
});

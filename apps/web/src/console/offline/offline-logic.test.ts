import { describe, expect, it } from 'vitest';
import type { OfflineSurvey, QueueItem } from './offline-db';
import { countsOf, fieldChoices, resolvedChanges, surveysReaching } from './offline-logic';

describe('the offline queue', () => {
  it('counts what still needs the signal or the cadre', () => {
    const counts = countsOf([{ state: 'waiting' }, { state: 'syncing' }, { state: 'failed' }, { state: 'conflict' }, { state: 'done' }, { state: 'done' }]);
    expect(counts).toEqual({ waiting: 2, failed: 1, conflict: 1, done: 2, pending: 4 });
  });
});

describe('resolving a household edited meanwhile', () => {
  const base = { needs: '无', phone: '13900000000', notes: '旧备注' };
  const mine = { needs: '需要助餐', phone: '13907985555' };
  const theirs = { needs: '需要危房改造', phone: '13900000000', notes: '他人改的备注' };

  it('shows each field the cadre changed, marking those both changed differently', () => {
    expect(fieldChoices(base, mine, theirs)).toEqual([
      { field: 'needs', base: '无', mine: '需要助餐', theirs: '需要危房改造', clash: true },
      { field: 'phone', base: '13900000000', mine: '13907985555', theirs: '13900000000', clash: false },
    ]);
  });

  it('keeps mine, keeps theirs, or merges field by field', () => {
    const choices = fieldChoices(base, mine, theirs);
    expect(resolvedChanges(choices, 'mine')).toEqual({ needs: '需要助餐', phone: '13907985555' });
    expect(resolvedChanges(choices, 'theirs')).toBeNull();
    // By default a merge keeps theirs where both changed, mine where only the cadre did.
    expect(resolvedChanges(choices, 'merge')).toEqual({ phone: '13907985555' });
    expect(resolvedChanges(choices, 'merge', { needs: 'mine', phone: 'theirs' })).toEqual({ needs: '需要助餐' });
    expect(resolvedChanges(choices, 'merge', { phone: 'theirs' })).toBeNull();
  });
});

describe('surveys answered on a visit without signal', () => {
  const VILLAGE = '369901100202';
  const survey = (id: string, over: Partial<OfflineSurvey> = {}): OfflineSurvey => ({ id, userId: 'u1', title: id, areaCode: '369901100000', tags: [], opensOn: '2026-12-01', closesOn: '2026-12-20', questions: [], ...over });
  const household = { id: 'h1', areaCode: VILLAGE, tags: ['dibao'] };
  const queued = (surveyId: string, householdId: string, state: QueueItem['state']) =>
    ({ id: `${surveyId}-${householdId}`, userId: 'u1', createdAt: '2026-12-06T00:00:00Z', state, key: 'k', label: '', attempts: 0, kind: 'survey', surveyId, householdId, answers: [] }) as QueueItem;

  it('offers the open surveys over the household’s area and tags, soonest closing first, as the server does', () => {
    const kept = [
      survey('town', { closesOn: '2026-12-19' }),
      survey('village', { areaCode: VILLAGE, closesOn: '2026-12-07' }),
      survey('other-village', { areaCode: '369901100201' }),
      survey('closed', { closesOn: '2026-12-05' }),
      survey('not-yet', { opensOn: '2026-12-07' }),
      survey('for-dibao', { tags: ['dibao', 'elderly'] }),
      survey('for-elderly', { tags: ['elderly'] }),
    ];
    expect(surveysReaching(kept, household, '2026-12-06', []).map((s) => s.id)).toEqual(['village', 'town', 'for-dibao']);
  });

  it('leaves out a survey answered on this phone for that household, unless its answer was refused', () => {
    const kept = [survey('a'), survey('b'), survey('c')];
    const queue = [queued('a', 'h1', 'waiting'), queued('b', 'h1', 'failed'), queued('c', 'h2', 'done')];
    expect(surveysReaching(kept, household, '2026-12-06', queue).map((s) => s.id)).toEqual(['b', 'c']);
    expect(surveysReaching(kept, household, '2026-12-06', [queued('a', 'h1', 'done')]).map((s) => s.id)).toEqual(['b', 'c']);
  });
});

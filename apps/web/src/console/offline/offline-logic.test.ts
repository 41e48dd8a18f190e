import { describe, expect, it } from 'vitest';
import { countsOf, fieldChoices, resolvedChanges } from './offline-logic';

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

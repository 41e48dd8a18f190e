import { describe, expect, it } from 'vitest';
import { assignmentPatch, assignmentState, editableOf } from './assignment-logic';
import type { AssignmentView as Assignment } from '@lianxin/core';

const A: Assignment = {
  id: 'a1',
  cadre: { id: 'user-shimen', name: '邓水生' },
  village: { code: '369901101202', name: '石门村' },
  township: { code: '369901101000', name: '青山镇' },
  startsOn: '2026-09-07',
  endsOn: null,
  minDaysPerWeek: 3,
  usesGlobalRule: true,
  note: null,
  createdAt: '2026-09-01T00:00:00Z',
  updatedAt: '2026-09-01T00:00:00Z',
};

describe('assignments', () => {
  it('tells running, future and ended assignments apart (both ends inclusive)', () => {
    expect(assignmentState(A, '2026-09-07')).toBe('active');
    expect(assignmentState(A, '2026-09-06')).toBe('upcoming');
    expect(assignmentState({ ...A, endsOn: '2026-12-04' }, '2026-12-04')).toBe('active');
    expect(assignmentState({ ...A, endsOn: '2026-12-03' }, '2026-12-04')).toBe('ended');
  });

  it('patches only what changed; an empty rule goes back to the global one', () => {
    const before = editableOf(A);
    expect(before).toEqual({ endsOn: null, minDaysPerWeek: null, note: '' });
    expect(assignmentPatch(before, { ...before })).toEqual({});
    expect(assignmentPatch(before, { endsOn: '2026-12-04', minDaysPerWeek: null, note: ' ' })).toEqual({ endsOn: '2026-12-04' });
    const own = editableOf({ ...A, usesGlobalRule: false, minDaysPerWeek: 4, note: '第一书记' });
    expect(assignmentPatch(own, { ...own, minDaysPerWeek: null })).toEqual({ minDaysPerWeek: null });
    expect(assignmentPatch(own, { ...own, note: '第一书记（延期）' })).toEqual({ note: '第一书记（延期）' });
  });
});

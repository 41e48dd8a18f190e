import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { assertCan, can, canActOnCase, caseScope, narrowRanges, rangesFor } from './access.js';

const actor = (grants: Array<{ role: Actor['grants'][number]['role']; areaCode: string; unitId?: string }>): Actor => ({
  userId: 'u1',
  username: 'u1',
  displayName: 'U',
  locale: 'zh-CN',
  sessionId: 's',
  csrfToken: 'c',
  grants: grants.map((g) => ({ unitId: 'unit', unitName: 'Unit', ...g })),
});

const TOWNSHIP = '369901100000';
const VILLAGE = '369901100001';
const OTHER_VILLAGE = '369901200001';

describe('the access module', () => {
  it('decides an area ability by role and place: forbidden without the role, out of scope elsewhere', () => {
    const desk = actor([{ role: 'dispatcher', areaCode: TOWNSHIP }]);
    expect(can(desk, 'field.manage', { areaCode: VILLAGE })).toBe(true);
    expect(can(desk, 'field.manage', { areaCode: OTHER_VILLAGE })).toBe(false);
    expect(() => assertCan(desk, 'field.manage', { areaCode: OTHER_VILLAGE })).toThrow(expect.objectContaining({ code: 'error.out_of_scope' }));
    expect(() => assertCan(desk, 'org.manage', { areaCode: VILLAGE })).toThrow(expect.objectContaining({ code: 'error.forbidden' }));
  });

  it('gives ranges a repository filters by; platform abilities reach every area', () => {
    const admin = actor([{ role: 'admin', areaCode: TOWNSHIP }]);
    expect(rangesFor(admin, 'org.manage')).toEqual([['369901100', '369901101']]);
    expect(can(admin, 'config.manage', { areaCode: OTHER_VILLAGE })).toBe(true);
    expect(() => rangesFor(actor([{ role: 'handler', areaCode: TOWNSHIP }]), 'household.read')).toThrow(expect.objectContaining({ code: 'error.forbidden' }));
    expect(narrowRanges(rangesFor(admin, 'org.manage'), VILLAGE)).toEqual([['369901100001', '369901100002']]);
    expect(() => narrowRanges(rangesFor(admin, 'org.manage'), OTHER_VILLAGE)).toThrow(expect.objectContaining({ code: 'error.out_of_scope' }));
  });

  it('judges case actions by the unit handling the case, the area, and the first-contact owner', () => {
    const c = { areaCode: VILLAGE, currentUnitId: 'civil', firstContactUserId: 'someone' };
    const handler = actor([{ role: 'handler', areaCode: '369901000000', unitId: 'civil' }]);
    expect(canActOnCase(handler, 'reply', c)).toBe(true);
    expect(canActOnCase(handler, 'dispatch', c)).toBe(false);
    expect(canActOnCase(handler, 'reply', { ...c, currentUnitId: 'housing' })).toBe(false);
    expect(canActOnCase(actor([{ role: 'registrar', areaCode: OTHER_VILLAGE }]), 'callback', { ...c, firstContactUserId: 'u1' })).toBe(true);
    expect(canActOnCase(actor([{ role: 'supervisor', areaCode: TOWNSHIP }]), 'reopen', c)).toBe(true);
  });

  it('scopes cases: handlers by their unit, everyone else by their unit’s area', () => {
    expect(caseScope(actor([{ role: 'handler', areaCode: TOWNSHIP, unitId: 'civil' }]))).toEqual({ areaRanges: [], unitIds: ['civil'] });
    expect(caseScope(actor([{ role: 'leader', areaCode: TOWNSHIP, unitId: 'gov' }]))).toEqual({ areaRanges: [['369901100', '369901101']], unitIds: ['gov'] });
  });
});

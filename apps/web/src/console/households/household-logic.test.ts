import { describe, expect, it } from 'vitest';
import { buildTimeline, commonAreaCode, fieldPath, tagNamer } from './household-logic';

describe('household logic', () => {
  it('merges the history newest first and links cases', () => {
    const entries = buildTimeline({
      visits: [{ id: 'v1', kind: 'visit', occurredAt: '2026-03-01T08:00:00Z', place: null, notes: '看望', delivered: [], cadreName: '邓志远', caseId: null }],
      cases: [{ id: 'c1', code: 'QX1', title: '路灯', status: 'closed', channel: 'visit', registeredAt: '2026-04-01T00:00:00Z', closedAt: null }],
      campaigns: [],
      help: [{ id: 'h1', kind: 'goods', description: '米油', amount: 200, unitName: null, provider: '爱心企业', givenOn: '2026-01-15' }],
    });
    expect(entries.map((e) => e.kind)).toEqual(['case', 'visit', 'help']);
    expect(entries[0].href).toBe('/cases/c1');
    expect(entries[1].href).toBe('/visits/v1');
    expect(entries[2].detail).toBe('goods · ¥200 · 爱心企业');
  });
  it('names tags by locale and falls back to the code', () => {
    const name = tagNamer([{ code: 'dibao', nameZh: '低保', nameEn: 'Subsistence', color: '#f00' }], 'en-US');
    expect(name('dibao')).toBe('Subsistence');
    expect(name('x_unknown')).toBe('x_unknown');
  });
  it('splits field paths with array indexes', () => {
    expect(fieldPath('members.0.idNumber')).toEqual(['members', 0, 'idNumber']);
  });
});

describe('commonAreaCode', () => {
  it('finds the user’s own area: the lowest area holding all their units', () => {
    expect(commonAreaCode(['369901101201'])).toBe('369901101201');
    expect(commonAreaCode(['369901101201', '369901101202'])).toBe('369901101000');
    expect(commonAreaCode(['369901000000'])).toBe('369901000000');
    expect(commonAreaCode(['369901000000', '369901101201'])).toBe('369901000000');
    expect(commonAreaCode(['369901101201', '369902101201'])).toBe('369900000000');
    expect(commonAreaCode(['110000000000', '369901101201'])).toBeUndefined();
    expect(commonAreaCode([])).toBeUndefined();
  });
});

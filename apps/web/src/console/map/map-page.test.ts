import { describe, expect, it } from 'vitest';
import { OVERDUE_COLOR, STATE_COLORS } from '../../shared/map/map-logic';
import { caseCluster, casePoint } from './map-page';

describe('map page conversions', () => {
  it('draws a server cluster in the colour of its main state, a single case as a point', () => {
    const cluster = caseCluster({ key: '12/1/2', count: 5, lat: 27, lng: 115, breakdown: { handling: 3, closed: 2 } });
    expect(cluster.colors).toEqual({ [STATE_COLORS.handling]: 3, [STATE_COLORS.closed]: 2 });
    expect(cluster.only).toBeUndefined();
    const single = caseCluster({ key: '12/1/3', count: 1, lat: 27, lng: 115, breakdown: { registered: 1 }, id: 'c1' });
    expect(single.only).toMatchObject({ id: 'c1', href: '/cases/c1', color: STATE_COLORS.registered });
  });
  it('marks overdue cases red and labels them with code, state and title', () => {
    const p = casePoint({ id: 'c2', code: 'LX1', lat: 1, lng: 2, status: 'handling', dueLevel: 'red', title: '路灯' }, (s) => `S:${s}`);
    expect(p).toMatchObject({ color: OVERDUE_COLOR, label: 'LX1 · S:handling · 路灯', href: '/cases/c2' });
  });
});

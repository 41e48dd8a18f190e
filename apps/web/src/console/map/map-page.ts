import type { MapCasePoint, MapCluster, MapHouseholdPoint } from '@lianxin/core';
import { caseColor, type MapPoint, type PointCluster } from '../../shared/map/map-logic';

export const HOUSEHOLD_COLOR = '#722ed1';

/** A case point as the map draws it: coloured by state (red when overdue), opening the case. */
export function casePoint(p: MapCasePoint, stateLabel: (s: string) => string): MapPoint {
  return { id: p.id, lat: p.lat, lng: p.lng, color: caseColor(p.status, p.dueLevel), label: `${p.code} · ${stateLabel(p.status)} · ${p.title}`, href: `/cases/${p.id}` };
}

/** A server cluster of cases: the bubble takes the colour of the state most of its cases are in. */
export function caseCluster(c: MapCluster): PointCluster {
  const colors: Record<string, number> = {};
  for (const [state, n] of Object.entries(c.breakdown)) {
    const color = caseColor(state);
    colors[color] = (colors[color] ?? 0) + n;
  }
  const only = c.count === 1 && c.id ? { id: c.id, lat: c.lat, lng: c.lng, color: caseColor(Object.keys(c.breakdown)[0] ?? ''), href: `/cases/${c.id}` } : undefined;
  return { key: c.key, lat: c.lat, lng: c.lng, count: c.count, colors, only };
}

/** A household cluster (one colour: households are not states). */
export function householdCluster(c: MapCluster): PointCluster {
  return { key: `h:${c.key}`, lat: c.lat, lng: c.lng, count: c.count, colors: { [HOUSEHOLD_COLOR]: c.count } };
}

export function householdPoint(h: MapHouseholdPoint, tagLabel: (code: string) => string): MapPoint {
  return { id: `h:${h.id}`, lat: h.lat, lng: h.lng, color: HOUSEHOLD_COLOR, label: [h.label, ...h.tags.map(tagLabel)].join(' · ') };
}

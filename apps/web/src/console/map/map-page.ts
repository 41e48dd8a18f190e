import { caseColor, type MapPoint, type PointCluster } from '../../shared/map/map-logic';

/** GET /api/map/cases answers (modules/map). */
export interface ServerCluster {
  key: string;
  count: number;
  lat: number;
  lng: number;
  breakdown: Record<string, number>;
  id?: string;
}
export interface CasePoint {
  id: string;
  code: string;
  lat: number;
  lng: number;
  status: string;
  dueLevel: string;
  title: string;
}
export interface HeatAnswerCell {
  lat: number;
  lng: number;
  weight: number;
  count: number;
}
export type MapCasesAnswer =
  | { mode: 'clusters'; total: number; truncated: boolean; clusters: ServerCluster[]; heat: HeatAnswerCell[] }
  | { mode: 'points'; total: number; truncated: boolean; points: CasePoint[]; heat: HeatAnswerCell[] };

export interface HouseholdPoint {
  id: string;
  lat: number;
  lng: number;
  areaCode: string;
  tags: string[];
  label: string;
}
export type MapHouseholdsAnswer =
  | { mode: 'clusters'; total: number; clusters: ServerCluster[] }
  | { mode: 'points'; total: number; truncated?: boolean; points: HouseholdPoint[] };

export const HOUSEHOLD_COLOR = '#722ed1';

/** A case point as the map draws it: coloured by state (red when overdue), opening the case. */
export function casePoint(p: CasePoint, stateLabel: (s: string) => string): MapPoint {
  return { id: p.id, lat: p.lat, lng: p.lng, color: caseColor(p.status, p.dueLevel), label: `${p.code} · ${stateLabel(p.status)} · ${p.title}`, href: `/cases/${p.id}` };
}

/** A server cluster of cases: the bubble takes the colour of the state most of its cases are in. */
export function caseCluster(c: ServerCluster): PointCluster {
  const colors: Record<string, number> = {};
  for (const [state, n] of Object.entries(c.breakdown)) {
    const color = caseColor(state);
    colors[color] = (colors[color] ?? 0) + n;
  }
  const only = c.count === 1 && c.id ? { id: c.id, lat: c.lat, lng: c.lng, color: caseColor(Object.keys(c.breakdown)[0] ?? ''), href: `/cases/${c.id}` } : undefined;
  return { key: c.key, lat: c.lat, lng: c.lng, count: c.count, colors, only };
}

/** A household cluster (one colour: households are not states). */
export function householdCluster(c: ServerCluster): PointCluster {
  return { key: `h:${c.key}`, lat: c.lat, lng: c.lng, count: c.count, colors: { [HOUSEHOLD_COLOR]: c.count } };
}

export function householdPoint(h: HouseholdPoint, tagLabel: (code: string) => string): MapPoint {
  return { id: `h:${h.id}`, lat: h.lat, lng: h.lng, color: HOUSEHOLD_COLOR, label: [h.label, ...h.tags.map(tagLabel)].join(' · ') };
}

import type { BBox, MapAreaView } from '@lianxin/core';
/**
 * Pure helpers of the map (no Leaflet, no DOM) so they can be unit-tested: colours by case state,
 * client-side grid clustering, heat radii and the area layer drawn when no tile service is set.
 */

/** A point the map draws; `color` fills a circle marker, `label` is its tooltip. */
export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  color?: string;
  label?: string;
  /** Where a click on the marker leads (a console path), if anywhere. */
  href?: string;
}

/** A group of points drawn as one numbered bubble. */
export interface PointCluster {
  key: string;
  lat: number;
  lng: number;
  count: number;
  /** The single member when count is 1 (then drawn as the point itself). */
  only?: MapPoint;
  /** Members by colour, for a bubble that shows the dominant one. */
  colors: Record<string, number>;
}

/** One cell of a heat layer; weight in 0–1. */
export interface HeatCell {
  lat: number;
  lng: number;
  weight: number;
  count?: number;
}

/** Case states grouped into a few colours a map reader can tell apart. */
export const STATE_COLORS: Record<string, string> = {
  registered: '#1677ff',
  assigned: '#13c2c2',
  handling: '#fa8c16',
  reopened: '#eb2f96',
  reviewing: '#722ed1',
  rereviewing: '#722ed1',
  replied: '#a0d911',
  evaluated: '#52c41a',
  closed: '#389e0d',
  final: '#389e0d',
  not_accepted: '#8c8c8c',
  merged: '#bfbfbf',
};
export const OVERDUE_COLOR = '#f5222d';

/** The colour of a case on the map: red when overdue, else by state. */
export function caseColor(status: string, dueLevel?: string | null): string {
  if (dueLevel === 'red' || dueLevel === 'overdue') return OVERDUE_COLOR;
  return STATE_COLORS[status] ?? '#595959';
}

/** Web-Mercator x/y in 0–1 (same projection as Leaflet's tiles). */
export function mercator(lat: number, lng: number): [number, number] {
  const x = (lng + 180) / 360;
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  return [x, y];
}

/**
 * Groups points into square cells of about `cellPx` screen pixels at `zoom` (a 256-px tile
 * world). Cheap and stable: the same points at the same zoom always give the same clusters.
 */
export function clusterPoints(points: readonly MapPoint[], zoom: number, cellPx = 60): PointCluster[] {
  const cells = 256 * 2 ** zoom / cellPx;
  const byKey = new Map<string, { sumLat: number; sumLng: number; members: MapPoint[] }>();
  for (const p of points) {
    const [x, y] = mercator(p.lat, p.lng);
    const key = `${zoom}/${Math.floor(x * cells)}/${Math.floor(y * cells)}`;
    const cell = byKey.get(key) ?? { sumLat: 0, sumLng: 0, members: [] };
    cell.sumLat += p.lat;
    cell.sumLng += p.lng;
    cell.members.push(p);
    byKey.set(key, cell);
  }
  return [...byKey.entries()].map(([key, cell]) => {
    const colors: Record<string, number> = {};
    for (const m of cell.members) colors[m.color ?? ''] = (colors[m.color ?? ''] ?? 0) + 1;
    const count = cell.members.length;
    return { key, lat: cell.sumLat / count, lng: cell.sumLng / count, count, only: count === 1 ? cell.members[0] : undefined, colors };
  });
}

/** The colour most members of a cluster have. */
export function dominantColor(colors: Record<string, number>, fallback = '#1677ff'): string {
  let best = fallback;
  let most = 0;
  for (const [color, n] of Object.entries(colors)) {
    if (color && n > most) {
      best = color;
      most = n;
    }
  }
  return best;
}

/** Bubble size grows with the logarithm of the count, so 1 000 does not cover the map. */
export function clusterSize(count: number): number {
  return Math.round(Math.min(64, 24 + Math.log10(Math.max(1, count)) * 14));
}

/** Radius in metres of a heat blob: about 40 px at the zoom it is drawn for. */
export function heatRadiusMeters(zoom: number, lat: number): number {
  const metresPerPixel = (156_543.03 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
  return Math.max(30, 40 * metresPerPixel);
}

/** Normalises raw counts into 0–1 weights by the heaviest cell. */
export function normaliseHeat(cells: ReadonlyArray<{ lat: number; lng: number; count: number }>): HeatCell[] {
  const max = cells.reduce((m, c) => Math.max(m, c.count), 0);
  return max === 0 ? [] : cells.map((c) => ({ lat: c.lat, lng: c.lng, count: c.count, weight: c.count / max }));
}

/**
 * An area as the map's base layer uses it: one of /api/map/areas, or of /api/public/map/areas or
 * /api/areas, which have no household counts (and /api/areas no outline).
 */
export type MapArea = Omit<MapAreaView, 'boundary' | 'households'> & Partial<Pick<MapAreaView, 'boundary' | 'households'>>;

/** Which area levels get a visible name at a zoom: townships when far, villages and grids closer. */
export function labelledLevels(zoom: number): string[] {
  if (zoom >= 15) return ['village', 'grid'];
  if (zoom >= 13) return ['township', 'village'];
  return ['county', 'township'];
}

/** [[south, west], [north, east]] around the areas that have coordinates, or null when none do. */
export function areaBounds(areas: readonly Pick<MapArea, 'lat' | 'lng'>[]): [[number, number], [number, number]] | null {
  const placed = areas.filter((a): a is { lat: number; lng: number } => typeof a.lat === 'number' && typeof a.lng === 'number');
  if (placed.length === 0) return null;
  let [s, w, n, e] = [90, 180, -90, -180];
  for (const a of placed) {
    s = Math.min(s, a.lat);
    n = Math.max(n, a.lat);
    w = Math.min(w, a.lng);
    e = Math.max(e, a.lng);
  }
  // A single area still needs a box to fit.
  const pad = 0.005;
  return [
    [s - pad, w - pad],
    [n + pad, e + pad],
  ];
}

/** A viewport's "minLng,minLat,maxLng,maxLat" as the map endpoints' `bbox` query value (the client writes it back comma-separated). */
export const bboxValue = (bbox: string): BBox => bbox.split(',').map(Number) as BBox;

/** Leaflet's LatLngBounds.toBBoxString() form, rounded so small pans reuse the same request. */
export function bboxString(west: number, south: number, east: number, north: number): string {
  const r = (v: number) => Math.round(v * 10_000) / 10_000;
  return [r(Math.max(-180, west)), r(Math.max(-90, south)), r(Math.min(180, east)), r(Math.min(90, north))].join(',');
}

/**
 * The village (or grid) whose centre is nearest to a place, to name a pin in words ("near 东岭村")
 * instead of raw coordinates; null when no such area has coordinates.
 */
export function nearestArea<A extends Pick<MapArea, 'lat' | 'lng' | 'level'>>(areas: readonly A[], at: { lat: number; lng: number }, levels: readonly string[] = ['village']): A | null {
  let best: A | null = null;
  let bestDistance = Infinity;
  const cos = Math.cos((at.lat * Math.PI) / 180);
  for (const a of areas) {
    if (!levels.includes(a.level) || typeof a.lat !== 'number' || typeof a.lng !== 'number') continue;
    const d = (a.lat - at.lat) ** 2 + ((a.lng - at.lng) * cos) ** 2;
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return best;
}

import type { MapCluster, MapHouseholdPoint, MapHouseholds } from '@lianxin/core';
import type { MapPoint, PointCluster } from '../../shared/map/map-logic';

export const UNTAGGED_COLOR = '#8c8c8c';

/**
 * The colour of a household: the first of its tags that the user filters by (so a 低保 filter
 * paints every marker in 低保's colour), else its first tag, else grey.
 */
export function householdColor(tags: readonly string[], filter: readonly string[], colorOf: (code: string) => string | undefined): string {
  const pick = tags.find((t) => filter.includes(t)) ?? tags[0];
  return (pick && colorOf(pick)) || UNTAGGED_COLOR;
}

/** A server household cluster → a bubble whose colour is that of its commonest tag. */
export function taggedCluster(c: MapCluster, filter: readonly string[], colorOf: (code: string) => string | undefined): PointCluster {
  const colors: Record<string, number> = {};
  for (const [tag, n] of Object.entries(c.breakdown)) {
    if (filter.length && !filter.includes(tag)) continue;
    const color = colorOf(tag) ?? UNTAGGED_COLOR;
    colors[color] = (colors[color] ?? 0) + n;
  }
  if (!Object.keys(colors).length) colors[UNTAGGED_COLOR] = c.count;
  const only = c.count === 1 && c.id ? { id: c.id, lat: c.lat, lng: c.lng, color: Object.keys(colors)[0], href: `/households/${c.id}` } : undefined;
  return { key: c.key, lat: c.lat, lng: c.lng, count: c.count, colors, only };
}

export function taggedPoint(h: MapHouseholdPoint, filter: readonly string[], colorOf: (code: string) => string | undefined, tagName: (code: string) => string): MapPoint {
  return { id: h.id, lat: h.lat, lng: h.lng, color: householdColor(h.tags, filter, colorOf), label: [h.label, ...h.tags.map(tagName)].join(' · '), href: `/households/${h.id}` };
}

/** What `drawnFrom` reads of GET /api/map/households (whether it was truncated does not change the drawing). */
export type DrawableHouseholds = Extract<MapHouseholds, { mode: 'clusters' }> | (Omit<Extract<MapHouseholds, { mode: 'points' }>, 'truncated'> & { truncated?: boolean });

/** Exactly what the answer asks to draw — never more (the server caps points). */
export function drawnFrom(answer: DrawableHouseholds | null, filter: readonly string[], colorOf: (code: string) => string | undefined, tagName: (code: string) => string) {
  if (!answer) return { points: [] as MapPoint[], clusters: [] as PointCluster[] };
  if (answer.mode === 'points') return { points: answer.points.map((p) => taggedPoint(p, filter, colorOf, tagName)), clusters: [] };
  return { points: [], clusters: answer.clusters.map((c) => taggedCluster(c, filter, colorOf)) };
}

/**
 * Waits `ms` after the last call before running; a new call cancels the pending one. With
 * `leading`, the very first call runs at once (a map's first viewport: nothing to wait for).
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number, { leading = false }: { leading?: boolean } = {}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = leading;
  const run = (...args: A) => {
    clearTimeout(timer);
    if (first) {
      first = false;
      fn(...args);
      return;
    }
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

import { type AreaRange, MAP_MAX_POINTS, MAP_POINTS_ZOOM, type MapAreasQuery, type MapCasePoint, type MapCasesQuery, type MapHouseholdsQuery, reachOf, subtreeRange } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { caseScope, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { CellAccumulator, mercatorX, mercatorY } from './grid.js';
import { HouseholdMapIndex } from './household-index.js';
import { mapRepository as repo } from './map.repository.js';
import { presentMapArea, presentMapConfig } from './map.presenter.js';

/** Cases fetched for one map answer at most (a county's cases of a year fit well within). */
const MAX_CASES_SCANNED = 50_000;
const HEAT_DIVIDE = 2;

export interface MapDeps {
  db: Kysely<DB>;
  /** Heavy reads: the replica when DATABASE_READ_URL is set (default: `db`). */
  reads?: Kysely<DB>;
  clock: Clock;
  index?: HouseholdMapIndex;
  /** The base layer (config.tileUrl / tileAttribution); none: the map draws areas only. */
  tiles?: { url?: string | null; attribution?: string | null };
}

/** The village map (民情图): households and cases by viewport, clustered on the server. */
export function createMapService({ db, reads = db, clock, index = new HouseholdMapIndex(), tiles = {} }: MapDeps) {
  /** The actor's reach, narrowed by an optional area filter (both must hold). */
  function rangeSets(ranges: AreaRange[], area?: string): AreaRange[][] {
    return area ? [ranges, [subtreeRange(area)]] : [ranges];
  }

  return {
    index,

    async households(actor: Actor, q: MapHouseholdsQuery) {
      const ranges = rangesFor(actor, 'household.read');
      await index.sync(db);
      return index.query({ bbox: q.bbox, zoom: q.zoom, tags: q.tags, rangeSets: rangeSets(ranges, q.area), points: q.zoom >= MAP_POINTS_ZOOM });
    },

    /**
     * Cases with coordinates registered in the last `days`, scoped like the case ledger: points
     * when zoomed in, else clusters by state; always a heat layer of finer cells.
     */
    async cases(actor: Actor, q: MapCasesQuery) {
      const scope = caseScope(actor);
      const since = new Date(clock.now().getTime() - q.days * 86_400_000).toISOString();
      const rows = await repo.casesInBox(reads, scope, { bbox: q.bbox, since, area: q.area, states: q.state, limit: MAX_CASES_SCANNED + 1 });
      const truncated = rows.length > MAX_CASES_SCANNED;
      const used = rows.slice(0, MAX_CASES_SCANNED);
      const heat = new CellAccumulator(q.zoom, HEAT_DIVIDE);
      const clusters = q.zoom >= MAP_POINTS_ZOOM ? null : new CellAccumulator(q.zoom);
      const points: MapCasePoint[] = [];
      for (const c of used) {
        const lat = c.lat as number;
        const lng = c.lng as number;
        const mx = mercatorX(lng);
        const my = mercatorY(lat);
        heat.add(mx, my, lat, lng, c.id, []);
        if (clusters) clusters.add(mx, my, lat, lng, c.id, [c.status]);
        else if (points.length < MAP_MAX_POINTS) points.push({ id: c.id, code: c.code, lat, lng, status: c.status, dueLevel: c.dueLevel, title: c.title });
      }
      const heatCells = heat.heat();
      return clusters
        ? { mode: 'clusters' as const, total: used.length, truncated, clusters: clusters.clusters(), heat: heatCells }
        : { mode: 'points' as const, total: used.length, truncated: truncated || used.length > points.length, points, heat: heatCells };
    },

    /**
     * Areas to draw without any tile service: the root (given, or the actor's own areas) and its
     * subtree `depth` levels down, with centroids, boundaries (GeoJSON) and household counts.
     */
    async areas(actor: Actor, q: MapAreasQuery) {
      const ranges = rangesFor(actor, 'household.read');
      const roots = q.area ? [q.area] : reachOf(actor.grants, 'household.read');
      const sets = rangeSets(ranges, q.area);
      const rows = await repo.areasUnder(db, roots);
      const visible = rows.filter((a) => sets.every((set) => set.some(([lo, hi]) => a.code >= lo && a.code < hi)));
      const byCode = new Map(visible.map((a) => [a.code, a]));
      const depthOf = (code: string): number => {
        let depth = 0;
        for (let a = byCode.get(code); a && !roots.includes(a.code); a = a.parentCode ? byCode.get(a.parentCode) : undefined) depth++;
        return depth;
      };
      await index.sync(db);
      const direct = index.countByArea(sets);
      const households = (code: string) => {
        const [lo, hi] = subtreeRange(code);
        let n = 0;
        for (const [area, count] of direct) if (area >= lo && area < hi) n += count;
        return n;
      };
      return { items: visible.filter((a) => depthOf(a.code) <= q.depth).map((a) => presentMapArea(a, households(a.code))) };
    },

    /** The base layer and zoom thresholds: the same for every signed-in staff member. */
    config(_actor: Actor) {
      return presentMapConfig(tiles);
    },
  };
}
export type MapService = ReturnType<typeof createMapService>;

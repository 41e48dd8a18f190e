import { type AreaRange, MAP_MAX_POINTS, MAP_POINTS_ZOOM, type MapAreasQuery, type MapCasePoint, type MapCasesQuery, type MapHouseholdsQuery, reachOf, subtreeRange } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { caseScope, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { CELL_LEVEL } from '../../db/migrations/2026120911_case_map_cells.js';
import { CellAccumulator, cellsPerSide, mercatorX, mercatorY, round6 } from './grid.js';
import { HouseholdMapIndex } from './household-index.js';
import { type MapCellFilter, type MapCellRow, mapRepository as repo } from './map.repository.js';
import { presentMapArea, presentMapConfig } from './map.presenter.js';

/** Cases fetched for one map answer at most (a county's cases of a year fit well within). */
const MAX_CASES_SCANNED = 50_000;
const HEAT_DIVIDE = 2;
/** Single-case clusters whose case is looked up by coordinates, at most (more are drawn without their id). */
const MAX_SINGLE_LOOKUPS = 500;

/** The cell range (inclusive) at `zoom` that a bbox touches. */
function cellRange(bbox: [number, number, number, number], zoom: number) {
  const side = cellsPerSide(zoom);
  const at = (v: number) => Math.min(side - 1, Math.max(0, Math.floor(v * side)));
  return { x0: at(mercatorX(bbox[0])), x1: at(mercatorX(bbox[2])), y0: at(mercatorY(bbox[3])), y1: at(mercatorY(bbox[1])) };
}

/** The lng/lat box of cell (x, y) at `zoom`, a hair wider. */
function cellBox(x: number, y: number, zoom: number): [number, number, number, number] {
  const side = cellsPerSide(zoom);
  const lng = (cx: number) => (cx / side) * 360 - 180;
  const lat = (cy: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * cy) / side))) * 180) / Math.PI;
  const eps = 1e-6;
  return [lng(x) - eps, lat(y + 1) - eps, lng(x + 1) + eps, lat(y) + eps];
}

/**
 * Clusters (cells at `zoom`, by state) and heat cells (one level finer) from tile rows at zoom + 1;
 * means from the coordinate sums. Rows may repeat a key (tiles and live parts): they add up.
 */
export function assembleCells(rows: readonly MapCellRow[], zoom: number) {
  type Sum = { n: number; lat: number; lng: number; breakdown: Record<string, number> };
  const heat = new Map<string, Sum>();
  const clusters = new Map<string, Sum & { x: number; y: number }>();
  const add = (sum: Sum, r: MapCellRow) => {
    sum.n += r.cases;
    sum.lat += r.latE7;
    sum.lng += r.lngE7;
  };
  for (const r of rows) {
    if (!r.cases) continue;
    const h = heat.get(`${r.cx}/${r.cy}`) ?? { n: 0, lat: 0, lng: 0, breakdown: {} };
    add(h, r);
    heat.set(`${r.cx}/${r.cy}`, h);
    const [x, y] = [Math.floor(r.cx / 2), Math.floor(r.cy / 2)];
    const c = clusters.get(`${x}/${y}`) ?? { x, y, n: 0, lat: 0, lng: 0, breakdown: {} };
    add(c, r);
    c.breakdown[r.status] = (c.breakdown[r.status] ?? 0) + r.cases;
    clusters.set(`${x}/${y}`, c);
  }
  const mean = (sum: number, n: number) => round6(sum / n / 1e7);
  const heatCells = [...heat.values()].filter((h) => h.n > 0);
  const max = heatCells.reduce((m, c) => Math.max(m, c.n), 0);
  const breakdown = (b: Record<string, number>) => Object.fromEntries(Object.entries(b).filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));
  return {
    total: heatCells.reduce((n, c) => n + c.n, 0),
    clusters: [...clusters.values()]
      .filter((c) => c.n > 0)
      .map((c) => ({ key: `${zoom}/${c.x}/${c.y}`, x: c.x, y: c.y, count: c.n, lat: mean(c.lat, c.n), lng: mean(c.lng, c.n), breakdown: breakdown(c.breakdown) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    heat: heatCells.map((c) => ({ lat: mean(c.lat, c.n), lng: mean(c.lng, c.n), count: c.n, weight: Math.round((c.n / max) * 1000) / 1000 })),
  };
}

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
      if (q.zoom < CELL_LEVEL) {
        // Zoomed out: every case of the cells the view touches, from the tiles (exact, no cap).
        const range = cellRange(q.bbox, q.zoom);
        const k = 2 ** (CELL_LEVEL - q.zoom);
        const filter: MapCellFilter = {
          since,
          level: q.zoom + 1,
          cells: { x0: range.x0 * k, x1: (range.x1 + 1) * k - 1, y0: range.y0 * k, y1: (range.y1 + 1) * k - 1 },
          area: q.area,
          states: q.state,
        };
        const answer = assembleCells(await repo.cells(reads, scope, filter), q.zoom);
        const single = answer.clusters.filter((c) => c.count === 1).slice(0, MAX_SINGLE_LOOKUPS);
        const ids = new Map(
          (await repo.casesInCells(reads, scope, { ...filter, level: q.zoom }, single.map((c) => ({ cx: c.x, cy: c.y, box: cellBox(c.x, c.y, q.zoom) })))).map((r) => [`${r.cx}/${r.cy}`, r.id]),
        );
        const clusters = answer.clusters.map(({ x, y, ...c }) => {
          const id = c.count === 1 ? ids.get(`${x}/${y}`) : undefined;
          return id ? { ...c, id } : c;
        });
        return { mode: 'clusters' as const, total: answer.total, truncated: false, clusters, heat: answer.heat };
      }
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

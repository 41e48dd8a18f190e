import type { BBox } from '@lianxin/core';

/**
 * Grid clustering in Web Mercator: a cluster is every marker in one square cell of CELL_PX
 * screen pixels at the requested zoom, so clusters look the same size at every zoom and a cell
 * key (`zoom/x/y`) is stable while the user pans.
 */
export const CELL_PX = 64;
const TILE_PX = 256;

/** Mercator x in [0, 1) of a longitude. */
export const mercatorX = (lng: number) => (lng + 180) / 360;

/** Mercator y in [0, 1) of a latitude (0 at the north edge). */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/** Cells per world side at a zoom (cluster cells of CELL_PX, or finer with `divide`). */
export const cellsPerSide = (zoom: number, divide = 1) => (2 ** zoom * TILE_PX * divide) / CELL_PX;

/** Accumulates markers into cells; `add` takes precomputed Mercator coordinates. */
export class CellAccumulator {
  private readonly cells = new Map<number, { n: number; lat: number; lng: number; id: string; breakdown: Record<string, number> }>();
  private readonly side: number;
  constructor(private readonly zoom: number, divide = 1) {
    this.side = cellsPerSide(zoom, divide);
  }

  add(mx: number, my: number, lat: number, lng: number, id: string, categories: readonly string[]) {
    const cx = Math.floor(mx * this.side);
    const cy = Math.floor(my * this.side);
    const key = cx * 4_194_304 + cy; // 2^22 cells per side is beyond zoom 22 at 64 px
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { n: 0, lat: 0, lng: 0, id, breakdown: {} };
      this.cells.set(key, cell);
    }
    cell.n++;
    cell.lat += lat;
    cell.lng += lng;
    for (const c of categories) cell.breakdown[c] = (cell.breakdown[c] ?? 0) + 1;
  }

  /** Clusters with mean positions, largest first. */
  clusters() {
    return [...this.cells.entries()]
      .map(([key, c]) => ({
        key: `${this.zoom}/${Math.floor(key / 4_194_304)}/${key % 4_194_304}`,
        count: c.n,
        lat: round6(c.lat / c.n),
        lng: round6(c.lng / c.n),
        breakdown: c.breakdown,
        ...(c.n === 1 ? { id: c.id } : {}),
      }))
      .sort((a, b) => b.count - a.count);
  }

  /** Heat cells: weight is the count over the heaviest cell's count. */
  heat() {
    const cells = [...this.cells.values()];
    const max = cells.reduce((m, c) => Math.max(m, c.n), 0);
    return cells.map((c) => ({ lat: round6(c.lat / c.n), lng: round6(c.lng / c.n), count: c.n, weight: Math.round((c.n / max) * 1000) / 1000 }));
  }
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** True when the point lies in the box (edges included). */
export const inBBox = (b: BBox, lat: number, lng: number) => lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];

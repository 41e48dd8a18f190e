import { describe, expect, it } from 'vitest';
import { HouseholdMapIndex } from './household-index.js';

type Row = { id: string; areaCode: string; lat: number | null; lng: number | null; tagCodes: string; headNameMasked: string; address: string; archivedAt: string | null; changeSeq: number };

/** Feeds rows as the database catch-up would (the loader is private: this is a unit test of it). */
function load(index: HouseholdMapIndex, rows: Row[]) {
  for (const row of rows) (index as unknown as { apply(r: Row): void }).apply(row);
}

const row = (i: number, over: Partial<Row> = {}): Row => ({
  id: `h${i}`,
  areaCode: i % 2 ? '369901100201' : '369901100202',
  lat: 27.8 + (i % 10) * 0.001,
  lng: 115.9 + Math.floor(i / 10) * 0.001,
  tagCodes: '',
  headNameMasked: '张*',
  address: `${i}号`,
  archivedAt: null,
  changeSeq: i + 1,
  ...over,
});
const ALL: [string, string][][] = [[['369901', '369902']]];
const BOX: [number, number, number, number] = [115.8, 27.7, 116.0, 27.9];

describe('HouseholdMapIndex', () => {
  it('counts clusters exactly, with a breakdown beyond 32 distinct tags', () => {
    const index = new HouseholdMapIndex();
    // 40 households, each with its own tag t0…t39, and all with "common".
    load(index, Array.from({ length: 40 }, (_, i) => row(i, { tagCodes: `,common,t${i},` })));
    const answer = index.query({ bbox: BOX, zoom: 10, rangeSets: ALL, points: false });
    expect(answer.mode).toBe('clusters');
    if (answer.mode !== 'clusters') return;
    expect(answer.total).toBe(40);
    const merged: Record<string, number> = {};
    for (const c of answer.clusters) for (const [tag, n] of Object.entries(c.breakdown)) merged[tag] = (merged[tag] ?? 0) + n;
    expect(merged.common).toBe(40);
    expect(merged.t39).toBe(1);
    expect(Object.keys(merged)).toHaveLength(41);
    expect(index.query({ bbox: BOX, zoom: 10, rangeSets: ALL, points: false, tags: ['t35', 't2'] }).total).toBe(2);
  });

  it('gives the same clusters when the viewport is too large for the flat grid', () => {
    const index = new HouseholdMapIndex();
    load(index, Array.from({ length: 30 }, (_, i) => row(i, { tagCodes: i % 3 ? ',dibao,' : '' })));
    const small = index.query({ bbox: BOX, zoom: 14, rangeSets: ALL, points: false });
    const huge = index.query({ bbox: [-170, -80, 170, 80], zoom: 14, rangeSets: ALL, points: false });
    const norm = (a: typeof small) => (a.mode === 'clusters' ? a.clusters.map((c) => [c.key, c.count, c.breakdown.dibao ?? 0]).sort() : []);
    expect(norm(huge)).toEqual(norm(small));
    expect(huge.total).toBe(30);
  });

  it('removes archived households and those that lose their coordinates, keeping the rest intact', () => {
    const index = new HouseholdMapIndex();
    load(index, Array.from({ length: 10 }, (_, i) => row(i, { tagCodes: `,t${i},` })));
    load(index, [row(0, { archivedAt: '2026-01-01T00:00:00.000Z', changeSeq: 11 }), row(5, { lat: null, lng: null, changeSeq: 12 })]);
    expect(index.count).toBe(8);
    const points = index.query({ bbox: BOX, zoom: 18, rangeSets: ALL, points: true });
    if (points.mode !== 'points') throw new Error('expected points');
    expect(points.points.map((p) => p.id).sort()).toEqual(['h1', 'h2', 'h3', 'h4', 'h6', 'h7', 'h8', 'h9']);
    // The household moved into a freed slot keeps its own tags.
    expect(points.points.find((p) => p.id === 'h9')?.tags).toEqual(['t9']);
    expect(index.query({ bbox: BOX, zoom: 18, rangeSets: [[['369901100201', '369901100202']]], points: true }).total).toBe(4);
  });
});

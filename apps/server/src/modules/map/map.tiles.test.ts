import { CASE_STATES, type CaseState, subtreeRange } from '@lianxin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseScope } from '../../access/access.js';
import { CELL_LEVEL } from '../../db/migrations/2026120911_case_map_cells.js';
import { ACTION_PATHS, actionBody } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { cellsPerSide, mercatorX, mercatorY } from './grid.js';
import { type MapCellFilter, type MapCellRow, mapRepository, splitSince } from './map.repository.js';
import { assembleCells } from './map.service.js';

/**
 * 案件地图汇总 (issue 19): random case histories — registrations with and without coordinates in
 * several areas, dispatches, co-units, replies, closures, time passing, cases back-dated, moved to
 * another area or other coordinates, or losing them — and after each history, random map views
 * (scopes, zooms 0–11, boxes, periods, area and state filters) read from the tiles equal the full
 * recount over the cases table, cell by cell and state by state.
 */
const UNIT_CHOICES = ['u-civil', 'u-housing', 'u-villageA1', 'u-townA', 'u-townB'] as const;
const { ctx, boss } = suiteContext({
  boss: (c) =>
    c.userWith([
      ...(['registrar', 'dispatcher', 'supervisor', 'leader', 'unit_head', 'handler'] as const).map((role) => ({ role, unitId: c.org.units['u-center'] })),
      ...UNIT_CHOICES.flatMap((unit) => (['handler', 'unit_head'] as const).map((role) => ({ role, unitId: c.org.units[unit] }))),
    ]),
});
const HOUR = 3_600_000;
const AREA_CHOICES = [AREAS.villageA1, AREAS.villageA2, AREAS.villageB1, AREAS.gridA1, AREAS.townA];
const CENTRE = { lat: 27.8031, lng: 115.9062 };
/** Offsets of up to ±0.2°: several cells from zoom 8 on, one cell at low zooms. */
const offset = fc.integer({ min: -2000, max: 2000 }).map((n) => n / 10_000);

type Step =
  | { kind: 'register'; area: number; located: boolean; dLat: number; dLng: number }
  | { kind: 'action'; target: number; action: 'dispatch' | 'add_co_unit' | 'accept' | 'reply' | 'close' | 'not_accept'; unit: number }
  | { kind: 'wait'; hours: number }
  | { kind: 'backdate'; target: number; hours: number }
  | { kind: 'move'; target: number; area: number; dLat: number; dLng: number; unlocate: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('register' as const), area: fc.nat(4), located: fc.nat(3).map((n) => n > 0), dLat: offset, dLng: offset }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('action' as const),
      target: fc.nat(50),
      action: fc.constantFrom('dispatch' as const, 'add_co_unit' as const, 'accept' as const, 'reply' as const, 'close' as const, 'not_accept' as const),
      unit: fc.nat(4),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('backdate' as const), target: fc.nat(50), hours: fc.integer({ min: 1, max: 24 * 70 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), target: fc.nat(50), area: fc.nat(4), dLat: offset, dLng: offset, unlocate: fc.boolean() }) },
);

const SCOPES: CaseScope[] = [
  { areaRanges: [subtreeRange(AREAS.county)], unitIds: ['u-center'] },
  { areaRanges: [subtreeRange(AREAS.townA)], unitIds: ['u-townA'] },
  { areaRanges: [subtreeRange(AREAS.villageA1)], unitIds: ['u-villageA1'] },
  { areaRanges: [], unitIds: ['u-civil'] },
  { areaRanges: [], unitIds: ['u-housing', 'u-townB'] },
  { areaRanges: [subtreeRange(AREAS.villageB1)], unitIds: ['u-civil'] },
];
const sometimes = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
const view = fc.record({
  scope: fc.nat(SCOPES.length - 1),
  zoom: fc.integer({ min: 0, max: CELL_LEVEL - 1 }),
  dLat: offset,
  dLng: offset,
  half: fc.integer({ min: 1, max: 3000 }).map((n) => n / 10_000),
  days: fc.integer({ min: 1, max: 366 }),
  area: sometimes(fc.constantFrom(AREAS.townA, AREAS.villageA1, AREAS.gridA1)),
  states: sometimes(fc.subarray([...CASE_STATES] as CaseState[], { minLength: 1, maxLength: 3 })),
});

const caseIds: string[] = [];

async function perform(s: Step) {
  const db = ctx.database.db;
  const target = (n: number) => caseIds[n % caseIds.length];
  switch (s.kind) {
    case 'register': {
      const at = s.located ? { lat: CENTRE.lat + s.dLat, lng: CENTRE.lng + s.dLng } : {};
      const created = await boss.post('/api/cases', caseInput({ areaCode: AREA_CHOICES[s.area], ...at, requester: { name: '群众', phone: `1390798${String(1000 + caseIds.length)}` } }));
      expect(created.statusCode, created.body).toBe(201);
      caseIds.push(created.json().id);
      return;
    }
    case 'action': {
      if (!caseIds.length) return;
      let body = actionBody(ctx, s.action) as Record<string, unknown>;
      if (s.action === 'dispatch' || s.action === 'add_co_unit') body = { ...body, unitId: UNIT_CHOICES[s.unit] };
      const response = await boss.post(`/api/cases/${target(s.target)}/${ACTION_PATHS[s.action]}`, body);
      expect(response.statusCode, response.body).toBeLessThan(500);
      return;
    }
    case 'wait':
      ctx.clock.advance(s.hours * HOUR);
      return;
    case 'backdate': {
      if (!caseIds.length) return;
      const row = await db.selectFrom('cases').select('registeredAt').where('id', '=', target(s.target)).executeTakeFirstOrThrow();
      await db.updateTable('cases').set({ registeredAt: new Date(Date.parse(row.registeredAt) - s.hours * HOUR).toISOString() }).where('id', '=', target(s.target)).execute();
      return;
    }
    case 'move':
      if (!caseIds.length) return;
      await db
        .updateTable('cases')
        .set({ areaCode: AREA_CHOICES[s.area], lat: s.unlocate ? null : CENTRE.lat + s.dLat, lng: s.unlocate ? null : CENTRE.lng + s.dLng })
        .where('id', '=', target(s.target))
        .execute();
      return;
  }
}

/** Rows summed per cell and state, sorted: the tiles may split a key over several rows. */
function canonical(rows: readonly MapCellRow[]) {
  const sums = new Map<string, MapCellRow>();
  for (const r of rows) {
    const key = `${r.cx}/${r.cy}/${r.status}`;
    const s = sums.get(key) ?? { ...r, cases: 0, latE7: 0, lngE7: 0 };
    sums.set(key, { ...s, cases: s.cases + r.cases, latE7: s.latE7 + r.latE7, lngE7: s.lngE7 + r.lngE7 });
  }
  return [...sums.entries()].filter(([, r]) => r.cases !== 0).sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
}

type View = typeof view extends fc.Arbitrary<infer T> ? T : never;

async function compare(v: View) {
  const side = cellsPerSide(v.zoom);
  const cell = (x: number) => Math.min(side - 1, Math.max(0, Math.floor(x * side)));
  const [lat, lng] = [CENTRE.lat + v.dLat, CENTRE.lng + v.dLng];
  const k = 2 ** (CELL_LEVEL - v.zoom);
  const [x0, x1, y0, y1] = [cell(mercatorX(lng - v.half)), cell(mercatorX(lng + v.half)), cell(mercatorY(lat + v.half)), cell(mercatorY(lat - v.half))];
  const filter: MapCellFilter = {
    since: new Date(ctx.clock.now().getTime() - v.days * 24 * HOUR).toISOString(),
    level: v.zoom + 1,
    cells: { x0: x0 * k, x1: (x1 + 1) * k - 1, y0: y0 * k, y1: (y1 + 1) * k - 1 },
    area: v.area,
    states: v.states,
  };
  const { db } = ctx.database;
  const tiles = canonical(await mapRepository.cells(db, SCOPES[v.scope], filter));
  const recount = canonical(await mapRepository.recountCells(db, SCOPES[v.scope], filter));
  expect(tiles, JSON.stringify({ v, filter })).toEqual(recount);
  // And what the map draws from them (clusters with their state breakdown, heat) is the same.
  expect(assembleCells(tiles, v.zoom)).toEqual(assembleCells(recount, v.zoom));
  return recount.length;
}

describe('case map tiles', () => {
  it('split "since" into a live edge, whole days and whole months (UTC)', () => {
    expect(splitSince('2026-03-02T10:00:00.000Z')).toEqual({ edge: ['2026-03-02T10:00:00.000Z', '2026-03-03T00:00:00.000Z'], wholeFrom: '2026-03-03T00:00:00.000Z', days: ['2026-03-03', '2026-04-01'], months: '2026-04' });
    expect(splitSince('2026-03-31T10:00:00.000Z')).toMatchObject({ days: null, months: '2026-04' });
    expect(splitSince('2026-12-05T00:00:00.000Z')).toEqual({ edge: null, wholeFrom: '2026-12-05T00:00:00.000Z', days: ['2026-12-05', '2027-01-01'], months: '2027-01' });
  });

  it('equal a full recount of the cases over random histories and views', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), fc.array(view, { minLength: 4, maxLength: 8 }), async (steps, views) => {
        for (const s of steps) await perform(s);
        for (const v of views) if ((await compare(v)) > 0) nonEmpty++;
      }),
      { numRuns: Number(process.env.ROLLUP_RUNS ?? 25) },
    );
    expect(nonEmpty).toBeGreaterThan(20);
    // The tiles hold every located case once, in both tables.
    const { db } = ctx.database;
    const located = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('lat', 'is not', null).where('lng', 'is not', null).executeTakeFirstOrThrow();
    for (const table of ['caseMapDays', 'caseMapMonths'] as const) {
      const total = await db.selectFrom(table).select((eb) => eb.fn.sum<number>('cases').as('n')).executeTakeFirstOrThrow();
      expect(Number(total.n), table).toBe(Number(located.n));
    }
  }, 600_000);

  it('GET /api/map/cases zoomed out: clusters from the tiles, a single case with its id', async () => {
    const at = { lat: 30.5, lng: 117.5 }; // far from the random cases
    const first = await boss.post('/api/cases', caseInput({ lat: at.lat, lng: at.lng, requester: { name: '群众', phone: '13907989001' } }));
    expect(first.statusCode, first.body).toBe(201);
    const box = `${at.lng - 0.01},${at.lat - 0.01},${at.lng + 0.01},${at.lat + 0.01}`;
    const one = (await boss.get(`/api/map/cases?bbox=${box}&zoom=11&days=1`)).json();
    expect(one).toMatchObject({ mode: 'clusters', total: 1, truncated: false, clusters: [{ count: 1, id: first.json().id, lat: at.lat, lng: at.lng, breakdown: { registered: 1 } }] });
    expect(one.clusters[0].key).toMatch(/^11\/\d+\/\d+$/);
    expect(one.heat).toEqual([{ lat: at.lat, lng: at.lng, count: 1, weight: 1 }]);
    await boss.post('/api/cases', caseInput({ lat: at.lat + 0.0002, lng: at.lng, requester: { name: '群众', phone: '13907989002' } }));
    const two = (await boss.get(`/api/map/cases?bbox=${box}&zoom=11&days=1`)).json();
    expect(two).toMatchObject({ total: 2, clusters: [{ count: 2, lat: at.lat + 0.0001, breakdown: { registered: 2 } }] });
    expect(two.clusters[0].id).toBeUndefined();
    // Closed ones filtered out by state; a user of another village sees none of them.
    expect((await boss.get(`/api/map/cases?bbox=${box}&zoom=11&days=1&state=closed`)).json()).toMatchObject({ total: 0, clusters: [] });
    expect((await (await ctx.as('cadreA2')).get(`/api/map/cases?bbox=${box}&zoom=11&days=1`)).json()).toMatchObject({ total: 0 });
  });
});

import type { MapCluster, MapHouseholdPoint } from '@lianxin/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL: the same assertions hold on both.
const { ctx, cadreA1, town } = suiteContext({ cadreA1: 'cadreA1', town: 'townRegistrar' });

// 东门社区 (A1) sits around 27.80 N 115.90 E; 西门社区 (A2) a little west.
const A1 = { lat: 27.8031, lng: 115.9062 };
const A2 = { lat: 27.8015, lng: 115.8921 };
const WIDE = '115.80,27.70,116.00,27.90';
const NEAR_A1 = `${A1.lng - 0.003},${A1.lat - 0.003},${A1.lng + 0.003},${A1.lat + 0.003}`;

type HouseholdsAnswer =
  | { mode: 'clusters'; total: number; clusters: MapCluster[] }
  | { mode: 'points'; total: number; truncated: boolean; points: MapHouseholdPoint[] };

const households = async (client: Client, query: string) => {
  const response = await client.get(`/api/map/households?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as HouseholdsAnswer;
};

async function seed(client: Client, area: string, at: { lat: number; lng: number }, n: number, tags: string[], prefix: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const response = await client.post('/api/households', {
      areaCode: area,
      address: `${prefix}${i + 1}号`,
      headName: '测试户主',
      lat: at.lat + (i % 5) * 0.0002,
      lng: at.lng + Math.floor(i / 5) * 0.0002,
      tags,
    });
    expect(response.statusCode, response.body).toBe(201);
    ids.push(response.json().id);
  }
  return ids;
}

beforeAll(async () => {
  await seed(cadreA1, AREAS.villageA1, A1, 6, ['dibao'], '解放路');
  await seed(cadreA1, AREAS.villageA1, A1, 4, ['veteran', 'party_member'], '人民路');
  await seed(town, AREAS.villageA2, A2, 5, ['elderly_alone'], '胜利路');
});

describe('GET /api/map/households', () => {
  it('clusters when zoomed out, with counts, centroids and a tag breakdown', async () => {
    const answer = await households(town, `bbox=${WIDE}&zoom=12`);
    expect(answer.mode).toBe('clusters');
    if (answer.mode !== 'clusters') return;
    expect(answer.total).toBe(15);
    expect(answer.clusters.reduce((n, c) => n + c.count, 0)).toBe(15);
    const a1 = answer.clusters.find((c) => Math.abs(c.lat - A1.lat) < 0.01 && Math.abs(c.lng - A1.lng) < 0.005)!;
    expect(a1).toMatchObject({ count: 10, breakdown: { dibao: 6, veteran: 4, party_member: 4 } });
    expect(a1.key).toMatch(/^12\/\d+\/\d+$/);
  });

  it('returns individual points from zoom 16, with masked labels and tags', async () => {
    const answer = await households(cadreA1, `bbox=${NEAR_A1}&zoom=16.4`);
    expect(answer.mode).toBe('points');
    if (answer.mode !== 'points') return;
    expect(answer.points).toHaveLength(10);
    expect(answer.truncated).toBe(false);
    expect(answer.points[0].label).toMatch(/^测\*\*\* · /);
    expect(JSON.stringify(answer)).not.toContain('测试户主');
  });

  it('filters by tag and by area', async () => {
    const veterans = await households(town, `bbox=${WIDE}&zoom=12&tags=veteran`);
    expect(veterans.total).toBe(4);
    const either = await households(town, `bbox=${WIDE}&zoom=12&tags=veteran,elderly_alone`);
    expect(either.total).toBe(9);
    const a2Only = await households(town, `bbox=${WIDE}&zoom=12&area=${AREAS.villageA2}`);
    expect(a2Only.total).toBe(5);
  });

  it('shows only households within the reader’s area, whatever the area filter says', async () => {
    expect((await households(cadreA1, `bbox=${WIDE}&zoom=12`)).total).toBe(10);
    expect((await households(cadreA1, `bbox=${WIDE}&zoom=12&area=${AREAS.villageA2}`)).total).toBe(0);
    expect((await (await ctx.as('handler')).get(`/api/map/households?bbox=${WIDE}&zoom=12`)).statusCode).toBe(403);
    expect((await ctx.anonymous().get(`/api/map/households?bbox=${WIDE}&zoom=12`)).statusCode).toBe(401);
  });

  it('follows changes at once: moved, retagged and archived households', async () => {
    const created = await seed(cadreA1, AREAS.villageA1, { lat: 27.85, lng: 115.95 }, 1, [], '山边');
    const far = `115.94,27.84,115.96,27.86`;
    expect((await households(cadreA1, `bbox=${far}&zoom=16`)).total).toBe(1);
    expect((await cadreA1.patch(`/api/households/${created[0]}`, { lat: 27.81, lng: 115.91, tags: ['tekun'], version: 1 })).statusCode).toBe(200);
    expect((await households(cadreA1, `bbox=${far}&zoom=16`)).total).toBe(0);
    expect((await households(cadreA1, `bbox=${WIDE}&zoom=12&tags=tekun`)).total).toBe(1);
    expect((await cadreA1.post(`/api/households/${created[0]}/archive`, { reason: '迁出' })).statusCode).toBe(200);
    expect((await households(cadreA1, `bbox=${WIDE}&zoom=12&tags=tekun`)).total).toBe(0);
  });

  it('refuses a bad viewport with a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['bbox=1,2,3&zoom=12', 'bbox'],
      [`bbox=116,27.9,115.8,27.7&zoom=12`, 'bbox'],
      [`bbox=${WIDE}&zoom=30`, 'zoom'],
      [`bbox=${WIDE}&zoom=12&tags=Bad!`, 'tags'],
    ]) {
      const response = await town.get(`/api/map/households?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('GET /api/map/cases', () => {
  beforeAll(async () => {
    const registrar = await ctx.as('registrar');
    for (const [i, area, at] of [
      [0, AREAS.villageA1, A1],
      [1, AREAS.villageA1, A1],
      [2, AREAS.villageA2, A2],
    ] as const) {
      const response = await registrar.post('/api/cases', caseInput({ areaCode: area, lat: at.lat + i * 0.0001, lng: at.lng, requester: { name: '群众', phone: `1390798900${i}` } }));
      expect(response.statusCode, response.body).toBe(201);
    }
  });

  it('clusters cases by state with a heat layer, and gives points when zoomed in', async () => {
    const response = await town.get(`/api/map/cases?bbox=${WIDE}&zoom=12`);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json() as { mode: string; total: number; clusters: MapCluster[]; heat: Array<{ weight: number; count: number }> };
    expect(answer).toMatchObject({ mode: 'clusters', total: 3 });
    expect(answer.clusters.reduce((n, c) => n + (c.breakdown.registered ?? 0), 0)).toBe(3);
    expect(Math.max(...answer.heat.map((h) => h.weight))).toBe(1);
    expect(answer.heat.reduce((n, h) => n + h.count, 0)).toBe(3);

    const near = (await town.get(`/api/map/cases?bbox=${NEAR_A1}&zoom=17`)).json() as { mode: string; points: Array<{ code: string; status: string }> };
    expect(near.mode).toBe('points');
    expect(near.points).toHaveLength(2);
    expect(near.points[0]).toMatchObject({ status: 'registered' });
    const closed = (await town.get(`/api/map/cases?bbox=${WIDE}&zoom=12&state=closed`)).json() as { total: number };
    expect(closed.total).toBe(0);
    expect((await town.get(`/api/map/cases?bbox=${WIDE}&zoom=12&state=lost`)).statusCode).toBe(400);
  });

  it('scopes cases like the ledger', async () => {
    const answer = (await (await ctx.as('cadreA2')).get(`/api/map/cases?bbox=${WIDE}&zoom=12`)).json() as { total: number };
    expect(answer.total).toBe(1);
  });
});

describe('GET /api/map/areas and /api/map/config', () => {
  it('gives the reader’s areas with centroids and household counts, without any tile service', async () => {
    await ctx.database.db
      .updateTable('areas')
      .set({ lat: A1.lat, lng: A1.lng, boundary: JSON.stringify({ type: 'Polygon', coordinates: [[[115.90, 27.80], [115.91, 27.80], [115.91, 27.81], [115.90, 27.80]]] }) })
      .where('code', '=', AREAS.villageA1)
      .execute();
    const response = await town.get('/api/map/areas');
    expect(response.statusCode, response.body).toBe(200);
    const items = (response.json() as { items: Array<{ code: string; households: number; boundary: { type: string } | null; lat: number | null }> }).items;
    const byCode = new Map(items.map((a) => [a.code, a]));
    expect(byCode.get(AREAS.townA)?.households).toBe(15);
    expect(byCode.get(AREAS.villageA1)).toMatchObject({ households: 10, lat: A1.lat, boundary: { type: 'Polygon' } });
    expect(byCode.has(AREAS.townB)).toBe(false);
    const cadre = (await cadreA1.get('/api/map/areas')).json() as { items: Array<{ code: string }> };
    expect(cadre.items.map((a) => a.code)).toEqual([AREAS.villageA1, AREAS.gridA1]);
  });

  it('tells the client the zoom thresholds and base layer', async () => {
    const response = await town.get('/api/map/config');
    expect(response.json()).toMatchObject({ pointsZoom: 16, maxPoints: 2000, tileUrl: null });
  });
});

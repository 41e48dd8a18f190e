import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { fieldsOf } from '../field-work/field-work.test-support.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL.
const { ctx, admin } = suiteContext({ admin: 'admin' });

const road = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[115.9, 27.76, 12], [115.91234567, 27.77]] }, properties: { name: '凤岭大道' } };
const school = { type: 'Feature', geometry: { type: 'Point', coordinates: [115.905, 27.765] }, properties: { name: '凤岭小学' } };
const pond = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[115.9, 27.76], [115.901, 27.76], [115.901, 27.761], [115.9, 27.76]]] }, properties: { name: '凤岭水库', kind: 'water' } };

describe('map layer (地图图层)', () => {
  it('imports roads, water and landmarks from GeoJSON; every map reads them, the portal’s too', async () => {
    const imported = await admin.post('/api/admin/map-features', { type: 'FeatureCollection', features: [road, school, pond] });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 3, removed: 0, total: 3 });

    const staff = (await (await ctx.as('cadreA1')).get('/api/map/features')).json();
    expect(staff.items.map((f: { name: string; kind: string }) => [f.name, f.kind])).toEqual([
      ['凤岭大道', 'road'],
      ['凤岭小学', 'landmark'],
      ['凤岭水库', 'water'],
    ]);
    // Altitudes dropped, 6 decimals kept.
    expect(staff.items[0].geometry.coordinates).toEqual([[115.9, 27.76], [115.912346, 27.77]]);
    const residents = (await ctx.anonymous().get('/api/public/map/features')).json();
    expect(residents.items).toHaveLength(3);

    // Replacing the layer.
    const replaced = (await admin.post('/api/admin/map-features', { type: 'FeatureCollection', features: [school], replace: true })).json();
    expect(replaced).toEqual({ imported: 1, removed: 3, total: 1 });
    const audit = await ctx.database.db.selectFrom('auditLog').select(['action', 'subjectType']).where('subjectType', '=', 'map_features').execute();
    expect(audit).toHaveLength(2);
  });

  it('is for admins only, and refuses bad GeoJSON with a 400 naming the field, writing nothing', async () => {
    const before = (await ctx.anonymous().get('/api/public/map/features')).json().items.length;
    expect((await (await ctx.as('cadreA1')).post('/api/admin/map-features', { type: 'FeatureCollection', features: [road] })).statusCode).toBe(403);
    const outOfRange = await admin.post('/api/admin/map-features', { type: 'FeatureCollection', features: [road, { ...school, geometry: { type: 'Point', coordinates: [200, 27] } }] });
    expect(outOfRange.statusCode).toBe(400);
    expect(fieldsOf(outOfRange.json()).join(' ')).toMatch(/features\.1\.geometry/);
    const unnamed = await admin.post('/api/admin/map-features', { type: 'FeatureCollection', features: [{ ...road, properties: {} }] });
    expect(fieldsOf(unnamed.json()).join(' ')).toMatch(/features\.0\.properties\.name/);
    const shape = await admin.post('/api/admin/map-features', { type: 'FeatureCollection', features: [{ ...road, geometry: { type: 'LineString', coordinates: [[115.9, 27.76]] } }] });
    expect(shape.statusCode).toBe(400);
    expect((await admin.post('/api/admin/map-features', { type: 'FeatureCollection', features: [] })).statusCode).toBe(400);
    expect((await ctx.anonymous().get('/api/public/map/features')).json().items).toHaveLength(before);
  });
});

import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

// — screens — 地图图层: roads, water and landmarks an admin imports as GeoJSON, drawn on every map
// without tiles so that a map of villages has something to find one's way by.

/** What a feature is: 道路 road · 水系 water · 地标 landmark (a school, a clinic, the village office). */
export const MAP_FEATURE_KINDS = ['road', 'water', 'landmark'] as const;
export type MapFeatureKind = (typeof MAP_FEATURE_KINDS)[number];

/** How many features one import may carry. */
export const MAP_FEATURES_MAX = 2000;

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const position = z.tuple([lng, lat]).rest(z.number()).describe('[longitude, latitude] (WGS-84), optional altitude ignored');
const line = z.array(position).min(2).max(5000);
const ring = z.array(position).min(4).max(5000);

/** The geometries a layer takes: lines for roads and water, points for landmarks, polygons for ponds and squares. */
export const MapFeatureGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1).max(200) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) }),
]);
export type MapFeatureGeometry = z.infer<typeof MapFeatureGeometrySchema>;

/** One GeoJSON Feature of an import: its name and kind in `properties`. */
export const MapFeatureInputSchema = z.object({
  type: z.literal('Feature'),
  geometry: MapFeatureGeometrySchema,
  properties: z.object({
    name: z.string().trim().min(1).max(60).describe('The name shown on the map (道路名、地标名)'),
    kind: z.enum(MAP_FEATURE_KINDS).optional().describe('Default: landmark for a point, road for a line, water for a polygon'),
  }),
});

/** Body of POST /api/admin/map-features: a GeoJSON FeatureCollection; `replace` clears the layer first. */
export const MapFeatureImportSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(MapFeatureInputSchema).min(1).max(MAP_FEATURES_MAX),
  replace: z.boolean().default(false).describe('Remove every feature imported before'),
});
export type MapFeatureImport = z.infer<typeof MapFeatureImportSchema>;

/** One feature as the maps draw it. */
export const MapFeatureSchema = z.object({
  id: z.string(),
  kind: z.enum(MAP_FEATURE_KINDS),
  name: z.string(),
  geometry: MapFeatureGeometrySchema,
});
export type MapFeature = z.infer<typeof MapFeatureSchema>;
export const MapFeatureListSchema = z.object({ items: z.array(MapFeatureSchema) });
export const MapFeatureImportedSchema = z.object({ imported: z.number().int(), removed: z.number().int().describe('Features removed by `replace`'), total: z.number().int() });

export const mapFeaturesEndpoints = defineEndpoints({
  'POST /api/admin/map-features': { tag: 'map', summary: '导入地图图层 Import roads, water and landmarks (GeoJSON FeatureCollection; admin)', body: MapFeatureImportSchema, response: MapFeatureImportedSchema },
  'GET /api/map/features': { tag: 'map', summary: '地图图层 Roads, water and landmarks drawn on maps without tiles', response: MapFeatureListSchema },
  'GET /api/public/map/features': { tag: 'public', public: true, summary: '地图图层 Roads, water and landmarks for the portal’s map (public places only)', response: MapFeatureListSchema },
});

import { z } from 'zod';
import { areaCode, commaList } from './fields.js';
import { defineEndpoints } from './endpoint.js';
import { CASE_STATES } from '../case-machine.js';

/** Contracts of the village map (民情图, SPEC §3). */

/** From this zoom on the map gets individual households instead of clusters. */
export const MAP_POINTS_ZOOM = 16;
/** At most this many points in one answer; more → `truncated: true` (zoom in). */
export const MAP_MAX_POINTS = 2000;

/** "minLng,minLat,maxLng,maxLat" (WGS-84 degrees), Leaflet's `getBounds().toBBoxString()`. */
const bbox = z
  .string()
  .max(200)
  .transform((s) => s.split(',').map(Number))
  .pipe(
    z
      .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
      .refine(([minLng, minLat, maxLng, maxLat]) => minLng <= maxLng && minLat <= maxLat, { message: 'bbox_order' }),
  )
  .describe('minLng,minLat,maxLng,maxLat');
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

// Leaflet may report fractional zooms (zoomSnap < 1): the grid uses the whole zoom below.
const zoom = z.coerce.number().min(0).max(22).transform(Math.floor).describe('Map zoom level (Web Mercator, 0–22; fractions are floored)');

/** Query of GET /api/map/households. */
export const MapHouseholdsQuerySchema = z.object({
  bbox,
  zoom,
  tags: commaList(z.string().regex(/^[a-z][a-z0-9_]{1,31}$/), 20).describe('Only households with any of these tags'),
  area: areaCode.optional().describe('Only this area subtree'),
});
export type MapHouseholdsQuery = z.infer<typeof MapHouseholdsQuerySchema>;

/** Query of GET /api/map/cases. */
export const MapCasesQuerySchema = z.object({
  bbox,
  zoom,
  state: commaList(z.enum(CASE_STATES), CASE_STATES.length).describe('Comma-separated case states (default: all)'),
  area: areaCode.optional().describe('Only this area subtree'),
  days: z.coerce.number().int().min(1).max(366).default(90).describe('Cases registered in the last N days'),
});
export type MapCasesQuery = z.infer<typeof MapCasesQuerySchema>;

/** Query of GET /api/map/areas. */
export const MapAreasQuerySchema = z.object({
  area: areaCode.optional().describe('Root of the areas to draw (default: the actor’s own areas)'),
  depth: z.coerce.number().int().min(1).max(3).default(2).describe('Levels below the root'),
});
export type MapAreasQuery = z.infer<typeof MapAreasQuerySchema>;

/** A group of nearby markers at a zoom too low to draw them one by one. */
export const MapClusterSchema = z.object({
  key: z.string().describe('Stable within a zoom: `<zoom>/<x>/<y>` of the grid cell'),
  count: z.number().int(),
  lat: z.number().describe('Mean latitude of the members'),
  lng: z.number().describe('Mean longitude of the members'),
  breakdown: z.record(z.string(), z.number().int()).describe('Members by tag (households) or by state (cases)'),
  id: z.string().optional().describe('The one member’s id when count is 1, so the client can draw it as a point'),
});
export type MapCluster = z.infer<typeof MapClusterSchema>;

/** A household on the map. */
export const MapHouseholdPointSchema = z.object({
  id: z.string(),
  lat: z.number(),
  lng: z.number(),
  areaCode: z.string(),
  tags: z.array(z.string()),
  label: z.string().describe('Masked head of household and address, e.g. "张** · 上屋组12号"'),
});
export type MapHouseholdPoint = z.infer<typeof MapHouseholdPointSchema>;

/** A case on the map. */
export const MapCasePointSchema = z.object({
  id: z.string(),
  code: z.string(),
  lat: z.number(),
  lng: z.number(),
  status: z.string(),
  dueLevel: z.string(),
  title: z.string(),
});
export type MapCasePoint = z.infer<typeof MapCasePointSchema>;

/** A heat layer cell: centre and weight (0–1 after normalising by the heaviest cell). */
export const MapHeatCellSchema = z.object({ lat: z.number(), lng: z.number(), weight: z.number(), count: z.number().int() });
export type MapHeatCell = z.infer<typeof MapHeatCellSchema>;

/** GET /api/map/households: clusters below MAP_POINTS_ZOOM, points from it on. */
export const MapHouseholdsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('clusters'), total: z.number().int(), clusters: z.array(MapClusterSchema) }),
  z.object({
    mode: z.literal('points'),
    total: z.number().int(),
    truncated: z.boolean().describe('More than MAP_MAX_POINTS in view: zoom in'),
    points: z.array(MapHouseholdPointSchema),
  }),
]);
export type MapHouseholds = z.infer<typeof MapHouseholdsSchema>;

/** GET /api/map/cases: clusters by state or points, and always a heat layer. */
export const MapCasesSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('clusters'), total: z.number().int(), truncated: z.boolean(), clusters: z.array(MapClusterSchema), heat: z.array(MapHeatCellSchema) }),
  z.object({ mode: z.literal('points'), total: z.number().int(), truncated: z.boolean(), points: z.array(MapCasePointSchema), heat: z.array(MapHeatCellSchema) }),
]);
export type MapCases = z.infer<typeof MapCasesSchema>;

/** An area the map draws without a tile service. */
export const MapAreaSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  level: z.string(),
  lat: z.number().nullable().describe('Centroid'),
  lng: z.number().nullable(),
  boundary: z.unknown().nullable().describe('GeoJSON Polygon or MultiPolygon'),
  households: z.number().int().describe('Households on the map in its subtree'),
});
export type MapAreaView = z.infer<typeof MapAreaSchema>;

/** GET /api/map/config. */
export const MapConfigSchema = z.object({
  tileUrl: z.string().nullable().describe('Tile URL template of the base layer; null: areas only'),
  tileAttribution: z.string().nullable(),
  pointsZoom: z.number().int().describe('From this zoom households come as points'),
  maxPoints: z.number().int(),
});
export type MapConfig = z.infer<typeof MapConfigSchema>;

const tag = 'map';

/** The map operations. */
export const mapEndpoints = defineEndpoints({
  'GET /api/map/households': { tag, summary: '民情图·户 Households in a viewport: clusters, or points from zoom 16', query: MapHouseholdsQuerySchema, response: MapHouseholdsSchema },
  'GET /api/map/cases': { tag, summary: '民情图·诉求 Cases in a viewport: clusters or points, and a heat layer', query: MapCasesQuerySchema, response: MapCasesSchema },
  'GET /api/map/areas': { tag, summary: '民情图·区划 Area centroids and boundaries (works without a tile service)', query: MapAreasQuerySchema, response: z.object({ items: z.array(MapAreaSchema) }) },
  'GET /api/map/config': { tag, summary: '民情图设置 Base layer and zoom thresholds', response: MapConfigSchema },
});

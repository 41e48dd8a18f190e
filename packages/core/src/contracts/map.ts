import { z } from 'zod';
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
const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);
const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(1000)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(item).max(max).optional());

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
export interface MapCluster {
  /** Stable within a zoom: `<zoom>/<x>/<y>` of the grid cell. */
  key: string;
  count: number;
  /** Mean position of the members. */
  lat: number;
  lng: number;
  /** Members by tag (households) or by state (cases). */
  breakdown: Record<string, number>;
  /** The one member's id when count is 1, so the client can draw it as a point. */
  id?: string;
}

export interface MapHouseholdPoint {
  id: string;
  lat: number;
  lng: number;
  areaCode: string;
  tags: string[];
  /** Masked head of household and address, e.g. "张** · 上屋组12号". */
  label: string;
}

export interface MapCasePoint {
  id: string;
  code: string;
  lat: number;
  lng: number;
  status: string;
  dueLevel: string;
  title: string;
}

/** A heat layer cell: centre and weight (0–1 after normalising by the heaviest cell). */
export interface MapHeatCell {
  lat: number;
  lng: number;
  weight: number;
  count: number;
}

/** The map operations. */
export const mapEndpoints = defineEndpoints({});

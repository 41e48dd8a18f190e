import { type Contract, MAP_MAX_POINTS, MAP_POINTS_ZOOM, type MapAreaSchema, type MapConfigSchema } from '@lianxin/core';
import type { AreaRow } from '../../db/schema.js';

/** An area with its boundary (GeoJSON) and the households on the map in its subtree. */
export const presentMapArea = (a: Pick<AreaRow, 'code' | 'parentCode' | 'name' | 'level' | 'lat' | 'lng' | 'boundary'>, households: number): Contract<typeof MapAreaSchema> => ({
  code: a.code,
  parentCode: a.parentCode,
  name: a.name,
  level: a.level,
  lat: a.lat,
  lng: a.lng,
  boundary: a.boundary ? (JSON.parse(a.boundary) as unknown) : null,
  households,
});

/** The map's settings. */
export const presentMapConfig = (tiles: { url?: string | null; attribution?: string | null }): Contract<typeof MapConfigSchema> => ({
  tileUrl: tiles.url ?? null,
  tileAttribution: tiles.attribution ?? null,
  pointsZoom: MAP_POINTS_ZOOM,
  maxPoints: MAP_MAX_POINTS,
});

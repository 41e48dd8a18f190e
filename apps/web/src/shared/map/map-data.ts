import type { MapFeature, SiteConfigView } from '@lianxin/core';
import { ApiError, call } from '../../api/client';
import type { MapArea } from './map-logic';

/** The base layer settings of /api/config. */
export type TileConfig = Pick<SiteConfigView, 'tileUrl' | 'tileAttribution'>;

let configOnce: Promise<TileConfig> | undefined;
/** /api/config once per page load (a tile service does not change while the page is open). */
export function loadTileConfig(): Promise<TileConfig> {
  configOnce ??= call('GET /api/config').catch(() => {
    configOnce = undefined;
    return { tileUrl: null, tileAttribution: null };
  });
  return configOnce;
}

let areasOnce: Promise<MapArea[]> | undefined;
let publicAreasOnce: Promise<MapArea[]> | undefined;

/** The public outlines and centroids (the residents' pages, without a session). */
export function loadPublicMapAreas(): Promise<MapArea[]> {
  publicAreasOnce ??= call('GET /api/public/map/areas').then(
    (r): MapArea[] => r.items,
    (error) => {
      publicAreasOnce = undefined;
      throw error;
    },
  );
  return publicAreasOnce;
}
/**
 * The areas the map draws without tiles: /api/map/areas (centroids, boundaries, household counts
 * of the user's own areas) when the server has it and lets this user read it, otherwise the plain
 * area list of /api/areas (centroids only).
 */
export function loadMapAreas(): Promise<MapArea[]> {
  areasOnce ??= call('GET /api/map/areas', { query: { depth: 3 } })
    .then((r): MapArea[] => r.items)
    .catch(async (error) => {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      return (await call('GET /api/areas')).items;
    })
    .catch((error) => {
      areasOnce = undefined;
      throw error;
    });
  return areasOnce;
}

// — screens —
let featuresOnce: Promise<MapFeature[]> | undefined;
let publicFeaturesOnce: Promise<MapFeature[]> | undefined;

/** Roads, water and landmarks an admin imported (地图图层), once per page load; none when unreadable. */
export function loadMapFeatures(publicOnly: boolean): Promise<MapFeature[]> {
  const load = () => (publicOnly ? call('GET /api/public/map/features') : call('GET /api/map/features')).then((r) => r.items, () => [] as MapFeature[]);
  if (publicOnly) return (publicFeaturesOnce ??= load());
  return (featuresOnce ??= load());
}

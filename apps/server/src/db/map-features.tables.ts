/**
 * Row types of the map layer (migration 2026120751_map_features): roads, water and landmarks
 * imported as GeoJSON. `DB` in schema.ts extends this.
 */
export interface MapFeatureTable {
  id: string;
  kind: string;
  name: string;
  /** The GeoJSON geometry, as text. */
  geometry: string;
  sort: number;
  importedBy: string | null;
  importedAt: string;
}

export interface MapFeatureTables {
  mapFeatures: MapFeatureTable;
}

import { randomUUID } from 'node:crypto';
import { type MapFeature, type MapFeatureGeometry, type MapFeatureImport, type MapFeatureKind, MapFeatureGeometrySchema, MAP_FEATURE_KINDS } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { AuditLog } from '../audit/audit.service.js';

/** A feature's kind when the import names none: points are landmarks, polygons water, lines roads. */
export function defaultKind(geometry: MapFeatureGeometry): MapFeatureKind {
  if (geometry.type === 'Point') return 'landmark';
  if (geometry.type === 'Polygon') return 'water';
  return 'road';
}

/** Rounds coordinates to 6 decimals (about 10 cm) and drops altitudes: the stored text stays small. */
function compact(geometry: MapFeatureGeometry): MapFeatureGeometry {
  const p = (c: number[]): [number, number] => [Math.round(c[0] * 1e6) / 1e6, Math.round(c[1] * 1e6) / 1e6];
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: p(geometry.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(p) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((l) => l.map(p)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(p)) };
  }
}

/**
 * 地图图层: roads, water and landmarks imported by an admin (GeoJSON), read by every map. Roads
 * and landmarks are public places, so the portal's map shows them too.
 */
export function createMapFeaturesService({ db, clock, audit }: { db: Kysely<DB>; clock: Clock; audit: AuditLog }) {
  async function list(): Promise<{ items: MapFeature[] }> {
    const rows = await db.selectFrom('mapFeatures').select(['id', 'kind', 'name', 'geometry']).orderBy('sort').execute();
    const items: MapFeature[] = [];
    for (const r of rows) {
      const geometry = MapFeatureGeometrySchema.safeParse(JSON.parse(r.geometry));
      if (geometry.success && (MAP_FEATURE_KINDS as readonly string[]).includes(r.kind)) items.push({ id: r.id, kind: r.kind as MapFeatureKind, name: r.name, geometry: geometry.data });
    }
    return { items };
  }

  return {
    list: (_actor: Actor) => list(),
    publicList: () => list(),

    /** Imports a FeatureCollection in one transaction (replacing the layer when asked); audited. */
    async import(actor: Actor, input: MapFeatureImport) {
      assertCan(actor, 'org.manage');
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        let removed = 0;
        if (input.replace) removed = Number((await trx.deleteFrom('mapFeatures').executeTakeFirst()).numDeletedRows);
        const start = Number((await trx.selectFrom('mapFeatures').select((eb) => eb.fn.max<number>('sort').as('n')).executeTakeFirst())?.n ?? 0);
        const rows = input.features.map((f, i) => ({
          id: randomUUID(),
          kind: f.properties.kind ?? defaultKind(f.geometry),
          name: f.properties.name,
          geometry: JSON.stringify(compact(f.geometry)),
          sort: start + i + 1,
          importedBy: actor.userId,
          importedAt: now,
        }));
        for (let i = 0; i < rows.length; i += 200) await trx.insertInto('mapFeatures').values(rows.slice(i, i + 200)).execute();
        const total = Number((await trx.selectFrom('mapFeatures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        await audit.append({ actorUserId: actor.userId, action: 'import', subjectType: 'map_features', subjectId: 'map_features', detail: { imported: rows.length, removed } }, trx);
        return { imported: rows.length, removed, total };
      });
    },
  };
}
export type MapFeaturesService = ReturnType<typeof createMapFeaturesService>;

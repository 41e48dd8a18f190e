import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { MapFeaturesService } from './map-features.service.js';

/** A road network of a county is a few megabytes of GeoJSON. */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

/** 地图图层: the admin's GeoJSON import, and the layer every map draws (the portal's too). */
export async function mapFeaturesRoutes(app: FastifyInstance, { mapFeatures }: { mapFeatures: MapFeaturesService }) {
  route(app, 'POST /api/admin/map-features', (request) => mapFeatures.import(actorOf(request), request.body), { bodyLimit: IMPORT_BODY_LIMIT });
  route(app, 'GET /api/map/features', (request) => mapFeatures.list(actorOf(request)));
  route(app, 'GET /api/public/map/features', () => mapFeatures.publicList());
}

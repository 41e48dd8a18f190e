import { MAP_MAX_POINTS, MAP_POINTS_ZOOM, type MapAreasQuery, MapAreasQuerySchema, type MapCasesQuery, MapCasesQuerySchema, type MapHouseholdsQuery, MapHouseholdsQuerySchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { createMapService } from './map.service.js';

/** The village map (民情图): households, cases and areas by viewport, and the map's settings. */
export async function mapRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const map = createMapService({ db: services.db, clock: services.clock });
  const tags = ['map'];

  app.get('/api/map/households', { schema: { tags, summary: '民情图·户 Households in a viewport: clusters, or points from zoom 16', querystring: MapHouseholdsQuerySchema } }, async (request) =>
    map.households(actorOf(request), request.query as MapHouseholdsQuery),
  );
  app.get('/api/map/cases', { schema: { tags, summary: '民情图·诉求 Cases in a viewport: clusters or points, and a heat layer', querystring: MapCasesQuerySchema } }, async (request) =>
    map.cases(actorOf(request), request.query as MapCasesQuery),
  );
  app.get('/api/map/areas', { schema: { tags, summary: '民情图·区划 Area centroids and boundaries (works without a tile service)', querystring: MapAreasQuerySchema } }, async (request) =>
    map.areas(actorOf(request), request.query as MapAreasQuery),
  );
  app.get('/api/map/config', { schema: { tags, summary: '民情图设置 Base layer and zoom thresholds' } }, async (request) => {
    actorOf(request);
    const { config } = services;
    return { tileUrl: config.tileUrl ?? null, tileAttribution: config.tileAttribution ?? null, pointsZoom: MAP_POINTS_ZOOM, maxPoints: MAP_MAX_POINTS };
  });
}

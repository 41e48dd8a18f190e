import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { MapService } from './map.service.js';

/** The village map (民情图): households, cases and areas by viewport, and the map's settings. */
export async function mapRoutes(app: FastifyInstance, { map }: { map: MapService }) {
  route(app, 'GET /api/map/households', (request) => map.households(actorOf(request), request.query));
  route(app, 'GET /api/map/cases', (request) => map.cases(actorOf(request), request.query));
  route(app, 'GET /api/map/areas', (request) => map.areas(actorOf(request), request.query));
  route(app, 'GET /api/map/config', (request) => map.config(actorOf(request)));
}

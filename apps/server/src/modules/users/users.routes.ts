import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { UsersService } from './users.service.js';

/** The staff directory for pickers, and staff accounts with their roles (admins of the area). */
export async function usersRoutes(app: FastifyInstance, { users }: { users: UsersService }) {
  route(app, 'GET /api/staff', async (request) => ({ items: await users.directory(actorOf(request), request.query) }));
  route(app, 'GET /api/admin/users', (request) => users.list(actorOf(request), request.query));
  route(app, 'GET /api/admin/users/:id', (request) => users.get(actorOf(request), request.params.id));
  route(app, 'POST /api/admin/users', (request) => users.create(actorOf(request), request.body));
  route(app, 'POST /api/admin/users/:id/unlock', (request) => users.unlock(actorOf(request), request.params.id));
  route(app, 'PATCH /api/admin/users/:id', (request) => users.update(actorOf(request), request.params.id, request.body));
}

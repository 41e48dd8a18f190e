import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { buildCategoryTree, presentCategory } from './categories.presenter.js';
import type { CategoriesService } from './categories.service.js';

/** The category tree (诉求分类): read by all staff, maintained by admins. */
export async function categoriesRoutes(app: FastifyInstance, { categories }: { categories: CategoriesService }) {
  route(app, 'GET /api/categories', async (request) => ({ items: buildCategoryTree(await categories.list(actorOf(request)), request.query.includeInactive) }));
  route(app, 'POST /api/admin/categories', async (request) => presentCategory(await categories.create(actorOf(request), request.body)));
  route(app, 'PATCH /api/admin/categories/:code', async (request) => presentCategory(await categories.update(actorOf(request), request.params.code, request.body)));
}

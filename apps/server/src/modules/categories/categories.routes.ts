import { type CategoryCreate, CategoryCodeParamsSchema, CategoryCreateSchema, CategoryListQuerySchema, type CategoryUpdate, CategoryUpdateSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import { buildCategoryTree, presentCategory } from './categories.presenter.js';
import type { CategoriesService } from './categories.service.js';

/** GET /api/categories, POST /api/admin/categories, PATCH /api/admin/categories/:code. */
export async function categoriesRoutes(app: FastifyInstance, { categories }: { categories: CategoriesService }) {
  const tags = ['categories'];

  app.get('/api/categories', { schema: { tags, summary: '诉求分类树 Category tree', querystring: CategoryListQuerySchema } }, async (request) => {
    const { includeInactive } = request.query as { includeInactive: boolean };
    return { items: buildCategoryTree(await categories.list(actorOf(request)), includeInactive) };
  });

  app.post('/api/admin/categories', { schema: { tags, summary: '新增分类 Create a category', body: CategoryCreateSchema } }, async (request, reply) => {
    const created = await categories.create(actorOf(request), request.body as CategoryCreate);
    return reply.status(201).send(presentCategory(created));
  });

  app.patch(
    '/api/admin/categories/:code',
    { schema: { tags, summary: '修改、移动或停用分类 Update, move or deactivate a category', params: CategoryCodeParamsSchema, body: CategoryUpdateSchema } },
    async (request) => presentCategory(await categories.update(actorOf(request), (request.params as { code: string }).code, request.body as CategoryUpdate)),
  );
}

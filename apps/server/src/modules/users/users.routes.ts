import { IdParamsSchema, type StaffQuery, StaffQuerySchema, type UserCreate, UserCreateSchema, type UserListQuery, UserListQuerySchema, type UserUpdate, UserUpdateSchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Cipher } from '../../security/cipher.js';
import { presentUser } from './users.presenter.js';
import type { UsersService } from './users.service.js';

/** GET /api/staff (colleagues for pickers); GET/POST /api/admin/users, GET/PATCH /api/admin/users/:id — admins only. */
export async function usersRoutes(app: FastifyInstance, { users, cipher }: { users: UsersService; cipher: Cipher }) {
  const tags = ['users'];

  app.get('/api/staff', { schema: { tags, summary: '同事名录 Staff for pickers (names, units, roles)', querystring: StaffQuerySchema } }, async (request) => ({
    items: await users.directory(actorOf(request), request.query as StaffQuery),
  }));

  app.get('/api/admin/users', { schema: { tags, summary: '用户列表 List users', querystring: UserListQuerySchema } }, async (request) => {
    const query = request.query as UserListQuery;
    const { rows, total, grants } = await users.list(actorOf(request), query);
    return { items: rows.map((u) => presentUser(u, grants, cipher)), total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/admin/users/:id', { schema: { tags, summary: '用户详情 User detail', params: IdParamsSchema } }, async (request) => {
    const { user, grants } = await users.get(actorOf(request), (request.params as { id: string }).id);
    return presentUser(user, grants, cipher);
  });

  app.post('/api/admin/users', { schema: { tags, summary: '新增用户 Create a user', body: UserCreateSchema } }, async (request, reply) => {
    const { user, grants } = await users.create(actorOf(request), request.body as UserCreate);
    return reply.status(201).send(presentUser(user, grants, cipher));
  });

  app.patch(
    '/api/admin/users/:id',
    { schema: { tags, summary: '修改、停用用户或重置密码 Update, deactivate or reset a user', params: IdParamsSchema, body: UserUpdateSchema } },
    async (request) => {
      const { user, grants } = await users.update(actorOf(request), (request.params as { id: string }).id, request.body as UserUpdate);
      return presentUser(user, grants, cipher);
    },
  );
}

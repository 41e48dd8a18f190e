import { z } from 'zod';
import { LOCALES } from '../messages.js';
import { ROLES } from '../vocabulary.js';
import { defineEndpoints } from './endpoint.js';

/** Body of POST /api/auth/login. */
export const LoginSchema = z.object({
  username: z.string().trim().min(1).max(64).describe('User name'),
  password: z.string().min(1).max(200).describe('Password'),
});
export type Login = z.infer<typeof LoginSchema>;

/** A role the signed-in user holds in a unit; the unit's area bounds what the role reaches. */
export const RoleGrantViewSchema = z.object({
  role: z.enum(ROLES),
  roleLabel: z.string().describe('The role’s name in the caller’s language'),
  unitId: z.string(),
  unitName: z.string(),
  areaCode: z.string().describe('Area of the unit: the role reaches its subtree'),
  areaName: z.string().optional(),
});
export type RoleGrantView = z.infer<typeof RoleGrantViewSchema>;

/** The signed-in staff member (GET /api/auth/me, and the answer of a sign-in). */
export const MeSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  csrfToken: z.string().describe('Send as `x-csrf-token` on every state-changing call'),
  roles: z.array(RoleGrantViewSchema),
});
export type MeView = z.infer<typeof MeSchema>;

/** The auth operations. */
export const authEndpoints = defineEndpoints({
  'POST /api/auth/login': { tag: 'auth', summary: '登录 Sign in', public: true, body: LoginSchema, response: MeSchema },
  'POST /api/auth/logout': { tag: 'auth', summary: '退出 Sign out', status: 204 },
  'GET /api/auth/me': { tag: 'auth', summary: '当前用户 Who am I', response: MeSchema },
});

import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestContext } from './context.js';

/** Asserts an application/problem+json answer with this status, naming `field` when given. */
export function expectProblem(res: LightMyRequestResponse, status: number, field?: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
}

/** Number of audit entries, optionally about one subject. */
export async function auditCount(ctx: TestContext, subjectType?: string, subjectId?: string): Promise<number> {
  let query = ctx.database.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number | string>().as('n'));
  if (subjectType) query = query.where('subjectType', '=', subjectType);
  if (subjectId) query = query.where('subjectId', '=', subjectId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The latest audit entry about a subject, with its detail parsed. */
export async function lastAudit(ctx: TestContext, subjectType: string, subjectId: string) {
  const row = await ctx.database.db
    .selectFrom('auditLog')
    .selectAll()
    .where('subjectType', '=', subjectType)
    .where('subjectId', '=', subjectId)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row ? { ...row, detail: row.detail ? JSON.parse(row.detail) : null } : undefined;
}

import { type AuditListQuery, AuditListQuerySchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { AuditQueries } from './audit.queries.js';

/** GET /api/admin/audit (keyset-paged, newest first) and GET /api/admin/audit/verify. */
export async function auditRoutes(app: FastifyInstance, { auditQueries }: { auditQueries: AuditQueries }) {
  const tags = ['audit'];

  app.get('/api/admin/audit', { schema: { tags, summary: '审计日志 Audit log', querystring: AuditListQuerySchema } }, async (request) => {
    const page = await auditQueries.list(actorOf(request), request.query as AuditListQuery);
    return {
      items: page.items.map((e) => ({ ...e, detail: e.detail ? (JSON.parse(e.detail) as unknown) : null })),
      nextCursor: page.nextCursor,
    };
  });

  app.get('/api/admin/audit/verify', { schema: { tags, summary: '校验审计日志哈希链 Verify the audit hash chain' } }, async (request) =>
    auditQueries.verify(actorOf(request)),
  );
}

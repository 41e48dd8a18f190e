import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import type { AuditReader } from './audit.reader.js';

/** The audit log (keyset-paged, newest first) and the check of its hash chain. */
export async function auditRoutes(app: FastifyInstance, { auditReader }: { auditReader: AuditReader }) {
  route(app, 'GET /api/admin/audit', (request) => auditReader.list(actorOf(request), request.query));
  route(app, 'GET /api/admin/audit/verify', (request) => auditReader.verify(actorOf(request)));
}

import multipart from '@fastify/multipart';
import { MEDIA } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { requestLocale } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import type { HouseholdLedger } from './households.ledger.js';
import type { HouseholdRecords } from './households.records.js';
import type { HouseholdsService } from './households.service.js';

const MAX_IMPORT_MB = 10;

/** The household registry (民情档案): households, members, tags, help, history, Excel ledger. */
export async function householdsRoutes(app: FastifyInstance, { households, records, ledger }: { households: HouseholdsService; records: HouseholdRecords; ledger: HouseholdLedger }) {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_MB * 1024 * 1024, files: 1, fields: 5 } });

  route(app, 'GET /api/households', (request) => households.list(actorOf(request), request.query));
  route(app, 'POST /api/households', (request) => households.create(actorOf(request), request.body));

  route(app, 'GET /api/households/template.xlsx', async (request, reply) => sendFile(reply, { ...(await ledger.template(actorOf(request))), mimeType: MEDIA.xlsx }));
  route(app, 'POST /api/households/import', async (request) => {
    const actor = actorOf(request);
    if (!request.isMultipart()) throw new AppError(400, 'error.validation', {}, 'file');
    const file = await request.file();
    if (!file) throw new AppError(400, 'error.validation', {}, 'file');
    const data = await file.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'error.file_too_large', { max: MAX_IMPORT_MB }, 'file');
      throw error;
    });
    return ledger.importLedger(actor, data, requestLocale(request));
  });
  route(app, 'GET /api/households/export.xlsx', async (request, reply) => sendFile(reply, { ...(await ledger.exportLedger(actorOf(request), request.query)), mimeType: MEDIA.xlsx }));

  route(app, 'GET /api/households/:id', (request) => households.get(actorOf(request), request.params.id));
  route(app, 'PATCH /api/households/:id', (request) => households.update(actorOf(request), request.params.id, request.body));
  route(app, 'POST /api/households/:id/archive', (request) => households.archive(actorOf(request), request.params.id, request.body.reason));
  route(app, 'GET /api/households/:id/personal-data', (request) => households.reveal(actorOf(request), request.params.id));
  route(app, 'GET /api/households/:id/history', (request) => records.history(actorOf(request), request.params.id));

  route(app, 'POST /api/households/:id/members', (request) => households.addMember(actorOf(request), request.params.id, request.body));
  route(app, 'PATCH /api/households/:id/members/:memberId', (request) => households.updateMember(actorOf(request), request.params.id, request.params.memberId, request.body));
  route(app, 'DELETE /api/households/:id/members/:memberId', (request) => households.removeMember(actorOf(request), request.params.id, request.params.memberId));
  route(app, 'POST /api/households/:id/help', (request) => records.addHelp(actorOf(request), request.params.id, request.body));

  route(app, 'GET /api/tags', (request) => records.listTags(actorOf(request), request.query.includeInactive === true));
  route(app, 'POST /api/admin/tags', (request) => records.createTag(actorOf(request), request.body));
  route(app, 'PATCH /api/admin/tags/:code', (request) => records.updateTag(actorOf(request), request.params.code, request.body));
}

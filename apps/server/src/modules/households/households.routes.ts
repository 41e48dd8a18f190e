import multipart from '@fastify/multipart';
import {
  type HelpCreate,
  HelpCreateSchema,
  type HouseholdArchive,
  HouseholdArchiveSchema,
  type HouseholdCreate,
  HouseholdCreateSchema,
  type HouseholdExportQuery,
  HouseholdExportQuerySchema,
  HouseholdIdParamsSchema,
  type HouseholdListQuery,
  HouseholdListQuerySchema,
  type HouseholdUpdate,
  HouseholdUpdateSchema,
  type MemberInput,
  MemberInputSchema,
  MemberParamsSchema,
  type MemberUpdate,
  MemberUpdateSchema,
  type TagCreate,
  TagCreateSchema,
  TagListQuerySchema,
  TagParamsSchema,
  type TagUpdate,
  TagUpdateSchema,
} from '@lianxin/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../errors.js';
import { actorOf } from '../../plugins/auth.js';
import { requestLocale } from '../../plugins/problem.js';
import type { Services } from '../../services.js';
import { buildTemplate } from './households.excel.js';
import { createHouseholdLedger } from './households.ledger.js';
import { createHouseholdRecords } from './households.records.js';
import { createHouseholdsService } from './households.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_IMPORT_MB = 10;

function sendWorkbook(reply: FastifyReply, data: Buffer, fileName: string) {
  return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(data);
}

/** The household registry (民情档案): households, members, tags, help, history, Excel ledger. */
export async function householdsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_MB * 1024 * 1024, files: 1, fields: 5 } });
  const { db, audit, clock, cipher } = services;
  const households = createHouseholdsService({ db, audit, clock, cipher });
  const records = createHouseholdRecords({ db, audit, clock, households });
  const ledger = createHouseholdLedger({ db, cipher, audit, households });
  const tags = ['households'];
  type Id = { id: string };
  type MemberId = { id: string; memberId: string };

  app.get('/api/households', { schema: { tags, summary: '民情档案 List households (scoped, keyset-paged)', querystring: HouseholdListQuerySchema } }, async (request) =>
    households.list(actorOf(request), request.query as HouseholdListQuery),
  );
  app.post('/api/households', { schema: { tags, summary: '建档 Register a household', body: HouseholdCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await households.create(actorOf(request), request.body as HouseholdCreate)),
  );

  app.get('/api/households/template.xlsx', { schema: { tags, summary: '导入模板 Excel import template' } }, async (_request, reply) =>
    sendWorkbook(reply, await buildTemplate(await records.listTags(false)), '民情档案导入模板.xlsx'),
  );
  app.post('/api/households/import', { schema: { tags, summary: '导入 Import households from Excel (multipart field "file")', consumes: ['multipart/form-data'] } }, async (request) => {
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
  app.get('/api/households/export.xlsx', { schema: { tags, summary: '导出 Export the filtered registry (masked unless unmasked=true, audited)', querystring: HouseholdExportQuerySchema } }, async (request, reply) =>
    sendWorkbook(reply, await ledger.exportLedger(actorOf(request), request.query as HouseholdExportQuery), `民情档案-${clock.now().toISOString().slice(0, 10)}.xlsx`),
  );

  app.get('/api/households/:id', { schema: { tags, summary: '户详情 One household with members (masked)', params: HouseholdIdParamsSchema } }, async (request) =>
    households.get(actorOf(request), (request.params as Id).id),
  );
  app.patch('/api/households/:id', { schema: { tags, summary: '修改户信息 Update a household', params: HouseholdIdParamsSchema, body: HouseholdUpdateSchema } }, async (request) =>
    households.update(actorOf(request), (request.params as Id).id, request.body as HouseholdUpdate),
  );
  app.post('/api/households/:id/archive', { schema: { tags, summary: '注销 Archive a household', params: HouseholdIdParamsSchema, body: HouseholdArchiveSchema } }, async (request) =>
    households.archive(actorOf(request), (request.params as Id).id, (request.body as HouseholdArchive).reason),
  );
  app.get('/api/households/:id/personal-data', { schema: { tags, summary: '查看完整个人信息（留痕）Reveal members (audited)', params: HouseholdIdParamsSchema } }, async (request) =>
    households.reveal(actorOf(request), (request.params as Id).id),
  );
  app.get('/api/households/:id/history', { schema: { tags, summary: '户的全部记录 Visits, cases, campaigns and help of a household', params: HouseholdIdParamsSchema } }, async (request) =>
    records.history(actorOf(request), (request.params as Id).id),
  );

  app.post('/api/households/:id/members', { schema: { tags, summary: '增加成员 Add a member', params: HouseholdIdParamsSchema, body: MemberInputSchema } }, async (request, reply) =>
    reply.status(201).send(await households.addMember(actorOf(request), (request.params as Id).id, request.body as MemberInput)),
  );
  app.patch('/api/households/:id/members/:memberId', { schema: { tags, summary: '修改成员 Update a member', params: MemberParamsSchema, body: MemberUpdateSchema } }, async (request) => {
    const { id, memberId } = request.params as MemberId;
    return households.updateMember(actorOf(request), id, memberId, request.body as MemberUpdate);
  });
  app.delete('/api/households/:id/members/:memberId', { schema: { tags, summary: '删除成员 Remove a member', params: MemberParamsSchema } }, async (request) => {
    const { id, memberId } = request.params as MemberId;
    return households.removeMember(actorOf(request), id, memberId);
  });
  app.post('/api/households/:id/help', { schema: { tags, summary: '登记帮扶 Record help received', params: HouseholdIdParamsSchema, body: HelpCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await records.addHelp(actorOf(request), (request.params as Id).id, request.body as HelpCreate)),
  );

  app.get('/api/tags', { schema: { tags, summary: '户标签 Household tags', querystring: TagListQuerySchema } }, async (request) => {
    actorOf(request);
    return { items: await records.listTags((request.query as { includeInactive?: boolean }).includeInactive === true) };
  });
  app.post('/api/admin/tags', { schema: { tags, summary: '新增标签 Add a tag (admin)', body: TagCreateSchema } }, async (request, reply) =>
    reply.status(201).send(await records.createTag(actorOf(request), request.body as TagCreate)),
  );
  app.patch('/api/admin/tags/:code', { schema: { tags, summary: '修改或停用标签 Update or withdraw a tag (admin)', params: TagParamsSchema, body: TagUpdateSchema } }, async (request) =>
    records.updateTag(actorOf(request), (request.params as { code: string }).code, request.body as TagUpdate),
  );
}

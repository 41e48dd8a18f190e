import { z } from 'zod';
import { areaCode, id, commaList } from './fields.js';
import { defineEndpoints, MEDIA, pageOf } from './endpoint.js';
import { ContactCardsQuerySchema } from './portal.js';
import { isValidIdNumber, PHONE_PATTERN } from '../identity.js';
import { HOUSEHOLD_RELATIONSHIPS, RELATIONSHIP_LABELS, HELP_KINDS, HELP_KIND_LABELS } from './values.js';
export { HOUSEHOLD_RELATIONSHIPS, RELATIONSHIP_LABELS, HELP_KINDS, HELP_KIND_LABELS } from './values.js';

/** Contracts of the household registry (民情档案, SPEC §3). */

export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];


export type HelpKind = (typeof HELP_KINDS)[number];


export const GENDERS = ['male', 'female'] as const;

const tagCode = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/);
/** YYYY or YYYY-MM-DD. */
const birthDate = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'YYYY or YYYY-MM-DD');
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A member (成员) of a household. Phones and ID numbers are encrypted at rest and masked in answers. */
export const MemberInputSchema = z.object({
  name: z.string().trim().min(1).max(50).describe('Name 姓名'),
  relationship: z.enum(HOUSEHOLD_RELATIONSHIPS).describe('Relationship to the head 与户主关系'),
  gender: z.enum(GENDERS).optional().describe('性别'),
  birthDate: birthDate.optional().describe('Year or date of birth 出生年份或日期'),
  idNumber: z.string().trim().refine(isValidIdNumber, { message: 'invalid_id_number' }).optional().describe('18-digit resident ID 身份证号'),
  phone: z.string().trim().regex(PHONE_PATTERN).optional().describe('Mobile or landline 联系电话'),
  note: z.string().trim().max(500).optional().describe('备注 (e.g. 外出务工, 在校)'),
});
export type MemberInput = z.infer<typeof MemberInputSchema>;

/** Body of PATCH /api/households/:id/members/:memberId. */
export const MemberUpdateSchema = MemberInputSchema.extend({
  gender: z.enum(GENDERS).nullable().optional(),
  birthDate: birthDate.nullable().optional(),
  idNumber: MemberInputSchema.shape.idNumber.unwrap().nullable().optional(),
  phone: MemberInputSchema.shape.phone.unwrap().nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
})
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing_to_change' });
export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;

const householdFields = {
  areaCode: areaCode.describe('Village, community or grid the household belongs to (division code)'),
  address: z.string().trim().min(1).max(200).describe('Address 住址'),
  lat: z.number().min(-90).max(90).nullable().optional().describe('Latitude (WGS-84)'),
  lng: z.number().min(-180).max(180).nullable().optional().describe('Longitude (WGS-84)'),
  headName: z.string().trim().min(1).max(50).describe('Name of the head of household 户主姓名'),
  contactUserId: id.nullable().optional().describe('Contact cadre 联户干部 (a user id)'),
  needs: z.string().trim().max(2000).nullable().optional().describe('What the household needs 诉求与需求'),
  notes: z.string().trim().max(2000).nullable().optional().describe('备注'),
  tags: z.array(tagCode).max(20).optional().describe('Tag codes (低保 dibao, 特困 tekun …)'),
};

const bothCoordinates = (v: { lat?: number | null; lng?: number | null }) => (v.lat == null) === (v.lng == null);

/** Body of POST /api/households: the household and, optionally, its members. */
export const HouseholdCreateSchema = z
  .object({ ...householdFields, members: z.array(MemberInputSchema).max(30).default([]).describe('Members other than or including the head') })
  .refine(bothCoordinates, { message: 'coordinates_pair', path: ['lng'] });
export type HouseholdCreate = z.infer<typeof HouseholdCreateSchema>;

/** Body of PATCH /api/households/:id: any field, with the version read (optimistic lock). */
export const HouseholdUpdateSchema = z
  .object({ ...householdFields, version: z.number().int().min(1).describe('The version the change is based on') })
  .partial({ areaCode: true, address: true, headName: true })
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'nothing_to_change' })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined) && bothCoordinates(v), { message: 'coordinates_pair', path: ['lng'] });
export type HouseholdUpdate = z.infer<typeof HouseholdUpdateSchema>;

/** Filters of the registry list, the export and (area, tags) the map. */
export const HouseholdFiltersSchema = z.object({
  areaCode: areaCode.optional().describe('Area subtree'),
  tags: commaList(tagCode, 20).describe('Comma-separated tag codes'),
  tagMatch: z.enum(['any', 'all']).default('any').describe('Households with any (default) or all of the tags'),
  contactUserId: id.optional().describe('Contact cadre 联户干部'),
  q: z.string().trim().min(1).max(100).optional().describe('Text in the address'),
  includeArchived: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type HouseholdFilters = z.infer<typeof HouseholdFiltersSchema>;

/** Query of GET /api/households: filters and a keyset cursor. */
export const HouseholdListQuerySchema = HouseholdFiltersSchema.extend({
  cursor: z.string().max(300).optional().describe('Opaque cursor of the next page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;

/** Query of GET /api/households/export.xlsx. */
export const HouseholdExportQuerySchema = HouseholdFiltersSchema.extend({
  unmasked: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Full names, phones and ID numbers (allowed roles only; audited)'),
});
export type HouseholdExportQuery = z.infer<typeof HouseholdExportQuerySchema>;

/** Body of POST /api/admin/tags. */
export const TagCreateSchema = z.object({
  code: tagCode.describe('Stable code: lowercase letters, digits and _'),
  nameZh: z.string().trim().min(1).max(20).describe('中文名称'),
  nameEn: z.string().trim().min(1).max(40).describe('English name'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#1677ff').describe('Marker colour on the map'),
  sort: z.number().int().min(0).max(10000).optional(),
});
export type TagCreate = z.infer<typeof TagCreateSchema>;

/** Body of PATCH /api/admin/tags/:code. */
export const TagUpdateSchema = TagCreateSchema.omit({ code: true })
  .extend({ isActive: z.boolean().optional() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing_to_change' });
export type TagUpdate = z.infer<typeof TagUpdateSchema>;

/** Body of POST /api/households/:id/help: help the household received (帮扶记录). */
export const HelpCreateSchema = z.object({
  kind: z.enum(HELP_KINDS).describe('帮扶类型'),
  description: z.string().trim().min(1).max(500).describe('What was given or done'),
  amount: z.number().min(0).max(10_000_000).optional().describe('Amount in yuan, for money or goods'),
  unitId: id.optional().describe('The unit that gave it'),
  provider: z.string().trim().min(1).max(100).optional().describe('Giver outside the platform’s units (企业、社会组织)'),
  givenOn: dateOnly.describe('Date given, YYYY-MM-DD'),
});
export type HelpCreate = z.infer<typeof HelpCreateSchema>;

export const HouseholdIdParamsSchema = z.object({ id: z.uuid() });
export const MemberParamsSchema = z.object({ id: z.uuid(), memberId: z.uuid() });
export const TagParamsSchema = z.object({ code: tagCode });

/** Body of POST /api/households/:id/archive (注销: moved away, household merged, died out). */
export const HouseholdArchiveSchema = z.object({ reason: z.string().trim().min(1).max(500).describe('Why the record is archived') });
export type HouseholdArchive = z.infer<typeof HouseholdArchiveSchema>;

/** Query of GET /api/tags. */
export const TagListQuerySchema = z.object({ includeInactive: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

// ── answers ─────────────────────────────────────────────────────────────────────────────────────

/** A household in a list or on its page, personal data masked. */
export const HouseholdSchema = z.object({
  id: z.string(),
  areaCode: z.string().describe('Village or grid the household belongs to'),
  areaName: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  headName: z.string().describe('Head of household, masked (张**)'),
  contact: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('Contact cadre 联户干部'),
  tags: z.array(z.string()).describe('Tag codes'),
  memberCount: z.number().int(),
  needs: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable().describe('When it was archived (注销); null while active'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().describe('Send back as `version` with a change (optimistic lock)'),
});
export type HouseholdView = z.infer<typeof HouseholdSchema>;

/** GET /api/households: a keyset page of households. */
export const HouseholdPageSchema = pageOf(HouseholdSchema);

/** A member with name, phone and ID number masked; only the year of birth. */
export const MemberSchema = z.object({
  id: z.string(),
  name: z.string().describe('Masked name'),
  relationship: z.string().describe('One of HOUSEHOLD_RELATIONSHIPS'),
  isHead: z.boolean(),
  gender: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  idNumber: z.string().nullable().describe('Masked ID number'),
  phone: z.string().nullable().describe('Masked phone'),
  note: z.string().nullable(),
});
export type MemberView = z.infer<typeof MemberSchema>;

/** GET /api/households/:id: the household, its members and what the actor may do with it. */
export const HouseholdDetailSchema = HouseholdSchema.extend({
  members: z.array(MemberSchema),
  canEdit: z.boolean().describe('May change it and record help (false once archived)'),
  canReveal: z.boolean().describe('May read the members’ full personal data (audited)'),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

/** A member in full, for the audited reveal. */
export const RevealedMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  relationship: z.string(),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});
export type RevealedMember = z.infer<typeof RevealedMemberSchema>;

/** GET /api/households/:id/personal-data. */
export const HouseholdRevealSchema = z.object({ headName: z.string(), members: z.array(RevealedMemberSchema) });
export type HouseholdReveal = z.infer<typeof HouseholdRevealSchema>;

/** A help record as POST /api/households/:id/help answers it. */
export const HelpSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  kind: z.string().describe('One of HELP_KINDS'),
  description: z.string(),
  amount: z.number().nullable().describe('Yuan'),
  unitId: z.string().nullable(),
  provider: z.string().nullable(),
  givenOn: z.string().describe('YYYY-MM-DD'),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type HelpView = z.infer<typeof HelpSchema>;

/** GET /api/households/:id/history: everything that happened to a household. */
export const HouseholdHistorySchema = z.object({
  visits: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      occurredAt: z.string(),
      place: z.string().nullable(),
      notes: z.string().nullable(),
      delivered: z.array(z.string()).describe('What was delivered (三送)'),
      campaignId: z.string().nullable(),
      caseId: z.string().nullable(),
      cadreUserId: z.string(),
      cadreName: z.string().nullable(),
    }),
  ),
  campaigns: z.array(
    z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string(), visitedAt: z.string().nullable(), visitId: z.string().nullable() }),
  ),
  cases: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.string(),
      channel: z.string(),
      kind: z.string(),
      registeredAt: z.string(),
      closedAt: z.string().nullable(),
      householdId: z.string().nullable(),
      linkedBy: z.enum(['household', 'member']).describe('Linked to the household, or brought by one of its members'),
    }),
  ),
  help: z.array(HelpSchema.omit({ householdId: true, recordedBy: true }).extend({ unitName: z.string().nullable() })),
  applications: z.array(z.unknown()).describe('便民服务申请 (empty until that module exists)'),
});
export type HouseholdHistory = z.infer<typeof HouseholdHistorySchema>;

/** A household tag (低保, 特困 …). */
export const TagSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  color: z.string().describe('Marker colour on the map (#rrggbb)'),
  isBuiltin: z.boolean(),
  isActive: z.boolean(),
  sort: z.number().int(),
});
export type HouseholdTag = z.infer<typeof TagSchema>;

/** GET /api/tags. */
export const TagListSchema = z.object({ items: z.array(TagSchema) });

/** POST /api/households/import: what was imported and the refused rows. */
export const HouseholdImportResultSchema = z.object({
  total: z.number().int().describe('Rows read'),
  imported: z.number().int(),
  failed: z.number().int().describe('Rows refused'),
  ids: z.array(z.string()).describe('Households created'),
  errors: z.array(
    z.object({
      row: z.number().int().describe('Sheet row number'),
      column: z.string().describe('Column header'),
      field: z.string().describe('Column key'),
      message: z.string().describe('Why, in the caller’s language'),
    }),
  ),
});
export type HouseholdImportResult = z.infer<typeof HouseholdImportResultSchema>;

const tag = 'households';

/** The households operations (and the contact cards, 民情联系卡). */
export const householdsEndpoints = defineEndpoints({
  'GET /api/households': { tag, summary: '民情档案 List households (scoped, keyset-paged)', query: HouseholdListQuerySchema, response: HouseholdPageSchema },
  'POST /api/households': { tag, summary: '建档 Register a household', body: HouseholdCreateSchema, status: 201, response: HouseholdDetailSchema },
  'GET /api/households/template.xlsx': { tag, summary: '导入模板 Excel import template', file: [MEDIA.xlsx] },
  'POST /api/households/import': { tag, summary: '导入 Import households from Excel (multipart field "file")', multipart: true, response: HouseholdImportResultSchema },
  'GET /api/households/export.xlsx': {
    tag,
    summary: '导出 Export the filtered registry (masked unless unmasked=true, audited)',
    query: HouseholdExportQuerySchema,
    file: [MEDIA.xlsx],
  },
  'GET /api/households/:id': { tag, summary: '户详情 One household with members (masked)', params: HouseholdIdParamsSchema, response: HouseholdDetailSchema },
  'PATCH /api/households/:id': { tag, summary: '修改户信息 Update a household', params: HouseholdIdParamsSchema, body: HouseholdUpdateSchema, response: HouseholdDetailSchema, idempotent: true },
  'POST /api/households/:id/archive': { tag, summary: '注销 Archive a household', params: HouseholdIdParamsSchema, body: HouseholdArchiveSchema, response: HouseholdDetailSchema },
  'GET /api/households/:id/personal-data': { tag, summary: '查看完整个人信息（留痕）Reveal members (audited)', params: HouseholdIdParamsSchema, response: HouseholdRevealSchema },
  'GET /api/households/:id/history': { tag, summary: '户的全部记录 Visits, cases, campaigns and help of a household', params: HouseholdIdParamsSchema, response: HouseholdHistorySchema },
  'POST /api/households/:id/members': { tag, summary: '增加成员 Add a member', params: HouseholdIdParamsSchema, body: MemberInputSchema, status: 201, response: HouseholdDetailSchema },
  'PATCH /api/households/:id/members/:memberId': { tag, summary: '修改成员 Update a member', params: MemberParamsSchema, body: MemberUpdateSchema, response: HouseholdDetailSchema },
  'DELETE /api/households/:id/members/:memberId': { tag, summary: '删除成员 Remove a member', params: MemberParamsSchema, response: HouseholdDetailSchema },
  'POST /api/households/:id/help': { tag, summary: '登记帮扶 Record help received', params: HouseholdIdParamsSchema, body: HelpCreateSchema, status: 201, response: HelpSchema },
  'GET /api/tags': { tag, summary: '户标签 Household tags', query: TagListQuerySchema, response: TagListSchema },
  'POST /api/admin/tags': { tag, summary: '新增标签 Add a tag (admin)', body: TagCreateSchema, status: 201, response: TagSchema },
  'PATCH /api/admin/tags/:code': { tag, summary: '修改或停用标签 Update or withdraw a tag (admin)', params: TagParamsSchema, body: TagUpdateSchema, response: TagSchema },
  'GET /api/contact-cards.pdf': {
    tag: 'contact-cards',
    summary: '民情联系卡 Printable A4 sheet of contact cards (cadre, phone, hotline, QR to the portal preset to the village); staff whose area holds the village; audited',
    query: ContactCardsQuerySchema,
    file: [MEDIA.pdf],
  },
});

import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { isValidIdNumber, PHONE_PATTERN } from '../identity.js';

/** Contracts of the household registry (民情档案, SPEC §3). */

/** 与户主关系: how a member relates to the head of the household. */
export const HOUSEHOLD_RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'child_in_law', 'other'] as const;
export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];

/** Chinese and English names of the relationships (also the values accepted by the Excel import). */
export const RELATIONSHIP_LABELS: Record<HouseholdRelationship, [zh: string, en: string]> = {
  head: ['户主', 'Head'],
  spouse: ['配偶', 'Spouse'],
  child: ['子女', 'Child'],
  parent: ['父母', 'Parent'],
  grandchild: ['孙子女', 'Grandchild'],
  grandparent: ['祖父母', 'Grandparent'],
  sibling: ['兄弟姐妹', 'Sibling'],
  child_in_law: ['儿媳/女婿', 'Child-in-law'],
  other: ['其他', 'Other'],
};

/** 帮扶类型: kinds of help a household receives. */
export const HELP_KINDS = ['subsidy', 'goods', 'service', 'policy', 'medical', 'education', 'employment', 'housing', 'other'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

export const HELP_KIND_LABELS: Record<HelpKind, [zh: string, en: string]> = {
  subsidy: ['资金补助', 'Cash subsidy'],
  goods: ['物资慰问', 'Goods'],
  service: ['上门服务', 'Home service'],
  policy: ['政策落实', 'Policy benefit'],
  medical: ['医疗救助', 'Medical aid'],
  education: ['助学帮扶', 'Education aid'],
  employment: ['就业帮扶', 'Employment aid'],
  housing: ['住房保障', 'Housing aid'],
  other: ['其他', 'Other'],
};

export const GENDERS = ['male', 'female'] as const;

const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);
const id = z.string().min(1).max(64);
const tagCode = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/);
/** YYYY or YYYY-MM-DD. */
const birthDate = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'YYYY or YYYY-MM-DD');
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(1000)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(item).max(max).optional());

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

/** The households operations. */
export const householdsEndpoints = defineEndpoints({});

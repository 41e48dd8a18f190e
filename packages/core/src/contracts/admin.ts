import { z } from 'zod';
import { areaCode, id } from './fields.js';
import { defineEndpoints } from './endpoint.js';
import { IdParamsSchema } from './case.js';
import { PHONE_PATTERN } from '../identity.js';
import { LOCALES } from '../messages.js';
import type { LimitUnit } from '../time-limit.js';
import type { LimitStage } from '../time-limit-rules.js';
import { AREA_LEVELS, CASE_KINDS, CHANNELS, ROLES, UNIT_KINDS, URGENCIES } from '../vocabulary.js';
import { LIMIT_STAGES, LIMIT_UNITS } from './values.js';
export { LIMIT_STAGES, LIMIT_UNITS } from './values.js';

/**
 * Request contracts of the administration API: areas, units, users, categories, time-limit rules,
 * the holiday calendar and the audit log. Create schemas require what a new row needs; update
 * schemas take any subset, where `null` clears an optional value and a missing key leaves it.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const page = z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1');
const pageSize = z.coerce.number().int().min(1).max(200).default(50).describe('Rows per page');

// Fails to compile when LimitStage gains a member this list lacks.
const stagesComplete: Exclude<LimitStage, (typeof LIMIT_STAGES)[number]> extends never ? true : false = true;
void stagesComplete;


// ── areas 区划 ──────────────────────────────────────────────────────────────────────────────────

export const AreaCodeParamsSchema = z.object({ code: areaCode.describe('Division code 区划代码 (12 digits, 15 for a grid)') });

export const AreaListQuerySchema = z.object({
  parentCode: areaCode.optional().describe('Only the direct children of this area (flat list)'),
  root: areaCode.optional().describe('Only this area and its subtree'),
  level: z.enum(AREA_LEVELS).optional().describe('Only areas of this level (flat list)'),
  format: z.enum(['flat', 'tree']).default('flat').describe('flat: one list ordered by sort, then code; tree: nested `children`'),
});
export type AreaListQuery = z.infer<typeof AreaListQuerySchema>;

export const AreaCreateSchema = z.object({
  code: areaCode.describe('统计用区划代码: 12 digits; a grid 网格 has 15, the first 12 being its village'),
  parentCode: areaCode.nullable().default(null).describe('The parent area, one level up; null only for a province'),
  name: text(60).describe('Name 名称, e.g. 城关镇'),
  level: z.enum(AREA_LEVELS).optional().describe('Level; read from the code, and refused when it disagrees'),
  lat: z.number().min(-90).max(90).nullable().default(null).describe('Latitude of the map marker (WGS-84)'),
  lng: z.number().min(-180).max(180).nullable().default(null).describe('Longitude of the map marker (WGS-84)'),
  sort: z.number().int().min(0).max(1_000_000).default(0).describe('Order among siblings, ascending'),
});
export type AreaCreate = z.infer<typeof AreaCreateSchema>;

export const AreaUpdateSchema = z.object({
  name: text(60).optional().describe('Name 名称'),
  lat: z.number().min(-90).max(90).nullable().optional().describe('Latitude; null removes the marker'),
  lng: z.number().min(-180).max(180).nullable().optional().describe('Longitude; null removes the marker'),
  sort: z.number().int().min(0).max(1_000_000).optional().describe('Order among siblings, ascending'),
});
export type AreaUpdate = z.infer<typeof AreaUpdateSchema>;

// ── units 单位 ──────────────────────────────────────────────────────────────────────────────────

export const UnitListQuerySchema = z.object({
  areaCode: areaCode.optional().describe('Only units in this area subtree'),
  kind: z.enum(UNIT_KINDS).optional().describe('Only units of this kind'),
  q: z.string().trim().max(60).optional().describe('Text in the unit name'),
  includeInactive: flag.default(false).describe('Also list deactivated units'),
  page,
  pageSize,
});
export type UnitListQuery = z.infer<typeof UnitListQuerySchema>;

export const UnitCreateSchema = z.object({
  name: text(100).describe('Name 单位名称, e.g. 青溪县民政局'),
  kind: z.enum(UNIT_KINDS).describe('Kind 单位类型'),
  areaCode: areaCode.describe('The area the unit sits at; its users reach this subtree'),
  phone: z.string().trim().regex(PHONE_PATTERN).nullable().default(null).describe('Office phone 办公电话 (public)'),
});
export type UnitCreate = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z.object({
  name: text(100).optional().describe('Name 单位名称'),
  kind: z.enum(UNIT_KINDS).optional().describe('Kind 单位类型'),
  areaCode: areaCode.optional().describe('Move the unit to another area'),
  phone: z.string().trim().regex(PHONE_PATTERN).nullable().optional().describe('Office phone; null removes it'),
  isActive: z.boolean().optional().describe('false deactivates the unit: its roles stop working'),
});
export type UnitUpdate = z.infer<typeof UnitUpdateSchema>;

// ── users 用户 ──────────────────────────────────────────────────────────────────────────────────

const password = z
  .string()
  .min(8)
  .max(200)
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), { message: 'password_weak' })
  .describe('At least 8 characters with letters and digits; stored only as an argon2id hash');

export const RoleGrantSchema = z.object({
  role: z.enum(ROLES).describe('Role 角色'),
  unitId: id.describe('The unit the role is held in'),
});

const grants = z.array(RoleGrantSchema).min(1).max(20);

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(60).optional().describe('Text in the user name or display name'),
  unitId: id.optional().describe('Only users holding a role in this unit'),
  role: z.enum(ROLES).optional().describe('Only users holding this role'),
  isActive: flag.optional().describe('Only active (true) or deactivated (false) users'),
  page,
  pageSize,
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

/** Query of GET /api/staff: colleagues for pickers (a cadre to station, a leader to receive). */
export const StaffQuerySchema = z.object({
  q: z.string().trim().max(60).optional().describe('Text in the name or user name'),
  role: z.enum(ROLES).optional().describe('Only staff holding this role'),
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional()
    .describe('Only staff holding a role in a unit of this area subtree'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type StaffQuery = z.infer<typeof StaffQuerySchema>;

export const UserCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/)
    .describe('Sign-in name: 3–32 letters, digits, _ . -, starting with a letter'),
  displayName: text(50).describe('Name shown to colleagues 姓名'),
  password,
  phone: z.string().trim().regex(PHONE_PATTERN).nullable().default(null).describe('Mobile phone; stored encrypted, shown masked'),
  locale: z.enum(LOCALES).default('zh-CN').describe('Language of the console'),
  grants: grants.describe('Roles and the units they are held in'),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({
  displayName: text(50).optional().describe('Name shown to colleagues 姓名'),
  phone: z.string().trim().regex(PHONE_PATTERN).nullable().optional().describe('Mobile phone; null removes it'),
  locale: z.enum(LOCALES).optional().describe('Language of the console'),
  isActive: z.boolean().optional().describe('false deactivates the account and ends its sessions'),
  grants: grants.optional().describe('Replaces every role the user holds'),
  password: password.optional().describe('New password (reset); ends the user’s other sessions'),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

// ── categories 诉求分类 ──────────────────────────────────────────────────────────────────────────

const categoryCode = z.string().regex(/^[a-z][a-z0-9_.]*$/).max(64);

export const CategoryCodeParamsSchema = z.object({ code: categoryCode.describe('Category code') });

export const CategoryListQuerySchema = z.object({
  includeInactive: flag.default(false).describe('Also list deactivated categories (admin pages)'),
});

export const CategoryCreateSchema = z.object({
  code: categoryCode.describe('Stable code: lower-case letters, digits, _ and ., e.g. social.dibao'),
  parentCode: categoryCode.nullable().default(null).describe('Parent category; null for a top-level one'),
  name: text(60).describe('Chinese name 名称'),
  nameEn: text(100).describe('English name'),
  defaultUnitId: id.nullable().default(null).describe('Unit usually dispatched to (suggested by triage)'),
  sort: z.number().int().min(0).max(1_000_000).default(0).describe('Order among siblings, ascending'),
});
export type CategoryCreate = z.infer<typeof CategoryCreateSchema>;

export const CategoryUpdateSchema = z.object({
  parentCode: categoryCode.nullable().optional().describe('Move under another category; null makes it top-level'),
  name: text(60).optional().describe('Chinese name 名称'),
  nameEn: text(100).optional().describe('English name'),
  defaultUnitId: id.nullable().optional().describe('Unit usually dispatched to; null removes it'),
  sort: z.number().int().min(0).max(1_000_000).optional().describe('Order among siblings, ascending'),
  isActive: z.boolean().optional().describe('false hides the category from registration forms'),
});
export type CategoryUpdate = z.infer<typeof CategoryUpdateSchema>;

// ── time-limit rules 时限规则 ─────────────────────────────────────────────────────────────────────

const amount = z.number().int().min(1).max(10_000).describe('How many hours or days (positive integer)');

export const TimeLimitRuleListQuerySchema = z.object({
  stage: z.enum(LIMIT_STAGES).optional().describe('Only rules of this stage'),
});

export const TimeLimitRuleCreateSchema = z.object({
  stage: z.enum(LIMIT_STAGES).describe('Stage the limit governs: intake 受理, accept 签收, handle 办理 …'),
  kind: z.enum(CASE_KINDS).nullable().default(null).describe('Only cases of this kind; null matches any'),
  categoryCode: categoryCode.nullable().default(null).describe('Only cases in this category subtree; null matches any'),
  urgency: z.enum(URGENCIES).nullable().default(null).describe('Only cases of this urgency; null matches any'),
  channel: z.enum(CHANNELS).nullable().default(null).describe('Only cases from this channel; null matches any'),
  amount,
  unit: z.enum(LIMIT_UNITS).describe('hours, natural_days 自然日 or working_days 工作日'),
  note: z.string().trim().max(500).nullable().default(null).describe('Why: the regulation or decision behind the limit'),
  sort: z.number().int().min(0).max(1_000_000).optional().describe('Order; the earlier rule wins a tie. Default: last'),
});
export type TimeLimitRuleCreate = z.infer<typeof TimeLimitRuleCreateSchema>;

export const TimeLimitRuleUpdateSchema = z.object({
  stage: z.enum(LIMIT_STAGES).optional().describe('Stage the limit governs'),
  kind: z.enum(CASE_KINDS).nullable().optional().describe('Only cases of this kind; null matches any'),
  categoryCode: categoryCode.nullable().optional().describe('Only cases in this category subtree; null matches any'),
  urgency: z.enum(URGENCIES).nullable().optional().describe('Only cases of this urgency; null matches any'),
  channel: z.enum(CHANNELS).nullable().optional().describe('Only cases from this channel; null matches any'),
  amount: amount.optional(),
  unit: z.enum(LIMIT_UNITS).optional().describe('hours, natural_days or working_days'),
  note: z.string().trim().max(500).nullable().optional().describe('Why the limit is what it is'),
  sort: z.number().int().min(0).max(1_000_000).optional().describe('Order; the earlier rule wins a tie'),
});
export type TimeLimitRuleUpdate = z.infer<typeof TimeLimitRuleUpdateSchema>;

// ── calendar 节假日 ──────────────────────────────────────────────────────────────────────────────

/** A real calendar date written YYYY-MM-DD. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
  }, { message: 'invalid_date' });

export const CalendarQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).describe('Calendar year, e.g. 2026'),
});

export const CalendarDateParamsSchema = z.object({ date: isoDate.describe('Local date (China time), YYYY-MM-DD') });

export const CalendarDayPutSchema = z.object({
  kind: z.enum(['holiday', 'workday']).describe('holiday 放假 (a day off), or workday 调休上班 (a weekend day worked)'),
  name: text(30).describe('Festival the day belongs to, e.g. 春节'),
});
export type CalendarDayPut = z.infer<typeof CalendarDayPutSchema>;

// ── audit log 审计日志 ───────────────────────────────────────────────────────────────────────────

export const AuditListQuerySchema = z.object({
  subjectType: z.string().trim().min(1).max(40).optional().describe('Only entries about this kind of thing (user, case, area …)'),
  subjectId: z.string().trim().min(1).max(100).optional().describe('Only entries about this one thing (with subjectType)'),
  actorUserId: id.optional().describe('Only entries by this user'),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('Cursor: entries with a smaller sequence number (a 32-bit integer, as the column)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Entries per page'),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

// ── responses 响应 ───────────────────────────────────────────────────────────────────────────────

/** An area (区划) as lists and pickers show it. */
export const AreaSchema = z.object({
  code: z.string().describe('Division code 区划代码 (12 digits, 15 for a grid)'),
  parentCode: z.string().nullable().describe('The parent area; null for a province'),
  name: z.string(),
  level: z.enum(AREA_LEVELS),
  lat: z.number().nullable().describe('Latitude of the map marker (WGS-84); null: no marker'),
  lng: z.number().nullable().describe('Longitude of the map marker (WGS-84)'),
  sort: z.number().int().describe('Order among siblings, ascending'),
});
export type AreaView = z.infer<typeof AreaSchema>;

/** An area of GET /api/areas: with `format=tree` it carries its `children`, nested. */
export const AreaNodeSchema = AreaSchema.extend({
  get children() {
    return z.array(AreaNodeSchema).optional().describe('Sub-areas (format=tree only)');
  },
});
export type AreaNode = z.infer<typeof AreaNodeSchema>;

/** GET /api/areas: a flat list, or the roots of the tree. */
export const AreaListSchema = z.object({ items: z.array(AreaNodeSchema) });

/** GET /api/areas/:code: the area with its ancestors (root first) and its direct children. */
export const AreaDetailSchema = AreaSchema.extend({
  path: z.array(AreaSchema).describe('Ancestors, the root first'),
  children: z.array(AreaSchema).describe('Direct sub-areas'),
});
export type AreaDetail = z.infer<typeof AreaDetailSchema>;

/** A unit (单位). */
export const UnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  areaCode: z.string().describe('The area the unit sits at'),
  areaName: z.string(),
  phone: z.string().nullable().describe('Office phone (public)'),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type UnitView = z.infer<typeof UnitSchema>;

/** A page of units, by area code then name. */
export const UnitPageSchema = z.object({
  items: z.array(UnitSchema),
  total: z.number().int().describe('Units matching the filters'),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A role a user holds, with its unit. */
export const UserGrantSchema = z.object({
  role: z.enum(ROLES),
  unitId: z.string(),
  unitName: z.string(),
  areaCode: z.string().describe('Area of the unit: what the role reaches'),
  unitIsActive: z.boolean().describe('false: the unit is deactivated, so the role does not work'),
});
export type UserGrantView = z.infer<typeof UserGrantSchema>;

/** A staff account for the admin pages: phone masked, never the password. */
export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable().describe('Mobile phone, masked'),
  locale: z.enum(LOCALES),
  isActive: z.boolean(),
  locked: z.boolean().describe('Locked after too many failed sign-ins; an admin can unlock it'),
  createdAt: z.string(),
  grants: z.array(UserGrantSchema),
});
export type UserView = z.infer<typeof UserSchema>;

/** A page of users, by user name. */
export const UserPageSchema = z.object({
  items: z.array(UserSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A colleague for pickers (GET /api/staff): names, units and roles, never phones. */
export const StaffMemberSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(UserGrantSchema.omit({ unitIsActive: true })).describe('Roles held in active units'),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** A category (诉求分类) without its sub-categories. */
export const CategorySchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string().describe('Chinese name'),
  nameEn: z.string().describe('English name'),
  defaultUnitId: z.string().nullable().describe('Unit usually dispatched to'),
  sort: z.number().int(),
  isActive: z.boolean(),
});
export type CategoryView = z.infer<typeof CategorySchema>;

/** A category with its sub-categories, nested. */
export const CategoryNodeSchema = CategorySchema.extend({
  get children() {
    return z.array(CategoryNodeSchema);
  },
});
export type CategoryNode = z.infer<typeof CategoryNodeSchema>;

/** GET /api/categories: the roots of the category tree. */
export const CategoryTreeSchema = z.object({ items: z.array(CategoryNodeSchema) });

/** A time-limit rule (时限规则); null conditions match any case. */
export const TimeLimitRuleSchema = z.object({
  id: z.string(),
  stage: z.enum(LIMIT_STAGES),
  kind: z.enum(CASE_KINDS).nullable(),
  categoryCode: z.string().nullable().describe('Category subtree the rule applies to'),
  urgency: z.enum(URGENCIES).nullable(),
  channel: z.enum(CHANNELS).nullable(),
  amount: z.number().int(),
  unit: z.enum(LIMIT_UNITS),
  note: z.string().nullable(),
  sort: z.number().int().describe('Order; the earlier rule wins a tie'),
});
export type TimeLimitRuleView = z.infer<typeof TimeLimitRuleSchema>;

/** The rules in tie-breaking order. */
export const TimeLimitRuleListSchema = z.object({ items: z.array(TimeLimitRuleSchema) });

/** A day that departs from the Monday–Friday week. */
export const CalendarDaySchema = z.object({
  date: z.string().describe('Local date, YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday']).describe('holiday 放假, or workday 调休上班'),
  name: z.string().describe('Festival the day belongs to'),
  provisional: z.boolean().describe('A guess made before the State Council notice; an admin’s entry never is'),
});
export type CalendarDayView = z.infer<typeof CalendarDaySchema>;

/** GET /api/calendar: the listed days of one year. */
export const CalendarYearSchema = z.object({ year: z.number().int(), days: z.array(CalendarDaySchema) });

/** One entry of the audit log. */
export const AuditEntrySchema = z.object({
  seq: z.number().int().describe('Sequence number in the hash chain'),
  at: z.string(),
  actorUserId: z.string().nullable().describe('null: the system'),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  detail: z.unknown().nullable().describe('What changed (JSON), as the module recorded it'),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

/** A page of the audit log, newest first. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.number().int().nullable().describe('Pass as `before` for the next page; null at the end'),
});

/** GET /api/admin/audit/verify: the walk of the keyed chain, against its head and the signed checkpoints. */
export const AuditVerifySchema = z.object({
  ok: z.boolean().describe('true when the chain, its head and the checkpoints all agree'),
  entries: z.number().int().describe('Entries checked and found intact'),
  brokenAt: z.number().int().nullable().describe('First entry altered, missing or out of place; null when intact'),
  problem: z
    .enum(['altered', 'missing', 'truncated', 'head', 'forged-checkpoint'])
    .nullable()
    .describe('altered: an entry does not match its MAC or a checkpoint; missing: a gap in the sequence; truncated: the head or a checkpoint names later entries than remain; head: the head in the counter row does not match the last entry; forged-checkpoint: a checkpoint line whose signature does not hold'),
  head: z.object({ seq: z.number().int(), mac: z.string().nullable() }).describe('The head of the chain as the counter row keeps it'),
  checkpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable().describe('The newest validly signed checkpoint (outside the database), or null'),
  checkpoints: z.number().int().describe('Validly signed checkpoint lines'),
  forgedCheckpoints: z.number().int().describe('Checkpoint lines whose signature does not hold'),
});
export type AuditVerifyView = z.infer<typeof AuditVerifySchema>;

/** What one time-limit sweep did. */
export const SweepResultSchema = z.object({
  yellow: z.number().int().describe('Cases that turned yellow (75 % of the time used)'),
  escalated1: z.number().int().describe('Overdue cases escalated to the unit head, with an accountability record'),
  escalated2: z.number().int().describe('Cases still overdue after the second delay, escalated to the supervisors'),
  callbacks: z.number().int().describe('Replied cases whose evaluation window ended (call-back to-dos)'),
  skipped: z.number().int().describe('Cases changed by someone else meanwhile'),
  failed: z.number().int().describe('Cases that failed with an unexpected error'),
});
export type SweepResultView = z.infer<typeof SweepResultSchema>;

/** The administration operations. Reading reference data is open to all staff; writes need the admin role. */
export const adminEndpoints = defineEndpoints({
  'GET /api/areas': { tag: 'areas', summary: '区划列表 List areas (flat or tree)', query: AreaListQuerySchema, response: AreaListSchema },
  'GET /api/areas/:code': { tag: 'areas', summary: '区划详情 Area with ancestors and children', params: AreaCodeParamsSchema, response: AreaDetailSchema },
  'POST /api/admin/areas': { tag: 'areas', summary: '新增区划 Create an area', body: AreaCreateSchema, status: 201, response: AreaSchema },
  'PATCH /api/admin/areas/:code': { tag: 'areas', summary: '修改区划 Update an area', params: AreaCodeParamsSchema, body: AreaUpdateSchema, response: AreaSchema },

  'GET /api/units': { tag: 'units', summary: '单位列表 List units', query: UnitListQuerySchema, response: UnitPageSchema },
  'POST /api/admin/units': { tag: 'units', summary: '新增单位 Create a unit', body: UnitCreateSchema, status: 201, response: UnitSchema },
  'PATCH /api/admin/units/:id': { tag: 'units', summary: '修改或停用单位 Update or deactivate a unit', params: IdParamsSchema, body: UnitUpdateSchema, response: UnitSchema },

  'GET /api/staff': { tag: 'users', summary: '同事名录 Staff for pickers (names, units, roles)', query: StaffQuerySchema, response: z.object({ items: z.array(StaffMemberSchema) }) },
  'GET /api/admin/users': { tag: 'users', summary: '用户列表 List users', query: UserListQuerySchema, response: UserPageSchema },
  'GET /api/admin/users/:id': { tag: 'users', summary: '用户详情 User detail', params: IdParamsSchema, response: UserSchema },
  'POST /api/admin/users': { tag: 'users', summary: '新增用户 Create a user', body: UserCreateSchema, status: 201, response: UserSchema },
  'PATCH /api/admin/users/:id': {
    tag: 'users',
    summary: '修改、停用用户或重置密码 Update, deactivate or reset a user',
    params: IdParamsSchema,
    body: UserUpdateSchema,
    response: UserSchema,
  },
  'POST /api/admin/users/:id/unlock': {
    tag: 'users',
    summary: '解除登录锁定 Unlock a user locked after failed sign-ins',
    params: IdParamsSchema,
    response: UserSchema,
  },

  'GET /api/categories': { tag: 'categories', summary: '诉求分类树 Category tree', query: CategoryListQuerySchema, response: CategoryTreeSchema },
  'POST /api/admin/categories': { tag: 'categories', summary: '新增分类 Create a category', body: CategoryCreateSchema, status: 201, response: CategorySchema },
  'PATCH /api/admin/categories/:code': {
    tag: 'categories',
    summary: '修改、移动或停用分类 Update, move or deactivate a category',
    params: CategoryCodeParamsSchema,
    body: CategoryUpdateSchema,
    response: CategorySchema,
  },

  'GET /api/time-limit-rules': { tag: 'time-limits', summary: '时限规则 List time-limit rules', query: TimeLimitRuleListQuerySchema, response: TimeLimitRuleListSchema },
  'POST /api/admin/time-limit-rules': { tag: 'time-limits', summary: '新增时限规则 Create a rule', body: TimeLimitRuleCreateSchema, status: 201, response: TimeLimitRuleSchema },
  'PATCH /api/admin/time-limit-rules/:id': { tag: 'time-limits', summary: '修改时限规则 Update a rule', params: IdParamsSchema, body: TimeLimitRuleUpdateSchema, response: TimeLimitRuleSchema },
  'DELETE /api/admin/time-limit-rules/:id': { tag: 'time-limits', summary: '删除时限规则 Delete a rule', params: IdParamsSchema, status: 204 },

  'GET /api/calendar': { tag: 'calendar', summary: '节假日安排 Holidays and swapped working days of a year', query: CalendarQuerySchema, response: CalendarYearSchema },
  // 200 when the date had an entry, 201 when it is new (the handler sets it).
  'PUT /api/admin/calendar/:date': {
    tag: 'calendar',
    summary: '设置放假或调休上班 Set a holiday or a working day (201 when new)',
    params: CalendarDateParamsSchema,
    body: CalendarDayPutSchema,
    response: CalendarDaySchema,
  },
  'DELETE /api/admin/calendar/:date': { tag: 'calendar', summary: '删除日历条目 Remove a calendar entry', params: CalendarDateParamsSchema, status: 204 },

  'GET /api/admin/audit': { tag: 'audit', summary: '审计日志 Audit log', query: AuditListQuerySchema, response: AuditPageSchema },
  'GET /api/admin/audit/verify': { tag: 'audit', summary: '校验审计日志哈希链 Verify the audit hash chain', response: AuditVerifySchema },

  'POST /api/admin/jobs/time-limit-sweep': {
    tag: 'admin',
    summary: '立即执行限时办结巡查 Run the time-limit sweep now (admin, supervisor): marks yellow / red clocks, escalates overdue cases, writes accountability records',
    response: SweepResultSchema,
  },
});

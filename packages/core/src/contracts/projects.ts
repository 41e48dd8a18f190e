import { z } from 'zod';
import { defineEndpoints, MEDIA } from './endpoint.js';
import { PHONE_PATTERN } from '../identity.js';
import { areaCode, caseRefFields, id } from './fields.js';
import { DISCLOSURE_KINDS } from './values.js';
export { DISCLOSURE_KINDS } from './values.js';

/**
 * 重点项目 · 选房登记 · 公开 (SPEC §5 "Projects and selection registration", issue 15 items 1, 4, 5):
 * a project (e.g. a resettlement area) with the households concerned, its disclosures, its linked
 * cases and visits; its selection registration — eligible households, flats on offer, a lottery
 * reproducible from a published seed (or a published order), booked time slots, desks that never
 * give one flat twice, a public screen, confirmation sheets and a 公示 of the results.
 */

export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** lottery: the order is drawn from a published seed; published: the order is given as a list. */
export const ORDER_RULES = ['lottery', 'published'] as const;
export type OrderRule = (typeof ORDER_RULES)[number];

/** waiting → called (at a desk) → chosen; a called household that does not come is absent and may be called again. */
export const SELECTION_STATES = ['waiting', 'called', 'chosen', 'absent'] as const;
export type SelectionState = (typeof SELECTION_STATES)[number];

/** The documented draw: rank each household by SHA-256("<seed>:<number>") as hex, ascending (ties by number). */
export const LOTTERY_ALGORITHM = 'sha256-rank-v1';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string().describe('ISO instant (UTC)');

// ——— requests ———

/** Body of POST /api/projects. The households concerned are chosen by area, tags or list, from the registry. */
export const ProjectCreateSchema = z.object({
  name: text(100).describe('Project name 项目名称'),
  areaCode: areaCode.describe('The area the project lies in (its scope)'),
  leadUnitId: id.describe('Lead unit 牵头单位'),
  description: z.string().trim().max(5000).optional().describe('What the project is'),
  orderRule: z.enum(ORDER_RULES).default('lottery').describe('How the selection order is set'),
  households: z
    .object({
      areaCode: areaCode.optional().describe('Every active household of this area subtree'),
      tags: z.array(z.string().min(1).max(40)).max(20).optional().describe('…having any of these tags'),
      ids: z.array(id).max(2000).optional().describe('…or exactly these households'),
    })
    .optional()
    .describe('The households concerned; default: none yet'),
});
export type ProjectCreate = z.infer<typeof ProjectCreateSchema>;

export const ProjectHouseholdsAddSchema = z
  .object({
    areaCode: areaCode.optional(),
    tags: z.array(z.string().min(1).max(40)).max(20).optional(),
    ids: z.array(id).max(2000).optional(),
  })
  .refine((v) => v.areaCode || v.ids?.length, { message: 'choose_households', path: ['ids'] });

export const ProjectListQuerySchema = z.object({
  areaCode: areaCode.optional().describe('Area subtree'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

export const DisclosureCreateSchema = z.object({
  kind: z.enum(DISCLOSURE_KINDS),
  title: text(200).describe('Title 标题'),
  body: text(20_000).describe('Text 正文'),
  isPublic: z.boolean().default(true).describe('Shown on the portal (personal data masked by the redactor); false: an internal document'),
});
export type DisclosureCreate = z.infer<typeof DisclosureCreateSchema>;

export const CaseLinkSchema = z.object({ caseId: id.describe('The case raised about the project') });

/** Body of PUT /api/projects/:id/selection/households: eligible households and their entitlement. */
export const EligibleHouseholdsSchema = z.object({
  households: z
    .array(
      z.object({
        householdId: id,
        entitledArea: z.number().positive().max(2000).describe('Entitled floor area in m² 安置面积'),
        people: z.number().int().min(1).max(50).describe('Number of people 安置人口'),
      }),
    )
    .min(1)
    .max(2000),
});
export type EligibleHouseholds = z.infer<typeof EligibleHouseholdsSchema>;

export const FlatsAddSchema = z.object({
  flats: z
    .array(
      z.object({
        building: text(20).describe('Building 楼栋'),
        unit: text(20).describe('Unit 单元'),
        floor: z.number().int().min(-5).max(200),
        number: text(20).describe('Flat number 房号'),
        size: z.number().positive().max(2000).describe('Floor area m²'),
        type: text(40).describe('Type 户型, e.g. 三室两厅 or 宅基地'),
      }),
    )
    .min(1)
    .max(5000),
});
export type FlatsAdd = z.infer<typeof FlatsAddSchema>;

export const SlotsAddSchema = z.object({
  slots: z
    .array(
      z
        .object({ startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }), capacity: z.number().int().min(1).max(500) })
        .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'ends_before_start', path: ['endsAt'] }),
    )
    .min(1)
    .max(200),
});

/** Body of POST /api/projects/:id/selection/draw: the published seed, or the published order. */
export const DrawSchema = z.union([
  z.object({ rule: z.literal('lottery'), seed: text(200).describe('The seed published before the draw (e.g. a lottery number, a closing index)') }),
  z.object({ rule: z.literal('published'), order: z.array(z.number().int().min(1)).min(1).max(2000).describe('Registration numbers in the published order') }),
]);
export type Draw = z.infer<typeof DrawSchema>;

export const BookSchema = z.object({ slotId: id.nullable().describe('The slot booked; null cancels the booking') });
export const DeskSchema = z.object({ desk: text(20).describe('Desk name 窗口, e.g. 1号台') });
export const ConfirmSchema = z.object({ flatId: id.describe('The flat chosen'), desk: text(20) });
export const PublishResultsSchema = z.object({ objectionDays: z.number().int().min(1).max(30).default(5).describe('Working days of the objection period 公示期') });

export const PublicBookingQuerySchema = z.object({ code: z.string().trim().min(6).max(16).describe('The booking code on the household’s notice') });
export const PublicBookSchema = z.object({ code: z.string().trim().min(6).max(16), slotId: id.nullable() });

const ProjectParams = z.object({ id });
const SelectionHouseholdParams = z.object({ id, householdId: id });
const VillageParams = z.object({ code: areaCode });
const SheetParams = z.object({ id, householdId: id });

// ——— responses ———

export const ProjectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  orderRule: z.enum(ORDER_RULES),
  householdCount: z.number().int(),
  createdAt: instant,
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;
export const ProjectPageSchema = z.object({ items: z.array(ProjectSummarySchema), nextOffset: z.number().int().nullable() });

export const DisclosureSchema = z.object({
  id: z.string(),
  kind: z.enum(DISCLOSURE_KINDS),
  title: z.string(),
  body: z.string(),
  isPublic: z.boolean(),
  publishedAt: instant,
});
export type DisclosureView = z.infer<typeof DisclosureSchema>;

/** The selection's state as the project page and the desks see it. */
export const SelectionSummarySchema = z.object({
  eligible: z.number().int(),
  flats: z.number().int(),
  taken: z.number().int(),
  chosen: z.number().int(),
  booked: z.number().int(),
  drawn: z.boolean(),
  seed: z.string().nullable().describe('The published seed of the lottery'),
  drawnAt: z.string().nullable(),
  publishedAt: z.string().nullable().describe('When the results went into the 公示'),
  objectionUntil: z.string().nullable().describe('End of the objection period'),
});

/** A section another module fills (consultations, decisions); empty until it is wired. */
export const ProjectLinkSchema = z.object({ id: z.string(), title: z.string(), state: z.string(), at: z.string().nullable() });
export type ProjectLink = z.infer<typeof ProjectLinkSchema>;

export const ProjectDetailSchema = ProjectSummarySchema.extend({
  description: z.string().nullable(),
  households: z.array(z.object({ id: z.string(), areaCode: z.string(), address: z.string(), headNameMasked: z.string(), memberCount: z.number().int() })),
  disclosures: z.array(DisclosureSchema),
  selection: SelectionSummarySchema,
  cases: z.array(z.object({ ...caseRefFields, areaCode: z.string(), linkedAt: instant })),
  visits: z.array(z.object({ id: z.string(), occurredAt: instant, cadreName: z.string(), place: z.string().nullable(), notes: z.string().nullable() })),
  consultations: z.array(ProjectLinkSchema).describe('The project’s consultations (filled by the consultations module)'),
  may: z.object({ manage: z.boolean(), desk: z.boolean() }),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

export const SelectionHouseholdSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  number: z.number().int().describe('Registration number (public)'),
  headNameMasked: z.string(),
  address: z.string(),
  entitledArea: z.number(),
  people: z.number().int(),
  order: z.number().int().nullable().describe('Place in the selection order'),
  state: z.enum(SELECTION_STATES),
  desk: z.string().nullable(),
  slotId: z.string().nullable(),
  bookingCode: z.string().describe('The code on the household’s notice, for booking on the portal'),
  flatId: z.string().nullable(),
  chosenAt: z.string().nullable(),
});
export type SelectionHouseholdView = z.infer<typeof SelectionHouseholdSchema>;

export const FlatSchema = z.object({
  id: z.string(),
  building: z.string(),
  unit: z.string(),
  floor: z.number().int(),
  number: z.string(),
  size: z.number(),
  type: z.string(),
  taken: z.boolean(),
  takenByOrder: z.number().int().nullable(),
});
export type FlatView = z.infer<typeof FlatSchema>;

export const SlotSchema = z.object({ id: z.string(), startsAt: instant, endsAt: instant, capacity: z.number().int(), booked: z.number().int() });
export type SlotView = z.infer<typeof SlotSchema>;

export const SelectionSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  orderRule: z.enum(ORDER_RULES),
  summary: SelectionSummarySchema,
  algorithm: z.string().nullable(),
  households: z.array(SelectionHouseholdSchema),
  flats: z.array(FlatSchema),
  slots: z.array(SlotSchema),
  may: z.object({ manage: z.boolean(), desk: z.boolean() }),
});
export type Selection = z.infer<typeof SelectionSchema>;

/** The public screen: what has been taken, who is being served (masked names only). */
export const PublicBoardSchema = z.object({
  projectName: z.string(),
  flats: z.array(FlatSchema),
  serving: z.array(z.object({ desk: z.string(), order: z.number().int().nullable(), name: z.string() })),
  recent: z.array(z.object({ order: z.number().int().nullable(), name: z.string(), flat: z.string(), at: instant })),
  taken: z.number().int(),
  total: z.number().int(),
  updatedAt: instant,
});
export type PublicBoard = z.infer<typeof PublicBoardSchema>;

// ——— objections to the 公示 of results (异议) ———

/** upheld 异议成立 · dismissed 异议不成立. */
export const OBJECTION_OUTCOMES = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
const objectionPhone = z.string().trim().regex(PHONE_PATTERN).describe('Mobile phone 手机号 (as in the household registry, for the portal)');
const objectionText = text(2000).describe('The objection 异议内容');
const objectionOrder = z.number().int().min(1).max(100_000).optional().describe('The place in the order 顺序号 of the result objected to, when one is named');

/** Body of POST /api/projects/:id/selection/objections: an objection received in person. */
export const ObjectionCreateSchema = z.object({ name: text(50).describe('The objector’s name'), phone: objectionPhone, text: objectionText, order: objectionOrder });
export type ObjectionCreate = z.infer<typeof ObjectionCreateSchema>;
/** Body of POST /api/projects/:id/selection/objections/:objectionId/handle. */
export const ObjectionHandleSchema = z.object({ outcome: z.enum(OBJECTION_OUTCOMES), reply: text(1000).describe('The reply told to the objector by SMS 答复') });
/** Body of POST /api/public/projects/:id/objections/code. */
export const ObjectionCodeSchema = z.object({ phone: objectionPhone });
/** Body of POST /api/public/projects/:id/objections: verified by the SMS code against the registry. */
export const PublicObjectionSchema = z.object({ phone: objectionPhone, code: z.string().trim().regex(/^\d{6}$/).describe('The 6-digit code received by SMS'), text: objectionText, order: objectionOrder });
export type PublicObjection = z.infer<typeof PublicObjectionSchema>;
export const ObjectionParams = z.object({ id, objectionId: id });

export const ObjectionSchema = z.object({
  id: z.string(),
  channel: z.enum(['portal', 'staff']),
  order: z.number().int().nullable(),
  text: z.string(),
  name: z.string().describe('Masked name'),
  createdAt: instant,
  receivedByName: z.string().nullable(),
  outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
  reply: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledByName: z.string().nullable(),
});
export const ObjectionsSchema = z.object({
  publishedAt: z.string().nullable(),
  objectionUntil: z.string().nullable(),
  open: z.boolean().describe('Objections are taken now (inside the period)'),
  items: z.array(ObjectionSchema),
  may: z.object({ record: z.boolean(), handle: z.boolean() }),
});
export type Objections = z.infer<typeof ObjectionsSchema>;
export const ObjectionReceiptSchema = z.object({ id: z.string(), createdAt: instant });
/** What the public page shows after the period: counts and each outcome, nothing personal. */
export const ObjectionOutcomeSchema = z.object({
  received: z.number().int(),
  upheld: z.number().int(),
  dismissed: z.number().int(),
  pending: z.number().int(),
  items: z.array(z.object({ order: z.number().int().nullable(), text: z.string(), outcome: z.enum(OBJECTION_OUTCOMES).nullable(), reply: z.string().nullable() })),
});

export const PublicProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  areaName: z.string(),
  areaCode: z.string(),
  leadUnitName: z.string(),
  description: z.string().nullable(),
  disclosures: z.array(DisclosureSchema.omit({ isPublic: true })),
  seed: z.string().nullable(),
  drawnAt: z.string().nullable(),
  order: z.array(z.object({ order: z.number().int(), number: z.number().int(), name: z.string() })).describe('The drawn order (masked names)'),
  results: z.array(z.object({ order: z.number().int().nullable(), name: z.string(), flat: z.string(), size: z.number() })).describe('The 公示 of the results'),
  publishedAt: z.string().nullable(),
  objectionUntil: z.string().nullable(),
  objectionsOpen: z.boolean().describe('Objections are taken now'),
  objectionOutcome: ObjectionOutcomeSchema.nullable().describe('After the objection period: the objections and their outcomes (redacted)'),
  decisions: z.array(ProjectLinkSchema).describe('Decisions with their feedback (filled by the consultations module)'),
});
export type PublicProject = z.infer<typeof PublicProjectSchema>;

export const PublicProjectListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), areaName: z.string(), leadUnitName: z.string() })) });

export const PublicVillageSchema = z.object({
  code: z.string(),
  name: z.string(),
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  disclosures: z.array(DisclosureSchema.omit({ isPublic: true }).extend({ projectId: z.string(), projectName: z.string() })),
  decisions: z.array(ProjectLinkSchema),
});

export const PublicBookingSchema = z.object({
  projectName: z.string(),
  name: z.string(),
  number: z.number().int(),
  order: z.number().int().nullable(),
  slotId: z.string().nullable(),
  slots: z.array(SlotSchema),
});

export const CaseSuggestionsSchema = z.object({ items: z.array(z.object({ ...caseRefFields, score: z.number(), linked: z.boolean() })) });

/** The projects operations. */
export const projectsEndpoints = defineEndpoints({
  'GET /api/projects': { tag: 'projects', summary: '重点项目列表 Projects in my area', query: ProjectListQuerySchema, response: ProjectPageSchema },
  'POST /api/projects': { tag: 'projects', summary: '新建重点项目 Create a project', status: 201, body: ProjectCreateSchema, response: ProjectDetailSchema },
  'GET /api/projects/:id': { tag: 'projects', summary: '项目页 A project with what it gathers', params: ProjectParams, response: ProjectDetailSchema },
  'POST /api/projects/:id/households': { tag: 'projects', summary: '添加涉及户 Add households concerned', params: ProjectParams, body: ProjectHouseholdsAddSchema, response: ProjectDetailSchema },
  'POST /api/projects/:id/disclosures': { tag: 'projects', summary: '发布公开信息 Publish a disclosure or add a document', params: ProjectParams, body: DisclosureCreateSchema, response: ProjectDetailSchema },
  'POST /api/projects/:id/cases': { tag: 'projects', summary: '关联诉求件 Link a case', params: ProjectParams, body: CaseLinkSchema, response: ProjectDetailSchema },
  'GET /api/projects/:id/case-suggestions': { tag: 'projects', summary: '相似诉求推荐 Cases the similar-case engine suggests linking', params: ProjectParams, response: CaseSuggestionsSchema },
  'GET /api/projects/:id/selection': { tag: 'projects', summary: '选房登记 The selection registration', params: ProjectParams, response: SelectionSchema },
  'PUT /api/projects/:id/selection/households': { tag: 'projects', summary: '选房资格户 Eligible households and entitlements', params: ProjectParams, body: EligibleHouseholdsSchema, response: SelectionSchema },
  'POST /api/projects/:id/selection/flats': { tag: 'projects', summary: '房源 Add flats or plots on offer', params: ProjectParams, body: FlatsAddSchema, response: SelectionSchema },
  'POST /api/projects/:id/selection/slots': { tag: 'projects', summary: '预约时段 Add time slots', params: ProjectParams, body: SlotsAddSchema, response: SelectionSchema },
  'POST /api/projects/:id/selection/draw': { tag: 'projects', summary: '摇号或公布顺序 Draw the order from the seed, or set the published order', params: ProjectParams, body: DrawSchema, response: SelectionSchema },
  'POST /api/projects/:id/selection/households/:householdId/book': { tag: 'projects', summary: '代为预约 Book a slot for a household', params: SelectionHouseholdParams, body: BookSchema, response: SelectionSchema },
  'POST /api/projects/:id/selection/call-next': { tag: 'projects', summary: '叫号 Call the next household in order to a desk', params: ProjectParams, body: DeskSchema, response: SelectionSchema },
  'POST /api/projects/:id/selection/households/:householdId/call': { tag: 'projects', summary: '重新叫号 Call an absent household again', params: SelectionHouseholdParams, body: DeskSchema, response: SelectionSchema },
  'POST /api/projects/:id/selection/households/:householdId/absent': { tag: 'projects', summary: '过号 The called household is absent', params: SelectionHouseholdParams, response: SelectionSchema },
  'POST /api/projects/:id/selection/households/:householdId/confirm': { tag: 'projects', summary: '确认选房 Confirm the flat chosen', params: SelectionHouseholdParams, body: ConfirmSchema, response: SelectionSchema },
  'GET /api/projects/:id/selection/households/:householdId/sheet.pdf': { tag: 'projects', summary: '选房确认单 The confirmation sheet to print and sign', params: SheetParams, file: [MEDIA.pdf] },
  'POST /api/projects/:id/selection/publish': { tag: 'projects', summary: '结果公示 Publish the results with an objection period', params: ProjectParams, body: PublishResultsSchema, response: SelectionSchema },
  'GET /api/projects/:id/selection/objections': { tag: 'projects', summary: '公示异议 Objections to the 公示 of results', params: ProjectParams, response: ObjectionsSchema },
  'POST /api/projects/:id/selection/objections': { tag: 'projects', summary: '登记异议 Record an objection received in person', status: 201, params: ProjectParams, body: ObjectionCreateSchema, response: ObjectionsSchema },
  'POST /api/projects/:id/selection/objections/:objectionId/handle': { tag: 'projects', summary: '处理异议 Answer an objection (upheld or dismissed; SMS to the objector)', params: ObjectionParams, body: ObjectionHandleSchema, response: ObjectionsSchema },
  'POST /api/public/projects/:id/objections/code': { tag: 'projects', summary: '公开：异议验证码 SMS code to a phone registered in the project’s area', public: true, params: ProjectParams, body: ObjectionCodeSchema, response: z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() }) },
  'POST /api/public/projects/:id/objections': { tag: 'projects', summary: '公开：提出异议 Object to the results within the period (verified by SMS code)', public: true, status: 201, params: ProjectParams, body: PublicObjectionSchema, response: ObjectionReceiptSchema },
  'GET /api/public/projects': { tag: 'projects', summary: '公开：项目 Public projects', public: true, response: PublicProjectListSchema },
  'GET /api/public/projects/:id': { tag: 'projects', summary: '公开：项目页 A project’s public page', public: true, params: ProjectParams, response: PublicProjectSchema },
  'GET /api/public/projects/:id/board': { tag: 'projects', summary: '公开：选房大屏 The public screen of the selection day', public: true, params: ProjectParams, response: PublicBoardSchema },
  'GET /api/public/projects/:id/booking': { tag: 'projects', summary: '公开：选房预约 A household’s booking by its code', public: true, params: ProjectParams, query: PublicBookingQuerySchema, response: PublicBookingSchema },
  'POST /api/public/projects/:id/booking': { tag: 'projects', summary: '公开：预约选房时段 Book a slot with the household’s code', public: true, params: ProjectParams, body: PublicBookSchema, response: PublicBookingSchema },
  'GET /api/public/villages/:code': { tag: 'projects', summary: '公开：村（社区）公开栏 A village’s public page', public: true, params: VillageParams, response: PublicVillageSchema },
});

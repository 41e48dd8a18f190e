import { z } from 'zod';
import { defineEndpoints, MEDIA } from './endpoint.js';
import { areaCode, id } from './fields.js';
import { SERVICE_LEVELS, MATERIAL_STATES } from './values.js';
export { SERVICE_LEVELS, MATERIAL_STATES } from './values.js';

/**
 * 便民服务中心 (SPEC §6, issue 16): the catalogue of services (事项清单), applications taken at a
 * window, by a village proxy (代办员) or by the resident on the portal, their own lifecycle with a
 * time limit, collective approval (集体审批) by a committee, the public notice (公示) with
 * objections, and the resident's evaluation.
 */

export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/** How an application came in: at a window, carried by a proxy, or by the resident on the portal. */
export const SERVICE_CHANNELS = ['window', 'proxy', 'portal'] as const;
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];

/**
 * The lifecycle: submitted → received → (materials_requested ↔ supplemented) → reviewing →
 * (committee → publicity) → approved | refused → delivered → evaluated.
 */
export const SERVICE_STATES = ['submitted', 'received', 'materials_requested', 'supplemented', 'reviewing', 'committee', 'publicity', 'approved', 'refused', 'delivered', 'evaluated'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** States in which the time limit runs (the deciding level owes work). */
export const SERVICE_CLOCK_STATES: readonly ServiceState[] = ['submitted', 'received', 'supplemented', 'reviewing', 'committee'];
/** States after the decision. */
export const SERVICE_DECIDED_STATES: readonly ServiceState[] = ['approved', 'refused', 'delivered', 'evaluated'];

/** Steps staff take on an application. */
export const SERVICE_ACTIONS = ['receive', 'request_materials', 'supplement', 'review', 'to_committee', 'approve', 'refuse', 'deliver'] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

export type MaterialState = (typeof MATERIAL_STATES)[number];

export const OBJECTION_STATES = ['recorded', 'investigating', 'answered'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const VOTE_RULES = ['simple', 'two_thirds'] as const;
export type VoteRule = (typeof VOTE_RULES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const instant = z.string().describe('ISO instant (UTC)');
const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/).describe('Mobile or landline');

// ——— catalogue ———

export const ServiceMaterialSchema = z.object({
  name: text(100).describe('The material, e.g. 户口簿'),
  example: optText(300).describe('An example or what it must show'),
});

/** Body of POST /api/service-items and PUT /api/service-items/:id. */
export const ServiceItemWriteSchema = z.object({
  code: z.string().trim().regex(/^[A-Z0-9-]{2,20}$/).describe('Short code, e.g. DB-01 (for the QR poster)'),
  name: text(60).describe('事项名称'),
  category: text(30).describe('Group in the catalogue, e.g. 社会救助'),
  level: z.enum(SERVICE_LEVELS).describe('The level that decides it'),
  unitId: id.describe('The unit that decides it (the township government for township services)'),
  materials: z.array(ServiceMaterialSchema).max(30).describe('Required materials with an example of each'),
  conditions: text(2000).describe('办理条件 Who qualifies'),
  limitDays: z.number().int().min(1).max(180).describe('Time limit'),
  limitUnit: z.enum(['working_days', 'natural_days']).default('working_days'),
  fee: text(60).describe('收费标准, e.g. 不收费'),
  proxyAllowed: z.boolean().describe('A village proxy may carry it'),
  needsCollective: z.boolean().describe('Needs collective approval and a 公示'),
  publicityDays: z.number().int().min(1).max(30).default(7).describe('Days of 公示'),
  quorumPercent: z.number().int().min(1).max(100).default(67).describe('Share of members that must attend the committee'),
  voteRule: z.enum(VOTE_RULES).default('simple').describe('simple: more than half of those present; two_thirds: at least two thirds'),
  active: z.boolean().default(true),
});
export type ServiceItemWrite = z.infer<typeof ServiceItemWriteSchema>;

export const ServiceItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  level: z.enum(SERVICE_LEVELS),
  unitId: z.string(),
  unitName: z.string(),
  materials: z.array(z.object({ name: z.string(), example: z.string().nullable() })),
  conditions: z.string(),
  limitDays: z.number().int(),
  limitUnit: z.enum(['working_days', 'natural_days']),
  fee: z.string(),
  proxyAllowed: z.boolean(),
  needsCollective: z.boolean(),
  publicityDays: z.number().int(),
  quorumPercent: z.number().int(),
  voteRule: z.enum(VOTE_RULES),
  active: z.boolean(),
  portalUrl: z.string().describe('The public page the QR code opens'),
});
export type ServiceItemView = z.infer<typeof ServiceItemSchema>;

export const ServiceCatalogueQuerySchema = z.object({
  q: z.string().trim().max(40).optional().describe('Words in the name, category or conditions'),
  level: z.enum(SERVICE_LEVELS).optional(),
});
export const ServiceCatalogueSchema = z.object({ items: z.array(ServiceItemSchema) });

// ——— applications ———

export const MaterialCheckSchema = z.object({
  name: text(100),
  state: z.enum(MATERIAL_STATES),
  note: optText(300),
  attachmentIds: z.array(id).max(6).default([]).describe('Photos of this material (ids from POST /api/attachments)'),
});

/** Body of POST /api/service-applications (window or proxy). */
export const ServiceApplySchema = z.object({
  itemId: id,
  channel: z.enum(['window', 'proxy']),
  areaCode: areaCode.describe('The applicant’s village or community'),
  householdId: id.optional().describe('The household in the registry'),
  applicantName: text(40),
  applicantPhone: phone,
  applicantIdNumber: z.string().trim().regex(/^\d{17}[\dXx]$/).optional(),
  summary: text(1000).describe('What is applied for 申请事由'),
  materials: z.array(MaterialCheckSchema).max(30),
});
export type ServiceApply = z.infer<typeof ServiceApplySchema>;

/** Body of POST /api/public/service-applications (the resident, with photo upload tokens). */
export const PublicServiceApplySchema = z.object({
  itemId: id,
  areaCode: areaCode,
  applicantName: text(40),
  applicantPhone: phone,
  summary: text(1000),
  photos: z.array(z.string().max(600)).max(9).default([]).describe('Upload tokens from POST /api/public/photos'),
});

export const ServiceApplicationListQuerySchema = z.object({
  view: z.enum(['all', 'carry', 'decide', 'overdue']).default('all').describe('carry: mine to carry as proxy; decide: awaiting a decision in my reach; overdue: past the time limit'),
  state: z.enum(SERVICE_STATES).optional(),
  itemId: id.optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ServiceApplicationListQuery = z.infer<typeof ServiceApplicationListQuerySchema>;

const ApplicationMaySchema = z.object({
  receive: z.boolean(),
  request_materials: z.boolean(),
  supplement: z.boolean(),
  review: z.boolean(),
  to_committee: z.boolean(),
  approve: z.boolean(),
  refuse: z.boolean(),
  deliver: z.boolean(),
  reveal: z.boolean(),
  answerObjection: z.boolean(),
});

export const ServiceApplicationSchema = z.object({
  id: z.string(),
  number: z.string().describe('e.g. 青溪便〔2026〕12号'),
  itemId: z.string(),
  itemName: z.string(),
  level: z.enum(SERVICE_LEVELS),
  channel: z.enum(SERVICE_CHANNELS),
  state: z.enum(SERVICE_STATES),
  areaCode: z.string(),
  areaName: z.string(),
  applicantMasked: z.string().describe('The applicant’s name, masked'),
  phoneMasked: z.string(),
  proxyUserId: z.string().nullable(),
  proxyName: z.string().nullable(),
  submittedAt: instant,
  dueAt: z.string().nullable(),
  dueLevel: z.enum(['normal', 'yellow', 'red']),
  overdue: z.boolean(),
  toBringBack: z.array(z.string()).describe('For the proxy: what to bring back to the resident or the office'),
  may: ApplicationMaySchema,
});
export type ServiceApplicationView = z.infer<typeof ServiceApplicationSchema>;

export const ServiceApplicationDetailSchema = ServiceApplicationSchema.extend({
  summary: z.string(),
  householdId: z.string().nullable(),
  materials: z.array(
    z.object({ id: z.string(), name: z.string(), state: z.enum(MATERIAL_STATES), note: z.string().nullable(), photos: z.array(z.object({ id: z.string(), fileName: z.string() })) }),
  ),
  events: z.array(z.object({ action: z.string(), fromState: z.string().nullable(), toState: z.string(), actorName: z.string().nullable(), note: z.string().nullable(), at: instant })),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  publicityStartsAt: z.string().nullable(),
  publicityEndsAt: z.string().nullable(),
  objections: z.array(z.lazy(() => ServiceObjectionSchema)),
  evaluation: z.object({ result: z.string(), comment: z.string().nullable(), at: instant }).nullable(),
  evaluationUrl: z.string().nullable().describe('The signed evaluation link, once delivered and not yet rated'),
  escalationLevel: z.number().int(),
});
export type ServiceApplicationDetail = z.infer<typeof ServiceApplicationDetailSchema>;

export const ServiceApplicationPageSchema = z.object({ items: z.array(ServiceApplicationSchema), nextOffset: z.number().int().nullable() });

/** Body of POST /api/service-applications/:id/steps. */
export const ServiceStepSchema = z.object({
  action: z.enum(SERVICE_ACTIONS),
  note: optText(2000).describe('Reason (required to refuse), what is requested, or the result'),
  materials: z.array(MaterialCheckSchema).max(30).optional().describe('request_materials: what is missing or to correct; supplement: what was brought'),
});
export type ServiceStep = z.infer<typeof ServiceStepSchema>;

export const ServiceRevealSchema = z.object({ name: z.string(), phone: z.string(), idNumber: z.string().nullable() });

// ——— committee ———

export const ServiceMeetingWriteSchema = z.object({
  title: text(100).describe('e.g. 城关镇2026年第3次低保评议会'),
  unitId: id.describe('The unit that convenes it'),
  heldAt: z.iso.datetime({ offset: true }),
  members: z.array(z.object({ name: text(40), role: optText(40) })).min(1).max(40),
  applicationIds: z.array(id).min(1).max(100),
});
export const ServiceAttendanceSchema = z.object({ present: z.array(z.number().int().min(0)).max(40).describe('Indexes of the members present') });
export const ServiceVoteSchema = z.object({
  applicationId: id,
  votes: z.array(z.object({ member: z.number().int().min(0), vote: z.enum(['for', 'against', 'abstain']) })).min(1).max(40),
});

export const ServiceMeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  heldAt: instant,
  members: z.array(z.object({ index: z.number().int(), name: z.string(), role: z.string().nullable(), present: z.boolean() })),
  quorumMet: z.boolean(),
  applications: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      itemName: z.string(),
      applicantMasked: z.string(),
      state: z.enum(SERVICE_STATES),
      quorumPercent: z.number().int(),
      voteRule: z.enum(VOTE_RULES),
      tally: z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() }).nullable(),
      outcome: z.enum(['passed', 'failed', 'no_quorum']).nullable(),
    }),
  ),
});
export type ServiceMeetingView = z.infer<typeof ServiceMeetingSchema>;
export const ServiceMeetingListSchema = z.object({ items: z.array(ServiceMeetingSchema.pick({ id: true, title: true, unitName: true, heldAt: true, quorumMet: true })) });

// ——— publicity and objections ———

export const ServiceObjectionSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  channel: z.enum(['portal', 'window']),
  content: z.string(),
  state: z.enum(OBJECTION_STATES),
  finding: z.string().nullable(),
  upheld: z.boolean().nullable(),
  answer: z.string().nullable(),
  createdAt: instant,
  answeredAt: z.string().nullable(),
});
export type ServiceObjectionView = z.infer<typeof ServiceObjectionSchema>;

export const ObjectionWriteSchema = z.object({
  content: text(1000).describe('What is objected to'),
  contactPhone: phone.optional().describe('For the answer (kept encrypted)'),
});
export const ObjectionAnswerSchema = z.object({
  finding: text(2000).describe('What the investigation found 调查核实'),
  upheld: z.boolean().describe('true: the objection stands and the application goes back to review'),
  answer: text(1000).describe('The answer to the objector'),
});

/** One entry of the public 公示 (personal data masked). */
export const PublicityEntrySchema = z.object({
  id: z.string(),
  number: z.string(),
  itemName: z.string(),
  unitName: z.string(),
  areaName: z.string(),
  applicantMasked: z.string(),
  summary: z.string().describe('The application, with names and numbers masked'),
  meetingTitle: z.string().nullable(),
  tally: z.string().nullable(),
  startsAt: instant,
  endsAt: instant,
  objectionCount: z.number().int(),
});
export const PublicityListSchema = z.object({ items: z.array(PublicityEntrySchema), hotline: z.string() });

// ——— evaluation ———

export const ServiceEvaluationViewSchema = z.object({ number: z.string(), itemName: z.string(), state: z.enum(SERVICE_STATES), result: z.string().nullable(), rated: z.boolean() });
export const ServiceEvaluationSchema = z.object({ result: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']), comment: optText(500) });

// ——— figures ———

export const ServiceFiguresQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
const Row = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const ServiceFiguresSchema = z.object({
  total: z.number().int(),
  decided: z.number().int(),
  onTimeRate: z.number().nullable().describe('Decided within the time limit / decided'),
  proxyShare: z.number().nullable().describe('群众不出村: carried by a proxy / all'),
  meanDays: z.number().nullable().describe('Mean days from submission to decision'),
  satisfaction: z.number().nullable().describe('(satisfied + basically satisfied) / evaluated'),
  byService: z.array(Row),
  byLevel: z.array(Row),
  byVillage: z.array(Row),
});
export type ServiceFigures = z.infer<typeof ServiceFiguresSchema>;

const IdParams = z.object({ id });
const TokenParams = z.object({ token: z.string().min(10).max(600) });
const CodeParams = z.object({ code: z.string().max(20) });
const tag = 'service-centre';

/** The service centre's operations. */
export const serviceCentreEndpoints = defineEndpoints({
  'GET /api/service-items': { tag, summary: '事项清单（管理）The catalogue, inactive included', query: ServiceCatalogueQuerySchema, response: ServiceCatalogueSchema },
  'POST /api/service-items': { tag, summary: '新增事项 Add a service', body: ServiceItemWriteSchema, status: 201, response: ServiceItemSchema },
  'PUT /api/service-items/:id': { tag, summary: '修改事项 Change a service', params: IdParams, body: ServiceItemWriteSchema, response: ServiceItemSchema },
  'GET /api/public/service-items': { tag, public: true, summary: '办事指南 The public catalogue, searchable', query: ServiceCatalogueQuerySchema, response: ServiceCatalogueSchema },
  'GET /api/public/service-items/:code': { tag, public: true, summary: '事项详情 One service', params: CodeParams, response: ServiceItemSchema },
  'GET /api/public/service-items/:code/qr.png': { tag, public: true, summary: '事项二维码 QR code of the service’s page, for posters', params: CodeParams, file: ['image/png'] },

  'GET /api/service-applications': { tag, summary: '办件列表 Applications in my reach, mine to carry, to decide', query: ServiceApplicationListQuerySchema, response: ServiceApplicationPageSchema },
  'POST /api/service-applications': { tag, summary: '窗口受理或代办 Take an application', body: ServiceApplySchema, status: 201, response: ServiceApplicationDetailSchema },
  'GET /api/service-applications/:id': { tag, summary: '办件详情 An application', params: IdParams, response: ServiceApplicationDetailSchema },
  'POST /api/service-applications/:id/steps': { tag, summary: '办理一步 One step of the lifecycle', params: IdParams, body: ServiceStepSchema, response: ServiceApplicationDetailSchema },
  'POST /api/service-applications/:id/reveal': { tag, summary: '查看申请人信息（留痕）Reveal the applicant (audited)', params: IdParams, response: ServiceRevealSchema },
  'GET /api/service-applications/:id/photos/:photoId': { tag, summary: '材料照片 A photo of a material', params: z.object({ id, photoId: id }), file: [MEDIA.image, MEDIA.jpeg] },
  'GET /api/service-applications/:id/notice.:format': {
    tag,
    summary: '补正材料通知书或不予许可决定书 The notice of the last request for materials or of the refusal (.docx or .pdf)',
    params: z.object({ id, format: z.enum(['docx', 'pdf']) }),
    file: [MEDIA.docx, MEDIA.pdf],
  },
  'POST /api/service-applications/:id/objections': { tag, summary: '窗口登记异议 Record an objection made at the window', params: IdParams, body: ObjectionWriteSchema, status: 201, response: ServiceApplicationDetailSchema },
  'POST /api/service-applications/:id/objections/:objectionId/investigate': {
    tag,
    summary: '异议调查 Start investigating an objection',
    params: z.object({ id, objectionId: id }),
    response: ServiceApplicationDetailSchema,
  },
  'POST /api/service-applications/:id/objections/:objectionId/answer': {
    tag,
    summary: '异议答复 Answer an objection (upheld: back to review)',
    params: z.object({ id, objectionId: id }),
    body: ObjectionAnswerSchema,
    response: ServiceApplicationDetailSchema,
  },
  'POST /api/service-applications/:id/publicity/close': { tag, summary: '公示期满 Close the 公示 (after its end, every objection answered): approved', params: IdParams, response: ServiceApplicationDetailSchema },
  'GET /api/service-applications/:id/poster.pdf': { tag, summary: '公示海报 The 公示 as a printable poster (masked)', params: IdParams, file: [MEDIA.pdf] },

  'GET /api/service-meetings': { tag, summary: '集体审批会议 Committee meetings', response: ServiceMeetingListSchema },
  'POST /api/service-meetings': { tag, summary: '召开评议会 Convene a committee meeting', body: ServiceMeetingWriteSchema, status: 201, response: ServiceMeetingSchema },
  'GET /api/service-meetings/:id': { tag, summary: '会议详情 A meeting', params: IdParams, response: ServiceMeetingSchema },
  'POST /api/service-meetings/:id/attendance': { tag, summary: '签到 Record attendance', params: IdParams, body: ServiceAttendanceSchema, response: ServiceMeetingSchema },
  'POST /api/service-meetings/:id/votes': { tag, summary: '表决 Record the vote on one application', params: IdParams, body: ServiceVoteSchema, response: ServiceMeetingSchema },

  'GET /api/public/publicity': { tag, public: true, summary: '公示 Running public notices (masked)', response: PublicityListSchema },
  'POST /api/public/publicity/:id/objections': { tag, public: true, summary: '提出异议 Object to a 公示', params: IdParams, body: ObjectionWriteSchema, status: 201, response: z.object({ received: z.literal(true) }) },
  'POST /api/public/service-applications': { tag, public: true, summary: '网上申请 Apply on the portal with photos of the materials', body: PublicServiceApplySchema, status: 201, response: z.object({ number: z.string() }) },
  'GET /api/public/service-evaluations/:token': { tag, public: true, summary: '办件评价页 The application behind an evaluation link', params: TokenParams, response: ServiceEvaluationViewSchema },
  'POST /api/public/service-evaluations/:token': { tag, public: true, summary: '办件评价 Rate the service', params: TokenParams, body: ServiceEvaluationSchema, response: ServiceEvaluationViewSchema },

  'GET /api/service-figures': { tag, summary: '便民服务数据 Service figures in my reach', query: ServiceFiguresQuerySchema, response: ServiceFiguresSchema },
});

import { z } from 'zod';
import { defineEndpoints, MEDIA } from './endpoint.js';
import { caseRefFields, id } from './fields.js';
import { SUPERVISION_LEVELS, SUPERVISION_STATES } from './values.js';
export { SUPERVISION_LEVELS, SUPERVISION_STATES } from './values.js';

/**
 * 督办 · 催办 · 批示 (SPEC §2 "Supervision", issue 13 item 2): supervision orders with a written
 * response from the unit, lighter urges, and leaders' instructions the handling unit acknowledges
 * and reports back on. Each step is also an event on the cases concerned.
 */

export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

export type SupervisionState = (typeof SUPERVISION_STATES)[number];

/** The states in which the unit still owes its written response. */
export const SUPERVISION_AWAITING: readonly SupervisionState[] = ['issued', 'signed', 'returned'];

/** issued → acknowledged (收悉) → reported (回复). */
export const INSTRUCTION_STATES = ['issued', 'acknowledged', 'reported'] as const;
export type InstructionState = (typeof INSTRUCTION_STATES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string().describe('ISO instant (UTC)');

/** Body of POST /api/supervision/orders: one case, or several cases of one unit. */
export const SupervisionIssueSchema = z.object({
  caseIds: z.array(id).min(1).max(50).describe('The cases supervised; all handled by one unit'),
  unitId: id.optional().describe('The unit addressed; default: the unit handling the cases'),
  level: z.enum(SUPERVISION_LEVELS),
  reason: text(2000).describe('Why the cases are supervised 督办事由'),
  responseDueAt: z.iso.datetime({ offset: true }).describe('When the unit’s written response is due'),
});
export type SupervisionIssue = z.infer<typeof SupervisionIssueSchema>;

export const SupervisionRespondSchema = z.object({ response: text(5000).describe('The unit’s written response 书面回复') });
export const SupervisionReviewSchema = z.object({ note: z.string().trim().max(1000).optional().describe('Review opinion') });
export const SupervisionReturnSchema = z.object({ note: text(1000).describe('Why the response is sent back (required)') });

/** Query of GET /api/supervision/orders. */
export const SupervisionListQuerySchema = z.object({
  view: z.enum(['all', 'mine', 'unit', 'overdue']).default('all').describe('mine: issued by me; unit: addressed to my units; overdue: response not in by its date'),
  state: z.enum(SUPERVISION_STATES).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SupervisionListQuery = z.infer<typeof SupervisionListQuerySchema>;

export const SupervisionIdParamsSchema = z.object({ id });
export const SupervisionDocumentParamsSchema = z.object({ id, format: z.enum(['docx', 'pdf']) });

/** What the caller may do with an order now (the page shows exactly these buttons). */
const OrderMaySchema = z.object({ sign: z.boolean(), respond: z.boolean(), accept: z.boolean(), return: z.boolean() });

/** An order as lists show it. */
export const SupervisionOrderSchema = z.object({
  id: z.string(),
  number: z.string().describe('e.g. 青溪督〔2026〕12号'),
  level: z.enum(SUPERVISION_LEVELS),
  state: z.enum(SUPERVISION_STATES),
  unitId: z.string(),
  unitName: z.string(),
  issuingUnitName: z.string(),
  issuedBy: z.string(),
  issuedByName: z.string(),
  issuedAt: instant,
  reason: z.string(),
  responseDueAt: instant,
  overdue: z.boolean().describe('The response is not in and its date has passed (or it came in late)'),
  caseCount: z.number().int(),
  may: OrderMaySchema,
});
export type SupervisionOrderView = z.infer<typeof SupervisionOrderSchema>;

/** GET /api/supervision/orders/:id: the order with its cases, response and review. */
export const SupervisionOrderDetailSchema = SupervisionOrderSchema.extend({
  cases: z.array(z.object({ ...caseRefFields, currentUnitId: z.string().nullable() })),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondedByName: z.string().nullable(),
  response: z.string().nullable(),
  respondedLate: z.boolean(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  returnCount: z.number().int(),
  escalatedAt: z.string().nullable().describe('When the sweep escalated the missed response'),
});
export type SupervisionOrderDetail = z.infer<typeof SupervisionOrderDetailSchema>;

export const SupervisionPageSchema = z.object({ items: z.array(SupervisionOrderSchema), nextOffset: z.number().int().nullable() });

/** Body of POST /api/cases/:id/urges. */
export const UrgeSchema = z.object({ note: z.string().trim().max(1000).optional().describe('What the unit is urged to do') });

/** Body of POST /api/cases/:id/instructions. */
export const InstructionWriteSchema = z.object({ text: text(2000).describe('The leader’s instruction 批示内容') });
export const InstructionReportSchema = z.object({ report: text(5000).describe('The unit’s report back 回复') });
export const InstructionParamsSchema = z.object({ id, instructionId: id });

export const InstructionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  leaderUserId: z.string(),
  leaderName: z.string(),
  text: z.string(),
  state: z.enum(INSTRUCTION_STATES),
  createdAt: instant,
  acknowledgedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  report: z.string().nullable(),
  may: z.object({ acknowledge: z.boolean(), report: z.boolean() }),
});
export type InstructionView = z.infer<typeof InstructionSchema>;

/** GET /api/cases/:id/supervision: the case page's panel. */
export const CaseSupervisionSchema = z.object({
  orders: z.array(SupervisionOrderSchema),
  urges: z.array(z.object({ id: z.string(), unitId: z.string().nullable(), urgedByName: z.string(), note: z.string().nullable(), createdAt: instant })),
  urgeCount: z.number().int(),
  instructions: z.array(InstructionSchema),
  may: z.object({ issue: z.boolean(), urge: z.boolean(), instruct: z.boolean() }).describe('What the caller may start on this case'),
});
export type CaseSupervision = z.infer<typeof CaseSupervisionSchema>;

const CaseIdParams = z.object({ id });

/** The supervision operations. */
export const supervisionEndpoints = defineEndpoints({
  'GET /api/supervision/orders': { tag: 'supervision', summary: '督办单列表 Supervision orders I issued, to my units, or overdue', query: SupervisionListQuerySchema, response: SupervisionPageSchema },
  'POST /api/supervision/orders': { tag: 'supervision', summary: '发出督办 Issue a supervision order', body: SupervisionIssueSchema, response: SupervisionOrderDetailSchema },
  'GET /api/supervision/orders/:id': { tag: 'supervision', summary: '督办单详情 A supervision order', params: SupervisionIdParamsSchema, response: SupervisionOrderDetailSchema },
  'POST /api/supervision/orders/:id/sign': { tag: 'supervision', summary: '签收督办 Sign for an order', params: SupervisionIdParamsSchema, response: SupervisionOrderDetailSchema },
  'POST /api/supervision/orders/:id/respond': {
    tag: 'supervision',
    summary: '书面回复 The unit’s written response',
    params: SupervisionIdParamsSchema,
    body: SupervisionRespondSchema,
    response: SupervisionOrderDetailSchema,
  },
  'POST /api/supervision/orders/:id/accept': {
    tag: 'supervision',
    summary: '审核通过 Accept the response',
    params: SupervisionIdParamsSchema,
    body: SupervisionReviewSchema,
    response: SupervisionOrderDetailSchema,
  },
  'POST /api/supervision/orders/:id/return': {
    tag: 'supervision',
    summary: '退回 Send the response back',
    params: SupervisionIdParamsSchema,
    body: SupervisionReturnSchema,
    response: SupervisionOrderDetailSchema,
  },
  'GET /api/supervision/orders/:id/document.:format': {
    tag: 'supervision',
    summary: '督办通知单 The order as an official document (.docx or .pdf, audited)',
    params: SupervisionDocumentParamsSchema,
    file: [MEDIA.docx, MEDIA.pdf],
  },
  'GET /api/cases/:id/supervision': { tag: 'supervision', summary: '督办·催办·批示 Orders, urges and instructions of a case', params: CaseIdParams, response: CaseSupervisionSchema },
  'POST /api/cases/:id/urges': { tag: 'supervision', summary: '催办 Urge the handling unit', params: CaseIdParams, body: UrgeSchema, response: CaseSupervisionSchema },
  'POST /api/cases/:id/instructions': { tag: 'supervision', summary: '领导批示 Write an instruction', params: CaseIdParams, body: InstructionWriteSchema, response: CaseSupervisionSchema },
  'POST /api/cases/:id/instructions/:instructionId/acknowledge': {
    tag: 'supervision',
    summary: '批示收悉 Acknowledge an instruction',
    params: InstructionParamsSchema,
    response: CaseSupervisionSchema,
  },
  'POST /api/cases/:id/instructions/:instructionId/report': {
    tag: 'supervision',
    summary: '批示回复 Report back on an instruction',
    params: InstructionParamsSchema,
    body: InstructionReportSchema,
    response: CaseSupervisionSchema,
  },
});


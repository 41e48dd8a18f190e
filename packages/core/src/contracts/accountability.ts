import { z } from 'zod';
import { ACCOUNTABILITY_REASONS } from '../vocabulary.js';
import { defineEndpoints } from './endpoint.js';
import { areaCode, id } from './fields.js';
import { ACCOUNTABILITY_SOURCES, ACCOUNTABILITY_STATES } from './values.js';
export { ACCOUNTABILITY_SOURCES, ACCOUNTABILITY_STATES } from './values.js';

export type AccountabilitySource = (typeof ACCOUNTABILITY_SOURCES)[number];
// Every automatic reason of the vocabulary is a source (a compile error otherwise).
const everyReasonIsASource: readonly AccountabilitySource[] = ACCOUNTABILITY_REASONS;
void everyReasonIsASource;

export type AccountabilityState = (typeof ACCOUNTABILITY_STATES)[number];

/** States in which a record still waits for a decision. */
export const ACCOUNTABILITY_OPEN_STATES: readonly AccountabilityState[] = ['proposed', 'appealed'];

const day = z.iso.date();

/** Query of GET /api/accountability, newest first. */
export const AccountabilityListQuerySchema = z.object({
  unitId: id.optional().describe('Only records against this unit'),
  source: z.enum(ACCOUNTABILITY_SOURCES).optional().describe('Only records of this source (reason)'),
  state: z.enum(ACCOUNTABILITY_STATES).optional().describe('Only records in this state'),
  areaCode: areaCode.optional().describe("Only records on cases in this area subtree"),
  from: day.optional().describe('Recorded on or after this China-time day'),
  to: day.optional().describe('Recorded on or before this China-time day'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AccountabilityListQuery = z.infer<typeof AccountabilityListQuerySchema>;

/** Body of POST /api/accountability: a supervisor's manual entry on a case. */
export const AccountabilityCreateSchema = z.object({
  caseId: id.describe('The case the record concerns'),
  unitId: id.describe('The unit held accountable'),
  note: z.string().trim().min(1).max(1000).describe('What happened'),
});
export type AccountabilityCreate = z.infer<typeof AccountabilityCreateSchema>;

/** Body of POST /api/accountability/:id/decide: confirm or withdraw, with a reason. */
export const AccountabilityDecideSchema = z.object({
  decision: z.enum(['confirmed', 'withdrawn']).describe('确认 confirmed | 撤销 withdrawn'),
  reason: z.string().trim().min(1).max(1000).describe('Why'),
});
export type AccountabilityDecide = z.infer<typeof AccountabilityDecideSchema>;

/** Body of POST /api/accountability/:id/appeal: the unit's appeal (申诉) before the decision. */
export const AccountabilityAppealSchema = z.object({
  text: z.string().trim().min(1).max(2000).describe('The grounds of the appeal'),
});
export type AccountabilityAppeal = z.infer<typeof AccountabilityAppealSchema>;

export const AccountabilityIdParamsSchema = z.object({ id });

/** One record as the ledger shows it (unit names only; no personal data). */
export const AccountabilityRecordSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  caseTitle: z.string(),
  areaCode: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  source: z.string().describe('overdue | returned_without_reason | dissatisfied_twice | supervision_overdue | manual'),
  stage: z.string().nullable(),
  note: z.string().nullable(),
  state: z.enum(ACCOUNTABILITY_STATES),
  appealText: z.string().nullable(),
  appealedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  canDecide: z.boolean().describe('The reader may confirm or withdraw it now'),
  canAppeal: z.boolean().describe('The reader may appeal it now (its unit’s head, before a decision)'),
});
export type AccountabilityRecordView = z.infer<typeof AccountabilityRecordSchema>;

export const AccountabilityPageSchema = z.object({
  items: z.array(AccountabilityRecordSchema),
  nextOffset: z.number().int().nullable(),
});

/** The accountability ledger's operations. */
export const accountabilityEndpoints = defineEndpoints({
  'GET /api/accountability': {
    tag: 'accountability',
    summary: '责任追究台账 Accountability records (area for supervisors and leaders; own unit for its head)',
    query: AccountabilityListQuerySchema,
    response: AccountabilityPageSchema,
  },
  'POST /api/accountability': {
    tag: 'accountability',
    summary: '手工登记责任追究 Record accountability by hand (supervisor)',
    status: 201,
    body: AccountabilityCreateSchema,
    response: AccountabilityRecordSchema,
  },
  'POST /api/accountability/:id/decide': {
    tag: 'accountability',
    summary: '确认或撤销 Confirm or withdraw a record (supervisor)',
    params: AccountabilityIdParamsSchema,
    body: AccountabilityDecideSchema,
    response: AccountabilityRecordSchema,
  },
  'POST /api/accountability/:id/appeal': {
    tag: 'accountability',
    summary: '申诉 Appeal a proposed record (the unit’s head)',
    params: AccountabilityIdParamsSchema,
    body: AccountabilityAppealSchema,
    response: AccountabilityRecordSchema,
  },
});

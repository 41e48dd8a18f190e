import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { isValidIdNumber, PHONE_PATTERN } from '../identity.js';
import { CASE_STATES } from '../case-machine.js';
import {
  CASE_FLAGS,
  CASE_KINDS,
  CHANNELS,
  EVALUATION_RESULTS,
  PETITION_CLASSES,
  URGENCIES,
} from '../vocabulary.js';

/** Request and response contracts of the cases API; the same schemas validate, type and document. */

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);
const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);

export const RequesterSchema = z
  .object({
    name: z.string().trim().min(1).max(50).optional().describe('Requester name 姓名'),
    phone: z.string().trim().regex(PHONE_PATTERN).optional().describe('Mobile or landline 联系电话'),
    idNumber: z
      .string()
      .trim()
      .refine(isValidIdNumber, { message: 'invalid_id_number' })
      .optional()
      .describe('18-digit resident ID 身份证号'),
    anonymous: z.boolean().default(false).describe('Anonymous request 匿名'),
  })
  .describe('The person who brings the matter');
export type Requester = z.infer<typeof RequesterSchema>;

export const CaseCreateSchema = z
  .object({
    channel: z.enum(CHANNELS).describe('来源渠道'),
    kind: z.enum(CASE_KINDS).describe('诉求类型'),
    petitionClass: z.enum(PETITION_CLASSES).optional().describe('信访 class, only for kind petition'),
    categoryCode: z.string().min(1).max(64).describe('Category code from the category tree'),
    title: text(120).describe('One-line summary 标题'),
    content: text(5000).describe('What the resident says 诉求内容'),
    requester: RequesterSchema.default({ anonymous: false }),
    peopleCount: z.number().int().min(1).max(10000).default(1).describe('Number of people 人数'),
    representatives: z.string().trim().max(200).optional().describe('Representatives of a collective visit 代表'),
    areaCode: areaCode.describe('Area (division code) where the matter is'),
    address: z.string().trim().max(200).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    householdId: id.optional(),
    urgency: z.enum(URGENCIES).default('normal'),
    publicConsent: z.boolean().default(false).describe('Resident agrees to publish an anonymised version'),
    receivedAt: z.iso.datetime({ offset: true }).optional().describe('When the matter was received, if earlier than now'),
    crossLevel: z.boolean().default(false).describe('Raised above the competent level before it handled the matter 越级'),
    major: z.boolean().default(false).describe('Major case 重大事项 (gets a leader)'),
    resolveOnSpot: z.object({ answer: text(5000) }).optional().describe('当场办结: close at once with this answer'),
    attachmentIds: z.array(id).max(20).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.petitionClass && value.kind !== 'petition') {
      ctx.addIssue({ code: 'custom', path: ['petitionClass'], message: 'petition_class_only_for_petition' });
    }
    if (!value.requester.anonymous && !value.requester.phone && value.channel !== 'letter') {
      ctx.addIssue({ code: 'custom', path: ['requester', 'phone'], message: 'phone_required' });
    }
  });
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

export const DispatchSchema = z.object({
  unitId: id.describe('Unit that will handle the case'),
  handlerUserId: id.optional(),
  note: z.string().trim().max(1000).optional(),
  returnUnjustified: z
    .boolean()
    .default(false)
    .describe('The last return had no valid reason: records 责任追究 against the returning unit'),
});
export const ReasonSchema = z.object({ reason: text(1000).describe('Why (required)') });
export const NoteSchema = z.object({ note: z.string().trim().max(1000).optional() });
export const CoUnitSchema = z.object({ unitId: id, note: z.string().trim().max(1000).optional() });
export const ExtensionRequestSchema = z.object({
  days: z.number().int().min(1).max(90).describe('Days asked for'),
  reason: text(1000),
});
export const ExtensionDecisionSchema = z.object({ extensionId: id, note: z.string().trim().max(1000).optional() });
export const ReplySchema = z.object({
  reply: text(5000).describe('The answer to the resident 答复意见'),
  solved: z.boolean().describe('Whether the problem is solved'),
  attachmentIds: z.array(id).max(20).default([]),
});
export const EvaluationSchema = z.object({
  result: z.enum(EVALUATION_RESULTS),
  solved: z.boolean(),
  comment: z.string().trim().max(1000).optional(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
export const MergeSchema = z.object({ intoCaseId: id.describe('The case this one duplicates') });
export const LeaderSchema = z.object({ leaderUserId: id });
export const ReviewRequestSchema = z.object({ reason: text(1000), unitId: id.optional() });
export const ReviewDecisionSchema = z.object({ decision: text(5000) });

/** Orders of the ledger (台账): by registration time or by the current deadline (cases without one last). */
export const CASE_LIST_SORTS = ['registered_desc', 'registered_asc', 'due_asc', 'due_desc'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

export const CaseListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(CASE_STATES)).optional())
    .describe('Comma-separated states'),
  flag: z.enum(CASE_FLAGS).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  channel: z.enum(CHANNELS).optional(),
  categoryCode: z.string().max(64).optional(),
  areaCode: areaCode.optional().describe('Area subtree'),
  unitId: id.optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  from: z.iso.datetime({ offset: true }).optional().describe('Registered at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('Registered before'),
  q: z.string().trim().max(100).optional().describe('Free text in code, title or content'),
  code: z.string().trim().toUpperCase().max(40).optional().describe('Exactly this tracking code (e.g. LX20261121-000123): a unique-index lookup'),
  inbox: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Only my to-dos'),
  sort: z.enum(CASE_LIST_SORTS).default('registered_desc').describe('Order: registered time or current deadline (cases without one last), ascending or descending'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const EvaluationTokenParamsSchema = z.object({ token: z.string().min(10).max(400) });
export const IdParamsSchema = z.object({ id });

/** The cases operations. */
export const casesEndpoints = defineEndpoints({});

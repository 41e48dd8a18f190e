import { z } from 'zod';
import { areaCode, id } from './fields.js';
import { defineEndpoints, MEDIA, pageOf } from './endpoint.js';
import { isValidIdNumber, PHONE_PATTERN } from '../identity.js';
import { CASE_ACTION_PATHS, CASE_ACTIONS, CASE_STATES, type CaseAction, type StaffAction } from '../case-machine.js';
import {
  CASE_FLAGS,
  CASE_KINDS,
  CHANNELS,
  EVALUATION_RESULTS,
  PETITION_CLASSES,
  URGENCIES,
} from '../vocabulary.js';
import { CASE_LIST_SORTS, type CaseActionKey, caseActionKey } from './values.js';
export { CASE_LIST_SORTS, type CaseActionKey, caseActionKey } from './values.js';

/** Request and response contracts of the cases API; the same schemas validate, type and document. */

const text = (max: number) => z.string().trim().min(1).max(max);

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
/** The body of POST /api/cases as a caller writes it (defaults may be left out). */
export type CaseCreateInput = z.input<typeof CaseCreateSchema>;

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
export const ResolveOnSpotSchema = z.object({ answer: text(5000).describe('The answer given on the spot 当场答复') });
export const MergeSchema = z.object({ intoCaseId: id.describe('The case this one duplicates') });
export const LeaderSchema = z.object({ leaderUserId: id });
export const ReviewRequestSchema = z.object({ reason: text(1000), unitId: id.optional() });
export const ReviewDecisionSchema = z.object({ decision: text(5000) });

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
  q: z.string().trim().max(100).optional().describe('A tracking code, or words found in title, content, address or reply (every word; the last may be the start of one), as search matches them'),
  code: z.string().trim().toUpperCase().max(40).optional().describe('Exactly this tracking code (e.g. LX20261121-000123): a unique-index lookup'),
  inbox: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Only my to-dos'),
  sort: z.enum(CASE_LIST_SORTS).default('registered_desc').describe('Order: registered time or current deadline (cases without one last), ascending or descending'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const EvaluationTokenParamsSchema = z.object({ token: z.string().min(10).max(400) });
export const IdParamsSchema = z.object({ id });


/** The body each case action takes (the resident's `evaluate` comes through the signed link). */
export const CASE_ACTION_BODIES = {
  dispatch: DispatchSchema,
  accept: NoteSchema,
  return: ReasonSchema,
  add_co_unit: CoUnitSchema,
  request_extension: ExtensionRequestSchema,
  approve_extension: ExtensionDecisionSchema,
  reject_extension: ExtensionDecisionSchema,
  reply: ReplySchema,
  evaluate: EvaluationSchema,
  callback: EvaluationSchema,
  close: NoteSchema,
  reopen: ReasonSchema,
  resolve_on_spot: ResolveOnSpotSchema,
  not_accept: ReasonSchema,
  merge: MergeSchema,
  assign_leader: LeaderSchema,
  request_review: ReviewRequestSchema,
  complete_review: ReviewDecisionSchema,
  request_rereview: ReviewRequestSchema,
  complete_rereview: ReviewDecisionSchema,
} as const satisfies Record<CaseAction, z.ZodType>;
/** The parsed body of `action` (a dispatch handler receives `ActionBody<'dispatch'>`). */
export type ActionBody<A extends CaseAction> = z.output<(typeof CASE_ACTION_BODIES)[A]>;
/** The body of `action` as a caller writes it (defaults may be left out). */
export type ActionInput<A extends CaseAction> = z.input<(typeof CASE_ACTION_BODIES)[A]>;

/** Query of the workbench's to-dos. */
export const InboxQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10).describe('Cases shown per group') });

/** The dispatch centre's queue: registered (and returned) cases, soonest deadline first. */
export const DispatchQueueQuerySchema = z.object({
  areaCode: areaCode.optional().describe('Only this area subtree'),
  q: z.string().trim().max(100).optional().describe('A tracking code, or words found in title, content, address or reply (every word; the last may be the start of one), as search matches them'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  suggest: z.enum(['true', 'false']).optional().transform((v) => v !== 'false').describe('Add a suggested unit per case (default true)'),
});
export type DispatchQueueQuery = z.infer<typeof DispatchQueueQuerySchema>;

/** Several cases dispatched to one unit; each case is its own transaction. */
export const DispatchBatchSchema = z.object({
  caseIds: z
    .array(id)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'issue.duplicate' })
    .describe('Cases to dispatch (1–100, no repeats)'),
  unitId: id.describe('Unit that will handle every case'),
  note: z.string().trim().max(1000).optional().describe('Note 交办意见 written on each case'),
});
export type DispatchBatch = z.infer<typeof DispatchBatchSchema>;

/** The ledger's filters and order (no paging), plus the language of the headers. */
export const CaseExportQuerySchema = CaseListQuerySchema.omit({ cursor: true, limit: true, inbox: true }).extend({
  lang: z.enum(['zh-CN', 'en-US']).optional().describe('Language of headers and labels (default: the caller’s language)'),
});
export type CaseExportQuery = z.infer<typeof CaseExportQuerySchema>;

/** Query of GET /api/cases/by-requester: one identifier of the requester, never stored or echoed. */
export const RequesterHistoryQuerySchema = z
  .object({
    phone: z.string().trim().regex(PHONE_PATTERN).optional().describe('Requester phone 联系电话 (as registered)'),
    idNumber: z
      .string()
      .trim()
      .refine(isValidIdNumber, { message: 'invalid_id_number' })
      .optional()
      .describe('Requester ID number 身份证号 (matches cases registered without a phone)'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.idNumber) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone_required' });
  });
export type RequesterHistoryQuery = z.infer<typeof RequesterHistoryQuerySchema>;

// ---- Responses -------------------------------------------------------------------------------

const instant = z.string().describe('ISO instant');

/** The running clock of the current stage. */
export const CaseClockSchema = z.object({
  dueAt: z.string().describe('Deadline of the current stage (ISO instant)'),
  startedAt: z.string().describe('When the current stage’s limit started'),
  level: z.enum(['normal', 'yellow', 'red']).describe('yellow at 75 % of the time used, red once overdue'),
  remainingMs: z.number().describe('Milliseconds left at the server’s now; negative once overdue'),
  usedRatio: z.number().describe('Share of the limit used (above 1 once overdue)'),
});
export type CaseClockView = z.infer<typeof CaseClockSchema>;

/** The requester as lists and pages show them: masked, or anonymous. */
export const MaskedRequesterSchema = z.object({
  anonymous: z.boolean(),
  name: z.string().nullable().describe('Masked name'),
  phone: z.string().nullable().describe('Masked phone'),
  idNumber: z.string().nullable().describe('Masked ID number'),
});

/** A case in a list: the fields a ledger row needs, personal data masked. */
export const CaseSummarySchema = z.object({
  id: z.string(),
  code: z.string().describe('Tracking code LX20261121-000123'),
  title: z.string(),
  kind: z.string().describe('One of CASE_KINDS'),
  channel: z.string().describe('One of CHANNELS'),
  categoryCode: z.string(),
  areaCode: z.string(),
  urgency: z.string().describe('One of URGENCIES'),
  status: z.enum(CASE_STATES),
  flags: z.array(z.enum(CASE_FLAGS)).describe('Automatic and manual flags, and long_standing (积案)'),
  currentUnitId: z.string().nullable().describe('Unit now handling the case'),
  registeredAt: instant,
  clock: CaseClockSchema.nullable().describe('The running clock; null when no limit runs'),
  requester: MaskedRequesterSchema,
  // — supervision —
  urgeCount: z.number().int().describe('催办 count'),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

/** A page of the ledger. */
export const CasePageSchema = pageOf(CaseSummarySchema);

/** A whole case for its page, including what the actor may do next. */
export const CaseSchema = CaseSummarySchema.extend({
  petitionClass: z.string().nullable(),
  content: z.string(),
  peopleCount: z.number().int(),
  representatives: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  householdId: z.string().nullable(),
  publicConsent: z.boolean(),
  riskWords: z.array(z.string()),
  repeatOfId: z.string().nullable().describe('The earlier case this one repeats (重复访)'),
  duplicateOfId: z.string().nullable().describe('The case this one was merged into'),
  ownerLevel: z.string().describe('unit, or head when the unit head owns it (一把手负责)'),
  firstContactUserId: z.string().describe('First-contact owner 首问负责人'),
  registeredBy: z.string(),
  registeredUnitId: z.string(),
  leaderUserId: z.string().nullable().describe('Leader in charge 包案领导'),
  handlerUserId: z.string().nullable(),
  deadlines: z.object({ intake: instant.nullable(), accept: instant.nullable(), handle: instant.nullable(), evaluate: instant.nullable(), review: instant.nullable() }),
  times: z.object({
    received: instant.nullable(),
    registered: instant.nullable(),
    dispatched: instant.nullable(),
    accepted: instant.nullable(),
    replied: instant.nullable(),
    evaluated: instant.nullable(),
    closed: instant.nullable(),
  }),
  reply: z.object({ text: z.string(), solved: z.boolean() }).nullable(),
  evaluation: z.object({ result: z.string(), solved: z.boolean(), comment: z.string().nullable(), channel: z.string().nullable().describe('link or callback') }).nullable(),
  counts: z.object({ returns: z.number().int(), reopens: z.number().int(), dissatisfied: z.number().int(), extensionDays: z.number().int() }),
  reviewLevel: z.number().int().describe('0 none, 1 reviewed (复查), 2 re-reviewed (复核)'),
  escalationLevel: z.number().int(),
  dueLevel: z.string(),
  version: z.number().int().describe('Optimistic-lock version; also the sequence number of the last event'),
  canRevealRequester: z.boolean().describe('Whether the actor may read the requester in clear (audited)'),
  textProtected: z.boolean().describe('Whether the title, content, reply or comment shows personal data masked (a phone, an ID number …)'),
  canRevealText: z.boolean().describe('Whether the actor may read the masked free text in clear (GET /api/cases/:id/personal-text, audited)'),
  actions: z.array(z.enum(CASE_ACTIONS)).describe('What the actor may do now: allowed by the state and by role'),
});
export type CaseView = z.infer<typeof CaseSchema>;

/** One entry of the timeline. */
export const CaseEventSchema = z.object({
  seq: z.number().int(),
  action: z.string().describe('A case action, register, escalate or flag'),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorUnitId: z.string().nullable(),
  actorLabel: z.string().nullable().describe('resident or system when no staff member acted'),
  at: instant,
  note: z.string().nullable(),
  noteProtected: z.boolean().describe('Whether the note shows personal data masked (its original comes with the personal-text reveal)'),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const CaseExtensionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  days: z.number().int(),
  reason: z.string(),
  status: z.string().describe('pending, approved or rejected'),
  requestedBy: z.string(),
  requestedAt: instant,
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type CaseExtension = z.infer<typeof CaseExtensionSchema>;

/** GET /api/cases/:id and every action: the case with its timeline and related records. */
export const CaseDetailSchema = CaseSchema.extend({
  events: z.array(CaseEventSchema),
  coUnits: z.array(z.object({ unitId: z.string(), unitName: z.string(), addedAt: instant, note: z.string().nullable() })).describe('Co-handling units 协办'),
  extensions: z.array(CaseExtensionSchema),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), createdAt: instant })),
  duplicates: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })).describe('Cases merged into this one'),
  accountability: z
    .array(
      z.object({
        id: z.string(),
        caseId: z.string(),
        unitId: z.string().nullable(),
        userId: z.string().nullable(),
        reason: z.string(),
        stage: z.string().nullable(),
        note: z.string().nullable(),
        createdAt: instant,
        state: z.string().describe('proposed | appealed | confirmed | withdrawn (only confirmed ones count)'),
      }),
    )
    .describe('责任追究 records'),
  // — extension fixes —
  extensionMaxDays: z.number().int().nullable().describe('The most days an extension may ask for under the rules (the form offers no more); null when no request may be made now'),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const INBOX_KEYS = ['dispatch', 'accept', 'handle', 'approve', 'callback', 'decide', 'overdue', 'leading'] as const;
export type InboxKey = (typeof INBOX_KEYS)[number];

/** GET /api/cases/inbox: the actor's to-dos by kind of work. */
export const InboxSchema = z.object({
  groups: z.array(
    z.object({
      key: z.enum(INBOX_KEYS),
      total: z.number().int().describe('How many, up to the cap'),
      more: z.boolean().describe('More than the cap'),
      items: z.array(CaseSummarySchema).describe('The first ones, soonest due first'),
    }),
  ),
});
export type InboxGroup = z.infer<typeof InboxSchema>['groups'][number];

/** One case of the dispatch queue. */
export const QueueItemSchema = CaseSummarySchema.extend({
  returnCount: z.number().int(),
  lastReturn: z
    .object({ reason: z.string().nullable(), at: instant, unitId: z.string().nullable(), unitName: z.string().nullable(), by: z.string().nullable() })
    .nullable()
    .describe('The last return: its reason and the unit that returned it'),
  suggestion: z.object({ unitId: z.string(), unitName: z.string(), confidence: z.number() }).nullable().describe('Suggested unit, when asked for'),
  // — duty —
  onDuty: z.object({ id: z.string(), name: z.string() }).nullable().optional().describe('值班: the person on duty the case came to out of office hours'),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** One case's outcome in a batch dispatch. */
export const BatchResultSchema = z.union([
  z.object({ id: z.string(), ok: z.literal(true), code: z.string(), status: z.string() }),
  z.object({ id: z.string(), ok: z.literal(false), status: z.number().int().describe('HTTP status the single dispatch would have answered'), code: z.string(), title: z.string() }),
]);
export type BatchResult = z.infer<typeof BatchResultSchema>;

export const BatchResponseSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  dispatched: z.number().int(),
  failed: z.number().int(),
  results: z.array(BatchResultSchema),
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/** GET /api/cases/by-requester. */
export const RequesterHistorySchema = z.object({
  items: z.array(CaseSummarySchema),
  total: z.number().int().describe('How many, up to 50'),
  more: z.boolean().describe('More than 50'),
  open: z.number().int().describe('How many of them are still open'),
});
export type RequesterHistory = z.infer<typeof RequesterHistorySchema>;

/** GET /api/cases/:id/requester: the requester in clear (audited). */
export const RevealedRequesterSchema = z.object({ name: z.string().nullable(), phone: z.string().nullable(), idNumber: z.string().nullable() });

/**
 * GET /api/cases/:id/personal-text: the case's free text in clear (audited like the requester) —
 * title, content, reply and comment, and the notes that hold personal data, by their event's seq.
 */
export const RevealedCaseTextSchema = z.object({
  title: z.string(),
  content: z.string(),
  reply: z.string().nullable(),
  evaluationComment: z.string().nullable(),
  notes: z.array(z.object({ seq: z.number().int(), note: z.string() })).describe('Only the events whose note was masked'),
});
export type RevealedCaseText = z.infer<typeof RevealedCaseTextSchema>;

/** GET /api/cases/:id/context: the names a case page shows beside the case. */
export const CaseContextSchema = z.object({
  users: z.record(z.string(), z.string()).describe('User id → display name'),
  units: z.record(z.string(), z.string()).describe('Unit id → name'),
  areaPath: z.array(z.object({ code: z.string(), name: z.string() })).describe('From the root down to the case’s area'),
  categoryPath: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().optional() })),
  leaderCandidates: z.array(z.object({ id: z.string(), displayName: z.string(), unitName: z.string().nullable() })).describe('Who may be assigned as leader 领导包案'),
});
export type CaseContext = z.infer<typeof CaseContextSchema>;

const action = <Body extends z.ZodType>(summary: string, body: Body) => ({ tag: 'cases', summary, params: IdParamsSchema, body, response: CaseDetailSchema }) as const;
const B = CASE_ACTION_BODIES;

/** The cases operations. */
export const casesEndpoints = defineEndpoints({
  'POST /api/cases': { tag: 'cases', summary: '登记 Register a case', body: CaseCreateSchema, status: 201, response: CaseSchema },
  'GET /api/cases': { tag: 'cases', summary: '台账 List cases', query: CaseListQuerySchema, response: CasePageSchema },
  'GET /api/cases/inbox': { tag: 'cases', summary: '待办 My to-dos', query: InboxQuerySchema, response: InboxSchema },
  'GET /api/cases/export.xlsx': { tag: 'cases', summary: '导出台账 Export the filtered ledger to Excel (masked, audited)', query: CaseExportQuerySchema, file: [MEDIA.xlsx] },
  'GET /api/cases/dispatch-queue': { tag: 'cases', summary: '派单队列 Dispatch queue', query: DispatchQueueQuerySchema, response: pageOf(QueueItemSchema) },
  'POST /api/cases/dispatch-batch': { tag: 'cases', summary: '批量派单 Dispatch several cases to one unit', body: DispatchBatchSchema, response: BatchResponseSchema },
  'GET /api/cases/by-requester': {
    tag: 'cases',
    summary: '来电人历史诉求 Earlier cases of a requester (by phone or ID, scoped, masked)',
    query: RequesterHistoryQuerySchema,
    response: RequesterHistorySchema,
  },
  'GET /api/cases/:id': { tag: 'cases', summary: '诉求件详情 Case detail', params: IdParamsSchema, response: CaseDetailSchema },
  'GET /api/cases/:id/requester': { tag: 'cases', summary: '查看完整个人信息（留痕）Reveal requester (audited)', params: IdParamsSchema, response: RevealedRequesterSchema },
  // — personal data in free text —
  'GET /api/cases/:id/personal-text': {
    tag: 'cases',
    summary: '查看正文中的个人信息（留痕）Reveal the free text with its personal data (audited, same rule as the requester)',
    params: IdParamsSchema,
    response: RevealedCaseTextSchema,
  },
  'GET /api/cases/:id/context': {
    tag: 'cases',
    summary: '诉求件页面所需名称 Names of the people, units, area and category a case refers to',
    params: IdParamsSchema,
    response: CaseContextSchema,
  },
  'POST /api/cases/:id/dispatch': action('交办 Dispatch to a unit', B.dispatch),
  'POST /api/cases/:id/accept': action('签收 Accept', B.accept),
  'POST /api/cases/:id/return': action('退单 Return with a reason', B.return),
  'POST /api/cases/:id/co-units': action('协办 Add a co-handling unit', B.add_co_unit),
  'POST /api/cases/:id/extensions': action('申请延期 Request an extension', B.request_extension),
  'POST /api/cases/:id/extensions/approve': action('批准延期 Approve an extension', B.approve_extension),
  'POST /api/cases/:id/extensions/reject': action('驳回延期 Reject an extension', B.reject_extension),
  'POST /api/cases/:id/reply': action('答复 Reply to the resident', B.reply),
  'POST /api/cases/:id/callback': action('回访 Record a staff call-back evaluation', B.callback),
  'POST /api/cases/:id/close': action('办结 Close', B.close),
  'POST /api/cases/:id/reopen': action('重办 Reopen', B.reopen),
  'POST /api/cases/:id/resolve-on-spot': action('当场办结 Resolve on the spot', B.resolve_on_spot),
  'POST /api/cases/:id/not-accept': action('不予受理 Not accept, with a reason', B.not_accept),
  'POST /api/cases/:id/merge': action('合并 Merge into another case', B.merge),
  'POST /api/cases/:id/leader': action('领导包案 Assign a leader', B.assign_leader),
  'POST /api/cases/:id/review': action('复查申请 Request review', B.request_review),
  'POST /api/cases/:id/review/complete': action('复查意见 Complete review', B.complete_review),
  'POST /api/cases/:id/rereview': action('复核申请 Request re-review', B.request_rereview),
  'POST /api/cases/:id/rereview/complete': action('复核意见 Complete re-review', B.complete_rereview),
});

// Every staff action has its operation in the table above (a missing one fails to compile here).
const everyActionHasAnEndpoint: CaseActionKey extends keyof typeof casesEndpoints ? true : never = true;
void everyActionHasAnEndpoint;

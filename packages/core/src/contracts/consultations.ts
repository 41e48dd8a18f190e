import { z } from 'zod';
import { PHONE_PATTERN } from '../identity.js';
import { ATTACHMENT_MEDIA_TYPES } from './attachments.js';
import { defineEndpoints, MEDIA } from './endpoint.js';
import { areaCode, id } from './fields.js';
import { CONSULTATION_GROUPS, CONSULTATION_LABELS, CONSULTATION_RULES, CONSULTATION_STATES, consultationLabel, MEETING_KINDS, OPINION_CHANNELS, OPINION_RESPONSES } from './values.js';
export { CONSULTATION_GROUPS, CONSULTATION_LABELS, CONSULTATION_RULES, CONSULTATION_STATES, consultationLabel, MEETING_KINDS, OPINION_CHANNELS, OPINION_RESPONSES } from './values.js';

/**
 * 恳谈会 · 征求意见 · 问计于民 (SPEC §5, issue 15 item 2): a consultation before a decision that
 * touches residents' interests — its options, who is consulted, its meetings with votes, the
 * opinions given online (verified by SMS against the household registry) or by cadres on visits,
 * the results, and the decision with a response to each opinion (采纳反馈).
 */

export type ConsultationRule = (typeof CONSULTATION_RULES)[number];

export type ConsultationGroup = (typeof CONSULTATION_GROUPS)[number];

export type MeetingKind = (typeof MEETING_KINDS)[number];

export type OpinionChannel = (typeof OPINION_CHANNELS)[number];

export type OpinionResponse = (typeof OPINION_RESPONSES)[number];

export type ConsultationState = (typeof CONSULTATION_STATES)[number];



const text = (max: number) => z.string().trim().min(1).max(max);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A China-time date, YYYY-MM-DD');
const instant = z.string().describe('ISO instant (UTC)');
const tagCode = z.string().min(1).max(64);
const phone = z.string().trim().regex(PHONE_PATTERN).describe('Mobile phone 手机号 as in the household registry');
const smsCode = z.string().trim().regex(/^\d{6}$/).describe('The 6-digit code received by SMS');

/** Body of POST /api/consultations. */
export const ConsultationCreateSchema = z
  .object({
    title: text(120).describe('Topic 议题, e.g. 安置小区选址及户型征求意见'),
    background: text(5000).describe('Background 背景材料: the facts and the proposal'),
    areaCode: areaCode.describe('Area consulted (its subtree): the township or village concerned'),
    tags: z.array(tagCode).max(20).default([]).describe('Only households with any of these tags (none: every household of the area)'),
    householdIds: z.array(id).max(500).default([]).describe('Households named one by one (in addition to area and tags)'),
    groups: z.array(z.enum(CONSULTATION_GROUPS)).max(2).default([]).describe('Representatives consulted: 党员代表 party_reps, 群众代表 people_reps'),
    options: z.array(text(200)).max(12).default([]).describe('Options voted on (none: open questions only)'),
    questions: z.array(text(300)).max(10).default([]).describe('Open questions 征求意见的问题'),
    rule: z.enum(CONSULTATION_RULES).describe('One opinion per household, or per verified resident'),
    opensOn: localDate,
    closesOn: localDate,
    projectId: id.optional().describe('The project 重点项目 it belongs to'),
    attachmentIds: z.array(id).max(20).default([]).describe('Background documents already uploaded (attachments of kind consultation)'),
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], message: 'before_start' })
  .refine((v) => new Set(v.options).size === v.options.length, { path: ['options'], message: 'duplicate' })
  .refine((v) => v.options.length > 0 || v.questions.length > 0, { path: ['options'], message: 'options_or_questions' });
export type ConsultationCreate = z.infer<typeof ConsultationCreateSchema>;

/** Query of GET /api/consultations. */
export const ConsultationListQuerySchema = z.object({
  state: z.enum(CONSULTATION_STATES).optional(),
  areaCode: areaCode.optional(),
  projectId: id.optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsultationListQuery = z.infer<typeof ConsultationListQuerySchema>;

const VoteCountSchema = z.object({ optionId: z.string(), count: z.number().int().min(0).max(100_000) });

/** One attendee of a meeting: a registry member or a name typed in. */
const AttendeeInputSchema = z.object({
  name: text(50).describe('Name as signed 姓名'),
  householdId: id.optional().describe('The household in the registry, when picked from it'),
  role: z.string().trim().max(50).optional().describe('e.g. 党员代表, 村民小组长'),
  signedIn: z.boolean().default(false).describe('Signed in at the door 已签到'),
  optionId: z.string().optional().describe('Open vote 记名表决: the option this attendee voted for'),
});

/** Body of POST /api/consultations/:id/meetings. */
export const ConsultationMeetingCreateSchema = z
  .object({
    kind: z.enum(MEETING_KINDS),
    heldAt: z.iso.datetime({ offset: true }).describe('When the meeting was held'),
    place: text(200),
    minutes: z.string().trim().max(20_000).default('').describe('Minutes 会议纪要'),
    isPublic: z.boolean().default(false).describe('Minutes shown on the portal 纪要公开'),
    voting: z.enum(['counts', 'named', 'none']).describe('counts: show of hands 举手表决 with counts; named: open vote with names 记名表决'),
    counts: z.array(VoteCountSchema).max(12).default([]).describe('Votes per option (voting = counts)'),
    attendees: z.array(AttendeeInputSchema).max(500).default([]),
  })
  .refine((v) => v.voting !== 'named' || v.attendees.some((a) => a.optionId), { path: ['attendees'], message: 'named_votes_required' })
  .refine((v) => v.voting !== 'counts' || v.counts.length > 0, { path: ['counts'], message: 'counts_required' });
export type ConsultationMeetingCreate = z.infer<typeof ConsultationMeetingCreateSchema>;

/** Body of POST /api/consultations/:id/opinions: an opinion a cadre enters for a resident on a visit. */
export const CadreOpinionSchema = z
  .object({
    householdId: id.describe('The household visited'),
    memberId: id.optional().describe('The member who gave the opinion (required when the rule is one per resident)'),
    optionId: z.string().optional().describe('The option chosen'),
    text: z.string().trim().max(2000).default('').describe('The opinion in the resident’s words'),
    visitId: id.optional().describe('The visit 走访 during which it was given'),
  })
  .refine((v) => v.optionId || v.text, { path: ['text'], message: 'option_or_text' });
export type CadreOpinion = z.infer<typeof CadreOpinionSchema>;

/** Body of POST /api/consultations/:id/decision: the decision and a response to each opinion. */
export const DecisionSchema = z.object({
  decision: text(5000).describe('The decision 决策结果 as published'),
  responses: z
    .array(
      z
        .object({
          opinionId: id,
          response: z.enum(OPINION_RESPONSES),
          reason: z.string().trim().max(1000).default('').describe('Why (required unless adopted) 理由'),
        })
        .refine((r) => r.response === 'adopted' || r.reason.length > 0, { path: ['reason'], message: 'reason_required' }),
    )
    .max(5000)
    .describe('A response to every opinion 采纳反馈'),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const ConsultationIdParamsSchema = z.object({ id });
export const ConsultationFileParamsSchema = z.object({ id, format: z.enum(['docx', 'pdf']) });
export const ConsultationAttachmentParamsSchema = z.object({ id, attachmentId: id });
export const MeetingSignInParamsSchema = z.object({ id, meetingId: id, attendeeId: id });

const OptionSchema = z.object({ id: z.string(), label: z.string() });

/** Counts per option of one group (a village, a meeting, a tag, a channel). */
const ResultGroupSchema = z.object({
  group: z.enum(['channel', 'meeting', 'village', 'tag']),
  key: z.string(),
  label: z.string(),
  counts: z.array(VoteCountSchema),
  total: z.number().int(),
});

/** Results by option and by group. */
export const ConsultationResultsSchema = z.object({
  byOption: z.array(z.object({ optionId: z.string(), label: z.string(), online: z.number().int(), cadre: z.number().int(), meetings: z.number().int(), total: z.number().int() })),
  groups: z.array(ResultGroupSchema),
  opinionCount: z.number().int(),
  householdsConsulted: z.number().int().describe('Households in the consultation’s scope'),
  householdsHeard: z.number().int().describe('Households that gave an opinion'),
});
export type ConsultationResults = z.infer<typeof ConsultationResultsSchema>;

export const ConsultationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  rule: z.enum(CONSULTATION_RULES),
  state: z.enum(CONSULTATION_STATES),
  opensOn: z.string(),
  closesOn: z.string(),
  projectId: z.string().nullable(),
  opinionCount: z.number().int(),
  meetingCount: z.number().int(),
  createdAt: instant,
});
export type ConsultationSummary = z.infer<typeof ConsultationSummarySchema>;

export const ConsultationMeetingSchema = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  heldAt: instant,
  place: z.string(),
  minutes: z.string(),
  isPublic: z.boolean(),
  voting: z.enum(['counts', 'named', 'none']),
  counts: z.array(VoteCountSchema).describe('Votes per option (named votes counted from the attendees)'),
  attendees: z.array(z.object({ id: z.string(), name: z.string(), householdId: z.string().nullable(), role: z.string().nullable(), signedInAt: z.string().nullable(), optionId: z.string().nullable() })),
});
export type ConsultationMeetingView = z.infer<typeof ConsultationMeetingSchema>;

export const OpinionSchema = z.object({
  id: z.string(),
  channel: z.enum(OPINION_CHANNELS),
  householdId: z.string(),
  householdLabel: z.string().describe('Masked head of household and address'),
  areaCode: z.string(),
  memberNameMasked: z.string().nullable(),
  optionId: z.string().nullable(),
  text: z.string(),
  recordedByName: z.string().nullable().describe('The cadre who entered it (channel cadre)'),
  createdAt: instant,
  response: z.enum(OPINION_RESPONSES).nullable(),
  reason: z.string().nullable(),
});
export type OpinionView = z.infer<typeof OpinionSchema>;

export const ConsultationDetailSchema = ConsultationSummarySchema.extend({
  background: z.string(),
  tags: z.array(z.string()),
  householdIds: z.array(z.string()),
  groups: z.array(z.enum(CONSULTATION_GROUPS)),
  options: z.array(OptionSchema),
  questions: z.array(z.string()),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string() })),
  meetings: z.array(ConsultationMeetingSchema),
  opinions: z.array(OpinionSchema),
  results: ConsultationResultsSchema,
  decision: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  may: z.object({ manage: z.boolean(), record: z.boolean(), decide: z.boolean() }),
});
export type ConsultationDetail = z.infer<typeof ConsultationDetailSchema>;

export const ConsultationPageSchema = z.object({ items: z.array(ConsultationSummarySchema), nextOffset: z.number().int().nullable() });

// — the portal —

/** Body of POST /api/public/consultations/:id/code: ask for an SMS code to the registered phone. */
export const PublicCodeRequestSchema = z.object({ phone });
/** Body of POST /api/public/consultations/:id/opinions. */
export const PublicOpinionSchema = z
  .object({
    phone,
    code: smsCode,
    optionId: z.string().optional(),
    text: z.string().trim().max(2000).default(''),
  })
  .refine((v) => v.optionId || v.text, { path: ['text'], message: 'option_or_text' });
export type PublicOpinion = z.infer<typeof PublicOpinionSchema>;

export const PublicConsultationListQuerySchema = z.object({ areaCode: areaCode.optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });

/** A consultation as the portal shows it: nothing personal (opinions anonymised by the redactor). */
export const PublicConsultationSchema = z.object({
  id: z.string(),
  title: z.string(),
  background: z.string(),
  areaName: z.string(),
  rule: z.enum(CONSULTATION_RULES),
  state: z.enum(CONSULTATION_STATES),
  opensOn: z.string(),
  closesOn: z.string(),
  options: z.array(OptionSchema),
  questions: z.array(z.string()),
  meetings: z.array(z.object({ kind: z.enum(MEETING_KINDS), heldAt: instant, minutes: z.string(), counts: z.array(VoteCountSchema), attendeeCount: z.number().int() })).describe('Meetings marked public'),
  results: z.array(z.object({ optionId: z.string(), label: z.string(), total: z.number().int() })).describe('Totals per option (after the decision)'),
  decision: z.string().nullable(),
  decidedAt: z.string().nullable(),
  feedback: z
    .array(z.object({ id: z.string(), channel: z.enum(OPINION_CHANNELS), optionLabel: z.string().nullable(), text: z.string(), response: z.enum(OPINION_RESPONSES).nullable(), reason: z.string().nullable() }))
    .describe('Each opinion (anonymised) with its response 采纳反馈, after the decision'),
});
export type PublicConsultation = z.infer<typeof PublicConsultationSchema>;

export const PublicConsultationListSchema = z.object({
  items: z.array(PublicConsultationSchema.pick({ id: true, title: true, areaName: true, state: true, opensOn: true, closesOn: true })),
});

/** The answer to a code request. */
export const PublicCodeSentSchema = z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() });
/** The answer to an opinion: its receipt. */
export const PublicOpinionReceiptSchema = z.object({ id: z.string(), createdAt: instant });

/** Query of the end-to-end tests' hook that reads back the last code sent to a phone. */
export const TestSmsCodeQuerySchema = z.object({ phone });

// — sign-in at the door by QR (扫码签到) —

export const MeetingParamsSchema = z.object({ id, meetingId: id });
export const PublicMeetingParamsSchema = z.object({ meetingId: id });
/** Body of POST /api/public/meetings/:meetingId/sign-in. */
export const DoorSignInSchema = z.object({ phone, code: smsCode });

/** A meeting as its door page shows it on a phone: nothing personal. */
export const PublicMeetingSchema = z.object({
  id: z.string(),
  title: z.string().describe('The consultation’s topic'),
  kind: z.enum(MEETING_KINDS),
  heldAt: instant,
  place: z.string(),
  areaName: z.string(),
  open: z.boolean().describe('Sign-in is open (the meeting’s day)'),
});
export type PublicMeeting = z.infer<typeof PublicMeetingSchema>;

/** The answer to a scan: signed in now, or already. */
export const MeetingDoorSignInSchema = z.object({ name: z.string().describe('Masked name 姓名（脱敏）'), alreadySignedIn: z.boolean(), signedInAt: instant });
export type MeetingDoorSignIn = z.infer<typeof MeetingDoorSignInSchema>;

/** The sign-in list staff follow live at the door. */
export const MeetingSignInsSchema = z.object({
  meeting: PublicMeetingSchema,
  attendees: z.number().int(),
  signedIn: z.number().int(),
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string().nullable(), signedInAt: z.string().nullable(), via: z.enum(['staff', 'door']) })).describe('Latest sign-ins first'),
  updatedAt: instant,
});
export type MeetingSignIns = z.infer<typeof MeetingSignInsSchema>;

/** The consultation operations. */
export const consultationsEndpoints = defineEndpoints({
  'GET /api/consultations': { tag: 'consultations', summary: '征求意见列表 Consultations of my areas', query: ConsultationListQuerySchema, response: ConsultationPageSchema },
  'POST /api/consultations': { tag: 'consultations', summary: '发起征求意见 Start a consultation', body: ConsultationCreateSchema, status: 201, response: ConsultationDetailSchema },
  'GET /api/consultations/:id': { tag: 'consultations', summary: '征求意见详情 A consultation with meetings, opinions and results', params: ConsultationIdParamsSchema, response: ConsultationDetailSchema },
  'POST /api/consultations/:id/meetings': {
    tag: 'consultations',
    summary: '登记会议 Record a meeting (attendees, minutes, votes)',
    params: ConsultationIdParamsSchema,
    body: ConsultationMeetingCreateSchema,
    status: 201,
    response: ConsultationDetailSchema,
  },
  'POST /api/consultations/:id/meetings/:meetingId/attendees/:attendeeId/sign-in': {
    tag: 'consultations',
    summary: '会议签到 Sign an attendee in',
    params: MeetingSignInParamsSchema,
    response: ConsultationDetailSchema,
  },
  'POST /api/consultations/:id/opinions': {
    tag: 'consultations',
    summary: '代录意见 Enter an opinion given on a visit',
    params: ConsultationIdParamsSchema,
    body: CadreOpinionSchema,
    status: 201,
    response: ConsultationDetailSchema,
  },
  'POST /api/consultations/:id/decision': {
    tag: 'consultations',
    summary: '公布决策与采纳反馈 Publish the decision with a response to each opinion (SMS to each opinion-giver)',
    params: ConsultationIdParamsSchema,
    body: DecisionSchema,
    response: ConsultationDetailSchema,
  },
  'GET /api/consultations/:id/export.xlsx': { tag: 'consultations', summary: '导出意见汇总 Excel of meetings, votes, opinions and responses', params: ConsultationIdParamsSchema, file: [MEDIA.xlsx] },
  'GET /api/consultations/:id/record.:format': {
    tag: 'consultations',
    summary: '征求意见工作记录 The consultation record for the file (.docx or .pdf)',
    params: ConsultationFileParamsSchema,
    file: [MEDIA.docx, MEDIA.pdf],
  },
  'GET /api/consultations/:id/attachments/:attachmentId': {
    tag: 'consultations',
    summary: '背景材料下载 A background document of the consultation (audited)',
    params: ConsultationAttachmentParamsSchema,
    file: ATTACHMENT_MEDIA_TYPES,
  },
  'GET /api/consultations/:id/qr.png': {
    tag: 'consultations',
    summary: '二维码 QR code of the consultation’s portal page (posters, door cards)',
    params: ConsultationIdParamsSchema,
    file: ['image/png'],
  },
  'GET /api/consultations/:id/meetings/:meetingId/door.png': {
    tag: 'consultations',
    summary: '签到二维码 The QR code at a meeting’s door (its portal sign-in page)',
    params: MeetingParamsSchema,
    file: ['image/png'],
  },
  'GET /api/consultations/:id/meetings/:meetingId/sign-ins': { tag: 'consultations', summary: '签到名单 The meeting’s sign-in list, live', params: MeetingParamsSchema, response: MeetingSignInsSchema },
  'GET /api/public/meetings/:meetingId': { tag: 'portal', summary: '会议签到页 A meeting’s door page', public: true, params: PublicMeetingParamsSchema, response: PublicMeetingSchema },
  'POST /api/public/meetings/:meetingId/code': {
    tag: 'portal',
    summary: '签到验证码 SMS code to a phone registered in the consultation’s area (others refused)',
    public: true,
    params: PublicMeetingParamsSchema,
    body: PublicCodeRequestSchema,
    response: PublicCodeSentSchema,
  },
  'POST /api/public/meetings/:meetingId/sign-in': {
    tag: 'portal',
    summary: '扫码签到 Sign in at the door (verified by the SMS code; once per person)',
    public: true,
    params: PublicMeetingParamsSchema,
    body: DoorSignInSchema,
    response: MeetingDoorSignInSchema,
  },
  'GET /api/public/consultations': { tag: 'portal', summary: '征求意见（公开） Open and decided consultations', public: true, query: PublicConsultationListQuerySchema, response: PublicConsultationListSchema },
  'GET /api/public/consultations/:id': { tag: 'portal', summary: '征求意见与决策公开 A consultation, its public minutes, decision and feedback', public: true, params: ConsultationIdParamsSchema, response: PublicConsultationSchema },
  'POST /api/public/consultations/:id/code': {
    tag: 'portal',
    summary: '获取验证码 SMS code to a phone registered in the consulted households (others refused)',
    public: true,
    params: ConsultationIdParamsSchema,
    body: PublicCodeRequestSchema,
    response: PublicCodeSentSchema,
  },
  'POST /api/public/consultations/:id/opinions': {
    tag: 'portal',
    summary: '提交意见 Give an opinion (verified by the SMS code; one per household or resident)',
    public: true,
    params: ConsultationIdParamsSchema,
    body: PublicOpinionSchema,
    status: 201,
    response: PublicOpinionReceiptSchema,
  },
  'GET /api/test/sms-code': { tag: 'test', summary: '测试钩子：最近发送的验证码 Test hook: the last verification code sent to a phone', public: true, query: TestSmsCodeQuerySchema, response: z.object({ code: z.string().nullable() }) },
});

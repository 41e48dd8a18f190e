import { z } from 'zod';
import { defineEndpoints, MEDIA } from './endpoint.js';
import { LocalDateSchema } from './field-work.js';
import { areaCode, caseRefFields, id } from './fields.js';
import { HARD_CASE_REASONS, MEETING_STATUSES, REVIEW_DECISIONS } from './values.js';
export { HARD_CASE_REASONS, MEETING_STATUSES, REVIEW_DECISIONS } from './values.js';

/**
 * Long-standing hard cases (积案, SPEC §2, issue 13 item 3): the list of cases open too long or
 * reopened too often, joint review meetings (集中会审) that decide on them, and task forces
 * (专案组) that work a case until it closes.
 */

export type HardCaseReason = (typeof HARD_CASE_REASONS)[number];

export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** A task force is active until its case closes (then it shows closed). */
export const TASK_FORCE_STATUSES = ['active', 'closed'] as const;

const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const userIds = z.array(id).max(30);

// ——— Requests ———

/** Query of GET /api/hard-cases and its Excel export: oldest first. */
export const HardCaseListQuerySchema = z.object({
  areaCode: areaCode.optional().describe('Only this area subtree'),
  unitId: id.optional().describe('Only cases this unit handles now'),
  categoryCode: z.string().max(64).optional().describe('Only this category'),
  reason: z.enum(HARD_CASE_REASONS).optional().describe('Only cases listed for this reason'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type HardCaseListQuery = z.infer<typeof HardCaseListQuerySchema>;

const lang = z.enum(['zh-CN', 'en-US']).optional().describe('Language of the file (default: the caller’s language)');
/** Query of the Excel export: the list's filters plus the language of headers and labels. */
export const HardCaseExportQuerySchema = HardCaseListQuerySchema.extend({ lang });

/** Body of PUT /api/hard-cases/settings (admins). */
export const HardCaseSettingsSchema = z.object({
  minAgeDays: z.number().int().min(1).max(3650).describe('Open for more than this many days'),
  minReopens: z.number().int().min(1).max(50).describe('Reopened at least this many times'),
});
export type HardCaseSettings = z.infer<typeof HardCaseSettingsSchema>;

/** Body of POST /api/hard-case-meetings: schedule a joint review. */
export const MeetingCreateSchema = z.object({
  title: text(120),
  scheduledAt: instant.describe('When the meeting starts'),
  place: text(120),
  chairUserId: id.describe('Who chairs it'),
  areaCode: areaCode.describe('The area the meeting is held for (within the organiser’s reach)'),
  unitIds: z.array(id).min(1).max(30).describe('Units invited (each is notified)'),
  caseIds: z.array(id).min(1).max(50).describe('Cases on the agenda'),
});
export type MeetingCreate = z.infer<typeof MeetingCreateSchema>;

/** Body of PATCH /api/hard-case-meetings/:id while planned. */
export const MeetingUpdateSchema = z.object({
  title: text(120).optional(),
  scheduledAt: instant.optional(),
  place: text(120).optional(),
  chairUserId: id.optional(),
  unitIds: z.array(id).min(1).max(30).optional(),
  caseIds: z.array(id).min(1).max(50).optional(),
  minutes: z.string().trim().max(20_000).optional().describe('The minutes (纪要), locked once the meeting is held'),
});
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

/** Query of GET /api/hard-case-meetings: soonest last. */
export const MeetingListQuerySchema = z.object({
  status: z.enum(MEETING_STATUSES).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>;

const note = z.string().trim().max(1000).optional();

/** Task force members and plan, when a decision or a supervisor forms one. */
export const TaskForceCreateSchema = z.object({
  name: z.string().trim().min(1).max(80).optional().describe('Default: 专案组 + the case code'),
  leadUserId: id,
  memberUserIds: userIds.describe('Members, from any units'),
  plan: z.string().trim().max(5000).optional(),
});
export type TaskForceCreate = z.infer<typeof TaskForceCreateSchema>;

/** Body of POST /api/hard-case-meetings/:id/decisions: one decision on a case of the agenda. */
export const MeetingDecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign_leader'), caseId: id, leaderUserId: id, note }),
  z.object({ kind: z.literal('task_force'), caseId: id, note, taskForce: TaskForceCreateSchema }),
  z.object({ kind: z.literal('new_date'), caseId: id, dueOn: LocalDateSchema.describe('New due date of the current stage (China time, end of day)'), note }),
  z.object({ kind: z.literal('close'), caseId: id, explanation: text(1000).describe('Why the case is closed') }),
]);
export type MeetingDecision = z.infer<typeof MeetingDecisionSchema>;

/** Body of POST /api/task-forces/:id/members. */
export const TaskForceMembersSchema = z.object({ userIds: userIds.min(1) });

/** Body of POST /api/task-forces/:id/milestones. */
export const MilestoneCreateSchema = z.object({ title: text(200), dueOn: LocalDateSchema });

/** Body of PATCH /api/task-forces/:id/milestones/:milestoneId. */
export const MilestoneUpdateSchema = z.object({ done: z.boolean() });

/** Body of POST /api/task-forces/:id/reports. */
export const ProgressReportCreateSchema = z.object({
  text: text(5000),
  reportedOn: LocalDateSchema.optional().describe('The day reported on (default today, China time)'),
});

export const HardCaseIdParamsSchema = z.object({ id });
export const MilestoneParamsSchema = z.object({ id, milestoneId: id });
export const MinutesParamsSchema = z.object({ id, format: z.enum(['docx', 'pdf']) });

// ——— Responses ———

/** One long-standing case of the list. */
export const HardCaseSchema = z.object({
  ...caseRefFields,
  areaCode: z.string(),
  areaName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  categoryCode: z.string(),
  categoryName: z.string().nullable(),
  registeredAt: z.string(),
  ageDays: z.number().int().describe('Whole days since registration'),
  reopenCount: z.number().int(),
  reasons: z.array(z.enum(HARD_CASE_REASONS)),
  leaderUserId: z.string().nullable(),
  lastStep: z.object({ action: z.string(), at: z.string() }).nullable().describe('The latest event of the case'),
  taskForceId: z.string().nullable(),
});
export type HardCaseView = z.infer<typeof HardCaseSchema>;

export const HardCaseSettingsViewSchema = z.object({ minAgeDays: z.number().int(), minReopens: z.number().int() });

export const HardCasePageSchema = z.object({
  items: z.array(HardCaseSchema),
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
  criteria: HardCaseSettingsViewSchema,
  /** Whether the reader may schedule joint reviews (supervisors and leaders). */
  canManage: z.boolean(),
});

const person = z.object({ userId: z.string(), name: z.string() });

/** A meeting as lists show it. */
export const MeetingSchema = z.object({
  id: z.string(),
  areaCode: z.string(),
  title: z.string(),
  scheduledAt: z.string(),
  place: z.string(),
  chair: person,
  status: z.enum(MEETING_STATUSES),
  number: z.string().describe('The minutes’ number, e.g. 〔2026〕3号'),
  caseCount: z.number().int(),
  decidedCount: z.number().int(),
  heldAt: z.string().nullable(),
});
export type MeetingView = z.infer<typeof MeetingSchema>;

/** One case on the agenda with its decision. */
export const AgendaItemSchema = z.object({
  ...caseRefFields,
  unitName: z.string().nullable(),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  decisionNote: z.string().nullable(),
  decisionData: z.record(z.string(), z.unknown()).nullable(),
  decidedAt: z.string().nullable(),
});

export const MeetingDetailSchema = MeetingSchema.extend({
  minutes: z.string().nullable(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  cases: z.array(AgendaItemSchema),
  canManage: z.boolean().describe('Whether the reader may edit, decide and hold it (while planned)'),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

export const MeetingPageSchema = z.object({ items: z.array(MeetingSchema), nextOffset: z.number().int().nullable() });

export const TaskForceSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  name: z.string(),
  plan: z.string().nullable(),
  status: z.enum(TASK_FORCE_STATUSES).describe('closed once the case is closed'),
  meetingId: z.string().nullable(),
  lead: person,
  members: z.array(person.extend({ role: z.enum(['lead', 'member']), unitNames: z.array(z.string()) })),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), dueOn: z.string(), done: z.boolean(), doneAt: z.string().nullable() })),
  reports: z.array(z.object({ id: z.string(), author: person, reportedOn: z.string(), text: z.string(), createdAt: z.string() })),
  canManage: z.boolean().describe('May add members and milestones (the lead, supervisors and leaders over the case)'),
  canReport: z.boolean().describe('May add progress reports (members too)'),
  createdAt: z.string(),
});
export type TaskForceView = z.infer<typeof TaskForceSchema>;

export const CaseTaskForceSchema = z.object({
  taskForce: TaskForceSchema.nullable(),
  /** Whether the reader may form one now (no task force yet, case open, supervisor or leader over it). */
  canForm: z.boolean(),
});

/** The hard-case operations. */
export const hardCasesEndpoints = defineEndpoints({
  'GET /api/hard-cases': { tag: 'hard-cases', summary: '积案列表 Long-standing cases in my scope, oldest first', query: HardCaseListQuerySchema, response: HardCasePageSchema },
  'GET /api/hard-cases/export.xlsx': { tag: 'hard-cases', summary: '导出积案 The filtered list as Excel (audited)', query: HardCaseExportQuerySchema, file: [MEDIA.xlsx] },
  'GET /api/hard-cases/settings': { tag: 'hard-cases', summary: '积案标准 The thresholds of the list', response: HardCaseSettingsViewSchema },
  'PUT /api/hard-cases/settings': { tag: 'hard-cases', summary: '设置积案标准 Set the thresholds (admin)', body: HardCaseSettingsSchema, response: HardCaseSettingsViewSchema },
  'GET /api/hard-case-meetings': { tag: 'hard-cases', summary: '集中会审 Joint review meetings I organise or am invited to', query: MeetingListQuerySchema, response: MeetingPageSchema },
  'POST /api/hard-case-meetings': { tag: 'hard-cases', summary: '安排集中会审 Schedule a joint review', body: MeetingCreateSchema, status: 201, response: MeetingDetailSchema },
  'GET /api/hard-case-meetings/:id': { tag: 'hard-cases', summary: '会审详情 A meeting with its agenda and decisions', params: HardCaseIdParamsSchema, response: MeetingDetailSchema },
  'PATCH /api/hard-case-meetings/:id': { tag: 'hard-cases', summary: '修改会审、记录纪要 Edit a planned meeting, record minutes', params: HardCaseIdParamsSchema, body: MeetingUpdateSchema, response: MeetingDetailSchema },
  'POST /api/hard-case-meetings/:id/decisions': { tag: 'hard-cases', summary: '会审决定 Decide on a case of the agenda', params: HardCaseIdParamsSchema, body: MeetingDecisionSchema, response: MeetingDetailSchema },
  'POST /api/hard-case-meetings/:id/hold': { tag: 'hard-cases', summary: '会审已召开 Mark the meeting held (minutes locked)', params: HardCaseIdParamsSchema, response: MeetingDetailSchema },
  'GET /api/hard-case-meetings/:id/minutes.:format': { tag: 'hard-cases', summary: '会审纪要 The minutes as DOCX or PDF (audited)', params: MinutesParamsSchema, query: z.object({ lang }), file: [MEDIA.docx, MEDIA.pdf] },
  'GET /api/cases/:id/task-force': { tag: 'hard-cases', summary: '专案组 The task force of a case', params: HardCaseIdParamsSchema, response: CaseTaskForceSchema },
  'POST /api/cases/:id/task-force': { tag: 'hard-cases', summary: '成立专案组 Form a task force on a case', params: HardCaseIdParamsSchema, body: TaskForceCreateSchema, status: 201, response: TaskForceSchema },
  'POST /api/task-forces/:id/members': { tag: 'hard-cases', summary: '增加成员 Add members', params: HardCaseIdParamsSchema, body: TaskForceMembersSchema, response: TaskForceSchema },
  'POST /api/task-forces/:id/milestones': { tag: 'hard-cases', summary: '增加节点 Add a milestone to the plan', params: HardCaseIdParamsSchema, body: MilestoneCreateSchema, status: 201, response: TaskForceSchema },
  'PATCH /api/task-forces/:id/milestones/:milestoneId': { tag: 'hard-cases', summary: '节点完成 Mark a milestone done or not', params: MilestoneParamsSchema, body: MilestoneUpdateSchema, response: TaskForceSchema },
  'POST /api/task-forces/:id/reports': { tag: 'hard-cases', summary: '进展报告 Report progress', params: HardCaseIdParamsSchema, body: ProgressReportCreateSchema, status: 201, response: TaskForceSchema },
});

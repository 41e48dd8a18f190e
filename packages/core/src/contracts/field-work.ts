import { z } from 'zod';
import { id } from './fields.js';
import { defineEndpoints, MEDIA, pageOf } from './endpoint.js';
import { CASE_KINDS } from '../vocabulary.js';
import { PHONE_PATTERN } from '../identity.js';
import { AREA_CODE_PATTERN, isLocalDate, VISIT_KINDS, VISIT_DELIVERIES } from './values.js';
export { AREA_CODE_PATTERN, isLocalDate, VISIT_KINDS, VISIT_DELIVERIES } from './values.js';

export type VisitKind = (typeof VISIT_KINDS)[number];

export type VisitDelivery = (typeof VISIT_DELIVERIES)[number];

const uuid = z.uuid();
/** A 12-digit area code or a 15-digit grid code. */
export const AreaCodeSchema = z.string().regex(AREA_CODE_PATTERN, 'area code');
/** A China-time date, YYYY-MM-DD. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isLocalDate, { message: 'invalid_date' });
const instant = z.iso.datetime({ offset: true });

const CheckInFields = {
  lat: z.number().min(-90).max(90).describe('Latitude (WGS84) 纬度'),
  lng: z.number().min(-180).max(180).describe('Longitude (WGS84) 经度'),
  accuracy: z.number().min(0).max(100_000).optional().describe('Accuracy reported by the phone, in metres 定位精度(米)'),
};

/** Body of POST /api/visits: one visit as a cadre's phone sends it. */
export const VisitCreateSchema = z
  .object({
    kind: z.enum(VISIT_KINDS).describe('走访 visit · 回访 revisit · 约访 appointment · 下访 outreach · 带案下访 case_outreach'),
    occurredAt: instant.optional().describe('When the visit took place (default: now; never in the future)'),
    areaCode: AreaCodeSchema.describe('Village or grid where the visit took place'),
    place: z.string().trim().min(1).max(200).optional().describe('Place visited when not a household 地点'),
    householdIds: z.array(uuid).max(50).default([]).describe('Households visited 走访户'),
    checkIn: z.object(CheckInFields).optional().describe('Location check-in 定位签到'),
    notes: z.string().trim().max(5000).optional().describe('Notes 民情日记'),
    delivered: z.array(z.enum(VISIT_DELIVERIES)).max(3).default([]).describe('送政策 policy · 送温暖 warmth · 送服务 service'),
    photoIds: z.array(uuid).max(9).default([]).describe('Photos uploaded with POST /api/attachments 照片'),
    problems: z
      .array(
        z.object({
          text: z.string().trim().min(1).max(2000).describe('What the problem is 发现的问题'),
          categoryCode: z.string().min(1).max(64).optional().describe('Category, if known'),
          householdId: uuid.optional().describe('Household the problem concerns (one of householdIds)'),
        }),
      )
      .max(20)
      .default([])
      .describe('Problems found; each can become a case 走访发现'),
    campaignId: uuid.optional().describe('Campaign the visit belongs to 活动'),
    caseId: id.optional().describe('The case carried on a 带案下访'),
  })
  .superRefine((v, ctx) => {
    if (v.householdIds.length === 0 && !v.place) ctx.addIssue({ code: 'custom', path: ['householdIds'], message: 'household_or_place' });
    if (new Set(v.householdIds).size !== v.householdIds.length) ctx.addIssue({ code: 'custom', path: ['householdIds'], message: 'duplicate' });
    if (new Set(v.delivered).size !== v.delivered.length) ctx.addIssue({ code: 'custom', path: ['delivered'], message: 'duplicate' });
    v.problems.forEach((p, i) => {
      if (p.householdId && !v.householdIds.includes(p.householdId)) ctx.addIssue({ code: 'custom', path: ['problems', i, 'householdId'], message: 'household_not_visited' });
    });
    if (v.kind === 'case_outreach' && !v.caseId) ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'case_required' });
  });
export type VisitCreate = z.infer<typeof VisitCreateSchema>;

/** Query of GET /api/visits (newest first, keyset pages). */
export const VisitListQuerySchema = z.object({
  areaCode: AreaCodeSchema.optional().describe('Area subtree'),
  cadre: id.optional().describe('Only this cadre’s visits'),
  campaignId: uuid.optional(),
  from: LocalDateSchema.optional().describe('From this China-time date'),
  to: LocalDateSchema.optional().describe('Up to this China-time date, inclusive'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type VisitListQuery = z.infer<typeof VisitListQuerySchema>;

/** Query of GET /api/diary: a cadre's visits in one ISO week (2026-W10) or one month (2026-03). */
export const DiaryQuerySchema = z
  .object({
    cadre: id.optional().describe('The cadre (default: me)'),
    week: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'YYYY-Www').optional().describe('ISO week, e.g. 2026-W10'),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional().describe('Month, e.g. 2026-03'),
  })
  .refine((v) => !(v.week && v.month), { path: ['month'], message: 'week_or_month' });
export type DiaryQuery = z.infer<typeof DiaryQuerySchema>;

/** Body of POST /api/visits/:id/problems/:problemId/case: turn a problem into a case (channel 走访发现). */
export const ProblemToCaseSchema = z.object({
  kind: z.enum(CASE_KINDS).default('help').describe('诉求类型'),
  categoryCode: z.string().min(1).max(64).optional().describe('Category (default: the problem’s)'),
  title: z.string().trim().min(1).max(120).optional().describe('Title (default: the start of the problem text)'),
  requester: z
    .object({
      name: z.string().trim().min(1).max(50).optional(),
      phone: z.string().trim().regex(PHONE_PATTERN).describe('The resident’s phone, for the SMS and the evaluation'),
    })
    .optional()
    .describe('The resident concerned; without it the case is registered as anonymous'),
  urgency: z.enum(['normal', 'urgent', 'critical']).default('normal'),
});
export type ProblemToCase = z.infer<typeof ProblemToCaseSchema>;

/** Body of POST /api/check-ins: a cadre's location check-in (counts as a day present). */
export const CheckInCreateSchema = z.object({ areaCode: AreaCodeSchema.describe('Village or grid'), ...CheckInFields });
export type CheckInCreate = z.infer<typeof CheckInCreateSchema>;

export const VisitIdParamsSchema = z.object({ id: uuid });
export const VisitPhotoParamsSchema = z.object({ id: uuid, attachmentId: uuid });
export const VisitProblemParamsSchema = z.object({ id: uuid, problemId: uuid });
export const HouseholdVisitsParamsSchema = z.object({ id: uuid });
export const HouseholdVisitsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(200).optional() });

// ——— Stationing (驻村) ———

/** Body of POST /api/stationing/assignments. */
export const StationingCreateSchema = z
  .object({
    cadreUserId: id.describe('The stationed cadre 驻村干部'),
    villageCode: z.string().regex(/^\d{12}$/).describe('Village (12-digit code) 驻点村'),
    startsOn: LocalDateSchema.describe('First day'),
    endsOn: LocalDateSchema.nullish().describe('Last day (open-ended when empty)'),
    minDaysPerWeek: z.number().int().min(1).max(7).nullish().describe('Days a week required (default: the global rule)'),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'before_start' });
export type StationingCreate = z.infer<typeof StationingCreateSchema>;

/** Body of PATCH /api/stationing/assignments/:id. */
export const StationingUpdateSchema = z
  .object({
    endsOn: LocalDateSchema.nullish(),
    minDaysPerWeek: z.number().int().min(1).max(7).nullish(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type StationingUpdate = z.infer<typeof StationingUpdateSchema>;

export const StationingListQuerySchema = z.object({
  areaCode: AreaCodeSchema.optional(),
  activeOn: LocalDateSchema.optional().describe('Only assignments running on this date'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type StationingListQuery = z.infer<typeof StationingListQuerySchema>;

/** Query of the compliance report (JSON and Excel). */
export const StationingReportQuerySchema = z
  .object({
    from: LocalDateSchema.describe('First date of the period'),
    to: LocalDateSchema.describe('Last date of the period, inclusive'),
    areaCode: AreaCodeSchema.optional().describe('County or township subtree (default: all of my area)'),
    cadre: id.optional().describe('Only this cadre'),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: 'before_start' });
export type StationingReportQuery = z.infer<typeof StationingReportQuerySchema>;

/** Body of PUT /api/stationing/settings (admins): the global rule. */
export const StationingSettingsSchema = z.object({
  minDaysPerWeek: z.number().int().min(1).max(7).describe('Days a week in the village, unless an assignment says otherwise'),
});
export type StationingSettings = z.infer<typeof StationingSettingsSchema>;

export const StationingIdParamsSchema = z.object({ id: uuid });

// ——— Responses: visits ———

/** A problem found on a visit, and the case made of it, if any. */
export const VisitProblemSchema = z.object({
  id: z.string(),
  seq: z.number().int().describe('Order of the problem within the visit, from 1'),
  text: z.string(),
  categoryCode: z.string().nullable(),
  householdId: z.string().nullable().describe('Household the problem concerns'),
  caseId: z.string().nullable().describe('The case made of it (走访发现), once converted'),
  caseCode: z.string().nullable(),
  caseStatus: z.string().nullable(),
  convertedAt: z.string().nullable().describe('When it was turned into a case (ISO instant)'),
});
export type VisitProblemView = z.infer<typeof VisitProblemSchema>;

/** One visit as lists, pages and the diary show it. */
export const VisitSchema = z.object({
  id: z.string(),
  kind: z.enum(VISIT_KINDS),
  occurredAt: z.string().describe('When the visit took place (ISO instant)'),
  localDate: z.string().describe('China-time date of the visit (YYYY-MM-DD)'),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  checkedIn: z.boolean().describe('A location check-in was recorded with the visit'),
  accuracyM: z.number().nullable().describe('Accuracy of the check-in, in metres'),
  notes: z.string().nullable(),
  delivered: z.array(z.enum(VISIT_DELIVERIES)),
  campaignId: z.string().nullable(),
  caseId: z.string().nullable().describe('The case carried on a 带案下访'),
  cadre: z.object({ id: z.string(), name: z.string().nullable() }),
  households: z
    .array(z.object({ id: z.string(), address: z.string(), headName: z.string().describe('Head of household, name masked'), areaCode: z.string() }))
    .describe('Households visited; the head’s name is always masked'),
  photos: z.array(
    z.object({
      attachmentId: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number().int(),
      url: z.string().describe('GET /api/visits/:id/photos/:attachmentId: served through the visit, so its reach follows the visit’s'),
    }),
  ),
  problems: z.array(VisitProblemSchema),
  createdAt: z.string(),
});
export type VisitView = z.infer<typeof VisitSchema>;

/** A keyset page of visits, newest first. */
export const VisitPageSchema = pageOf(VisitSchema);

/** GET /api/diary: a cadre's visits in a week or month, day by day, with totals. */
export const DiarySchema = z.object({
  cadre: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ kind: z.enum(['week', 'month']), label: z.string().describe('2026-W10 or 2026-03'), from: z.string(), to: z.string() }),
  summary: z.object({
    visits: z.number().int(),
    households: z.number().int().describe('Distinct households visited'),
    daysInField: z.number().int().describe('Days with at least one visit'),
    problems: z.number().int(),
    casesRaised: z.number().int().describe('Problems turned into cases'),
    delivered: z.record(z.enum(VISIT_DELIVERIES), z.number().int()).describe('Visits per delivery (三送)'),
  }),
  days: z.array(z.object({ date: z.string(), visits: z.array(VisitSchema) })).describe('Days with visits, oldest first'),
});
export type DiaryView = z.infer<typeof DiarySchema>;

/** POST /api/visits/:id/problems/:problemId/case: the problem, now converted, and its case. */
export const ProblemConvertedSchema = z.object({
  problem: VisitProblemSchema.omit({ caseCode: true, caseStatus: true }),
  case: z.object({ id: z.string(), code: z.string(), status: z.string(), channel: z.string(), areaCode: z.string() }),
});
export type ProblemConvertedView = z.infer<typeof ProblemConvertedSchema>;

/** POST /api/check-ins: the check-in recorded. */
export const CheckInSchema = z.object({
  id: z.string(),
  at: z.string(),
  localDate: z.string().describe('China-time date counted as a day present'),
  areaCode: z.string(),
  lat: z.number(),
  lng: z.number(),
  accuracyM: z.number().nullable(),
});
export type CheckInView = z.infer<typeof CheckInSchema>;

// ——— Responses: stationing ———

const AreaRefSchema = z.object({ code: z.string(), name: z.string() });

/** One stationing assignment (a cadre in a village for a period). */
export const AssignmentSchema = z.object({
  id: z.string(),
  cadre: z.object({ id: z.string(), name: z.string() }),
  village: AreaRefSchema,
  township: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  startsOn: z.string(),
  endsOn: z.string().nullable().describe('Last day; null while open-ended'),
  minDaysPerWeek: z.number().int().describe('The assignment’s own rule, or the global one when usesGlobalRule'),
  usesGlobalRule: z.boolean(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssignmentView = z.infer<typeof AssignmentSchema>;

/** An offset page of assignments, village order. */
export const AssignmentPageSchema = z.object({
  items: z.array(AssignmentSchema),
  nextOffset: z.number().int().nullable().describe('Pass as `offset` for the next page; null at the end'),
});

/** One ISO week of one assignment in the report. */
export const WeekResultSchema = z.object({
  week: z.string().describe('ISO week label, e.g. 2026-W10'),
  from: z.string().describe('Monday of the week'),
  to: z.string().describe('Sunday of the week'),
  daysPresent: z.number().int(),
  evaluated: z.boolean().describe('Only whole ISO weeks inside the assignment, the period and the past are judged'),
  compliant: z.boolean().nullable().describe('Null when the week is not judged'),
  // — duty, leave —
  daysAway: z.number().int().optional().describe('Days on approved leave: the week asks that many fewer days'),
});
export type WeekResult = z.infer<typeof WeekResultSchema>;

/** One cadre × village line of the compliance report. */
export const CadreComplianceSchema = z.object({
  assignmentId: z.string(),
  cadre: z.object({
    id: z.string(),
    name: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable().describe('The unit the cadre is stationed from'),
  }),
  village: AreaRefSchema,
  township: AreaRefSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  minDaysPerWeek: z.number().int(),
  daysPresent: z.number().int(),
  weeksEvaluated: z.number().int(),
  weeksCompliant: z.number().int(),
  complianceRate: z.number().nullable().describe('0..1; null when no week was judged'),
  flagged: z.boolean().describe('At least one judged week fell short of the rule'),
  weeks: z.array(WeekResultSchema),
});
export type CadreCompliance = z.infer<typeof CadreComplianceSchema>;

/** One township line of the report. */
export const TownshipSummarySchema = z.object({
  township: AreaRefSchema,
  assignments: z.number().int(),
  cadres: z.number().int(),
  weeksEvaluated: z.number().int(),
  weeksCompliant: z.number().int(),
  complianceRate: z.number().nullable(),
  flaggedCadres: z.number().int(),
});
export type TownshipSummary = z.infer<typeof TownshipSummarySchema>;

/** GET /api/stationing/report: compliance per township and per cadre × village. */
export const StationingReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  minDaysPerWeekDefault: z.number().int().describe('The global rule'),
  totals: z.object({ assignments: z.number().int(), flagged: z.number().int(), weeksEvaluated: z.number().int(), weeksCompliant: z.number().int() }),
  townships: z.array(TownshipSummarySchema),
  cadres: z.array(CadreComplianceSchema),
});
export type StationingReport = z.infer<typeof StationingReportSchema>;

/** GET/PUT /api/stationing/settings. */
export const StationingSettingsViewSchema = z.object({ minDaysPerWeek: z.number().int().describe('Days a week in the village, unless an assignment says otherwise') });
export type StationingSettingsView = z.infer<typeof StationingSettingsViewSchema>;

/** The visits operations. */
export const visitsEndpoints = defineEndpoints({
  'POST /api/visits': { tag: 'visits', summary: '记录走访 Record a visit', body: VisitCreateSchema, status: 201, response: VisitSchema, idempotent: true },
  'GET /api/visits': { tag: 'visits', summary: '走访记录 Visits in my area', query: VisitListQuerySchema, response: VisitPageSchema },
  'GET /api/visits/:id': { tag: 'visits', summary: '走访详情 One visit', params: VisitIdParamsSchema, response: VisitSchema },
  'GET /api/visits/:id/photos/:attachmentId': { tag: 'visits', summary: '走访照片 A photo of a visit', params: VisitPhotoParamsSchema, file: [MEDIA.image] },
  'POST /api/visits/:id/problems/:problemId/case': {
    tag: 'visits',
    summary: '问题转诉求件 Turn a problem found into a case (走访发现)',
    params: VisitProblemParamsSchema,
    body: ProblemToCaseSchema,
    status: 201,
    response: ProblemConvertedSchema,
    idempotent: true,
  },
  'GET /api/diary': { tag: 'visits', summary: '民情日记 A cadre’s diary by week or month', query: DiaryQuerySchema, response: DiarySchema },
  'GET /api/households/:id/visits': {
    tag: 'visits',
    summary: '走访历史 A household’s visits',
    params: HouseholdVisitsParamsSchema,
    query: HouseholdVisitsQuerySchema,
    response: VisitPageSchema,
  },
  'POST /api/check-ins': { tag: 'visits', summary: '定位签到 Location check-in', body: CheckInCreateSchema, status: 201, response: CheckInSchema, idempotent: true },
});

/** The stationing operations. */
export const stationingEndpoints = defineEndpoints({
  'POST /api/stationing/assignments': { tag: 'stationing', summary: '安排驻村 Assign a cadre to a village', body: StationingCreateSchema, status: 201, response: AssignmentSchema },
  'GET /api/stationing/assignments': { tag: 'stationing', summary: '驻村安排 Assignments in my area', query: StationingListQuerySchema, response: AssignmentPageSchema },
  'PATCH /api/stationing/assignments/:id': {
    tag: 'stationing',
    summary: '调整驻村安排 End or change an assignment',
    params: StationingIdParamsSchema,
    body: StationingUpdateSchema,
    response: AssignmentSchema,
  },
  'GET /api/stationing/report': { tag: 'stationing', summary: '驻村考勤 Compliance report per township and cadre', query: StationingReportQuerySchema, response: StationingReportSchema },
  'GET /api/stationing/report.xlsx': { tag: 'stationing', summary: '导出驻村考勤 The report as Excel', query: StationingReportQuerySchema, file: [MEDIA.xlsx] },
  'GET /api/stationing/settings': { tag: 'stationing', summary: '驻村规则 The global rule', response: StationingSettingsViewSchema },
  'PUT /api/stationing/settings': { tag: 'stationing', summary: '设置驻村规则 Set the global rule (admin)', body: StationingSettingsSchema, response: StationingSettingsViewSchema },
});

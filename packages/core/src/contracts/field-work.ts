import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { CASE_KINDS } from '../vocabulary.js';
import { PHONE_PATTERN } from '../identity.js';

/** Kinds of visit (SPEC §4): 走访, 回访, 约访, 下访, 带案下访. */
export const VISIT_KINDS = ['visit', 'revisit', 'appointment', 'outreach', 'case_outreach'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** What a visit delivered (三送): 送政策, 送温暖, 送服务. */
export const VISIT_DELIVERIES = ['policy', 'warmth', 'service'] as const;
export type VisitDelivery = (typeof VISIT_DELIVERIES)[number];

const id = z.string().min(1).max(64);
const uuid = z.uuid();
/** A 12-digit area code or a 15-digit grid code. */
export const AreaCodeSchema = z.string().regex(/^\d{12}(\d{3})?$/, 'area code');
/** A China-time date, YYYY-MM-DD. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  // A round trip through Date refuses 2026-02-30, which Date would roll over into March.
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(Date.parse(d)).toISOString().slice(0, 10) === d, { message: 'invalid_date' });
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

/** The visits operations. */
export const visitsEndpoints = defineEndpoints({});

/** The stationing operations. */
export const stationingEndpoints = defineEndpoints({});

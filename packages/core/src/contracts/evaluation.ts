import { z } from 'zod';
import {
  DEFAULT_GRADE_QUOTAS,
  DEFAULT_ITEM_WEIGHTS,
  DEFAULT_OBJECTIVE_SHARE,
  DEFAULT_SOURCE_WEIGHTS,
  EVAL_GRADES,
  EVAL_PERIODS,
  STAFF_EVAL_SOURCES,
} from '../evaluation.js';
import { EVALUATION_RESULTS } from '../vocabulary.js';
import { defineEndpoints, MEDIA, OkSchema } from './endpoint.js';
import { id } from './fields.js';

const day = z.iso.date();
const weight = z.number().min(0).max(1);
const point = z.number().min(0).max(100);
const phone = z.string().trim().regex(/^1\d{10}$/).describe('A mainland mobile number');

/** 德 能 勤 绩 廉, each 0–100. */
export const ItemScoresSchema = z.object({
  de: point.describe('德 integrity and political quality'),
  neng: point.describe('能 ability'),
  qin: point.describe('勤 diligence'),
  ji: point.describe('绩 results'),
  lian: point.describe('廉 honesty'),
});
export const ItemWeightsSchema = z.object({ de: weight, neng: weight, qin: weight, ji: weight, lian: weight }).refine((w) => Object.values(w).some((x) => x > 0), { message: 'at least one weight' });
export const SourceWeightsSchema = z.object({
  leader: weight.describe('领导评议'),
  organisation: weight.describe('组织督评'),
  peer: weight.describe('干部互评'),
  public: weight.describe('群众测评'),
}).refine((w) => Object.values(w).some((x) => x > 0), { message: 'at least one weight' });
export const GradeQuotasSchema = z.object({
  excellentShare: z.number().min(0).max(1).describe('At most this share of a peer group is 优秀'),
  excellentMinScore: point.describe('优秀 only from this score'),
  competentMinScore: point.describe('称职 from this score'),
  basicMinScore: point.describe('基本称职 from this score; below: 不称职'),
}).refine((q) => q.excellentMinScore >= q.competentMinScore && q.competentMinScore >= q.basicMinScore, { message: 'thresholds must descend', path: ['competentMinScore'] });

/** Body of POST /api/evaluation/cycles. */
export const CycleCreateSchema = z.object({
  name: z.string().trim().min(2).max(100).describe('e.g. 2026年度机关干部考核'),
  period: z.enum(EVAL_PERIODS).describe('annual | half_year | quarterly'),
  periodFrom: day.describe('First day of the period (China time)'),
  periodTo: day.describe('Last day of the period'),
  unitIds: z.array(id).min(1).max(500).describe('The units evaluated: every staff member of each is a member'),
  peerGroupBy: z.enum(['unit_kind', 'unit', 'cycle']).default('unit_kind').describe('Peer groups for ranks and quotas: by kind of unit, by unit, or the whole cycle'),
  sourceWeights: SourceWeightsSchema.default(DEFAULT_SOURCE_WEIGHTS),
  itemWeights: ItemWeightsSchema.default(DEFAULT_ITEM_WEIGHTS),
  quotas: GradeQuotasSchema.default(DEFAULT_GRADE_QUOTAS),
  objectiveShare: weight.default(DEFAULT_OBJECTIVE_SHARE).describe('Share of 勤 and 绩 taken from the objective figures'),
}).refine((b) => b.periodFrom <= b.periodTo, { message: 'the period ends before it starts', path: ['periodTo'] });
export type CycleCreate = z.infer<typeof CycleCreateSchema>;

export const CycleParamsSchema = z.object({ id });
export const CycleMemberParamsSchema = z.object({ id, userId: id });

export const CycleSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  period: z.enum(EVAL_PERIODS),
  periodFrom: z.string(),
  periodTo: z.string(),
  state: z.enum(['open', 'closed']),
  memberCount: z.number().int(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

/** One member of a cycle as the scoring page lists them. */
export const CycleMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  peerGroup: z.string(),
  /** The sources the reader may score this member as (none for themselves). */
  canScoreAs: z.array(z.enum(STAFF_EVAL_SOURCES)),
  /** What the reader already gave this member, by source. */
  givenByMe: z.array(z.object({ source: z.enum(STAFF_EVAL_SOURCES), items: ItemScoresSchema })),
});

export const CycleDetailSchema = CycleSummarySchema.extend({
  areaCode: z.string(),
  peerGroupBy: z.enum(['unit_kind', 'unit', 'cycle']),
  sourceWeights: SourceWeightsSchema,
  itemWeights: ItemWeightsSchema,
  quotas: GradeQuotasSchema,
  objectiveShare: z.number(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  members: z.array(CycleMemberSchema),
  /** How many scorings each staff source holds, and ballots of the residents' survey. */
  progress: z.object({ leader: z.number().int(), organisation: z.number().int(), peer: z.number().int(), ballots: z.number().int() }),
  surveyPath: z.string().describe('The portal path of the residents’ survey (a QR code at a service window points here)'),
  canManage: z.boolean(),
});
export type CycleDetail = z.infer<typeof CycleDetailSchema>;

/** Body of POST /api/evaluation/cycles/:id/scores: one scoring of one member from one source. */
export const ScoreSubmitSchema = z.object({
  memberUserId: id,
  source: z.enum(STAFF_EVAL_SOURCES).describe('leader | organisation | peer'),
  items: ItemScoresSchema,
  comment: z.string().trim().max(500).optional(),
});
export type ScoreSubmit = z.infer<typeof ScoreSubmitSchema>;

export const ScoresQuerySchema = z.object({ memberUserId: id.optional() });
/** A scoring as listed: the scorer is named only to the organisation department (and to the scorer). */
export const ScoreLineSchema = z.object({
  memberUserId: z.string(),
  source: z.enum(STAFF_EVAL_SOURCES),
  items: ItemScoresSchema,
  comment: z.string().nullable(),
  scorerUserId: z.string().nullable().describe('Null for a peer scoring read by anyone but the organisation'),
  scorerName: z.string().nullable(),
  at: z.string(),
});
export const ScoresSchema = z.object({ items: z.array(ScoreLineSchema) });

/** The objective figures of one member over the cycle's period. */
export const CadreFiguresSchema = z.object({
  cases: z.number().int(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  composite: z.number().nullable(),
  overdueCases: z.number().int(),
  visits: z.number().int(),
  fieldDays: z.number().int(),
  fieldDaysRequired: z.number().int(),
  officeDaysAttended: z.number().int(),
  officeDaysHeld: z.number().int(),
  accountabilityConfirmed: z.number().int(),
  supervisionLate: z.number().int(),
});

const BySourceSchema = z.object({ leader: z.number().nullable(), organisation: z.number().nullable(), peer: z.number().nullable(), public: z.number().nullable() });

/** One person's result with its breakdown. */
export const MemberResultSchema = z.object({
  cycleId: z.string(),
  cycleName: z.string(),
  userId: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  peerGroup: z.string(),
  score: z.number(),
  rank: z.number().int(),
  groupSize: z.number().int(),
  grade: z.enum(EVAL_GRADES),
  items: ItemScoresSchema,
  bySource: BySourceSchema,
  /** How many scorings or answers each source held (peers are counted, never named). */
  counts: z.object({ leader: z.number().int(), organisation: z.number().int(), peer: z.number().int(), public: z.number().int() }),
  objective: z.object({ qin: z.number().nullable(), ji: z.number().nullable() }),
  figures: CadreFiguresSchema,
});
export type MemberResult = z.infer<typeof MemberResultSchema>;

export const UnitResultSchema = z.object({ unitId: z.string(), unitName: z.string(), score: z.number(), rank: z.number().int(), members: z.number().int() });

export const CycleResultsSchema = z.object({
  cycle: CycleSummarySchema,
  people: z.array(MemberResultSchema),
  units: z.array(UnitResultSchema),
});
export const MyResultsSchema = z.object({ items: z.array(MemberResultSchema) });

// The residents' survey (群众测评) on the portal.
export const SurveySchema = z.object({
  cycleId: z.string(),
  name: z.string(),
  open: z.boolean(),
  /** The cadres to rate: name and unit only (public for cadres). */
  cadres: z.array(z.object({ userId: z.string(), name: z.string(), unitName: z.string() })),
});
export const SurveyOtpSchema = z.object({ phone });
export const SurveyOtpSentSchema = z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() });
export const SurveyBallotSchema = z.object({
  phone,
  otp: z.string().trim().regex(/^\d{6}$/).describe('The SMS code'),
  answers: z.array(z.object({ userId: id, result: z.enum(EVALUATION_RESULTS) })).min(1).max(200),
});
export type SurveyBallot = z.infer<typeof SurveyBallotSchema>;

export const evaluationEndpoints = defineEndpoints({
  'GET /api/evaluation/cycles': { tag: 'evaluation', summary: '考核周期 Evaluation cycles the reader takes part in or manages', response: z.object({ items: z.array(CycleSummarySchema) }) },
  'POST /api/evaluation/cycles': { tag: 'evaluation', summary: '开启考核 Open a cycle (organisation department, admin)', status: 201, body: CycleCreateSchema, response: CycleDetailSchema },
  'GET /api/evaluation/cycles/:id': { tag: 'evaluation', summary: '考核周期 A cycle with its members and what the reader may score', params: CycleParamsSchema, response: CycleDetailSchema },
  'POST /api/evaluation/cycles/:id/scores': { tag: 'evaluation', summary: '评分 Score a member from one source', params: CycleParamsSchema, body: ScoreSubmitSchema, response: OkSchema },
  'GET /api/evaluation/cycles/:id/scores': { tag: 'evaluation', summary: '评分明细 Scorings (all for the organisation; one’s own for others)', params: CycleParamsSchema, query: ScoresQuerySchema, response: ScoresSchema },
  'GET /api/evaluation/cycles/:id/members/:userId/figures': { tag: 'evaluation', summary: '客观指标 A member’s objective figures (organisation department)', params: CycleMemberParamsSchema, response: CadreFiguresSchema },
  'POST /api/evaluation/cycles/:id/close': { tag: 'evaluation', summary: '结束考核 Close: scores, ranks, grades', params: CycleParamsSchema, response: CycleResultsSchema },
  'GET /api/evaluation/cycles/:id/results': { tag: 'evaluation', summary: '考核结果 Ranked results (organisation department)', params: CycleParamsSchema, response: CycleResultsSchema },
  'GET /api/evaluation/cycles/:id/report.xlsx': { tag: 'evaluation', summary: '考核结果 Excel', params: CycleParamsSchema, file: [MEDIA.xlsx] },
  'GET /api/evaluation/cycles/:id/report.pdf': { tag: 'evaluation', summary: '考核结果 PDF', params: CycleParamsSchema, file: [MEDIA.pdf] },
  'GET /api/evaluation/my-results': { tag: 'evaluation', summary: '我的考核结果 One’s own results with their breakdown', response: MyResultsSchema },
  'GET /api/public/evaluation/:id': { tag: 'evaluation', summary: '群众测评 The residents’ survey of a cycle', public: true, params: CycleParamsSchema, response: SurveySchema },
  'POST /api/public/evaluation/:id/otp': { tag: 'evaluation', summary: '测评验证码 Send a code to the voter’s phone', public: true, status: 202, params: CycleParamsSchema, body: SurveyOtpSchema, response: SurveyOtpSentSchema },
  'POST /api/public/evaluation/:id/ballot': { tag: 'evaluation', summary: '提交测评 Vote once per verified phone', public: true, status: 201, params: CycleParamsSchema, body: SurveyBallotSchema, response: OkSchema },
});


import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { METRIC_GROUPINGS } from './values.js';
export { METRIC_GROUPINGS } from './values.js';

export type MetricGrouping = (typeof METRIC_GROUPINGS)[number];

const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Query of GET /api/metrics. */
export const MetricsQuerySchema = z.object({
  groupBy: z
    .enum(METRIC_GROUPINGS)
    .default('unit')
    .describe('unit 单位 (current unit, else registering unit) | area 区划 (township; villages inside a township filter) | category 分类 (top level) | month 月份 (China time)'),
  from: dateOrInstant
    .optional()
    .describe('Start of the period by registration time: a date YYYY-MM-DD (from 00:00 China time) or an ISO instant; default 30 days before now'),
  to: dateOrInstant
    .optional()
    .describe('End of the period: a date YYYY-MM-DD (that whole day included, China time) or an ISO instant (excluded); default now'),
  areaCode: z.string().regex(/^\d{12}(\d{3})?$/).optional().describe('Only cases in this area subtree'),
  unitId: z.string().min(1).max(64).optional().describe('Only cases of this unit (current unit, else registering unit)'),
  categoryCode: z.string().min(1).max(64).optional().describe('Only cases in this category or its sub-categories'),
});
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;

const weight = (what: string) => z.number().min(0).max(1).describe(what);

/** The composite-score weights (MetricWeights) as the API answers them. */
export const MetricWeightsViewSchema = z
  .object({
    response: weight('Weight of the response rate 响应率权重'),
    resolution: weight('Weight of the resolution rate 解决率权重'),
    satisfaction: weight('Weight of the satisfaction rate 满意率权重'),
    basicallySatisfiedWeight: weight('How much a 基本满意 counts in the satisfaction rate (1 = like 满意, 0 = not at all)'),
  })
  .describe('综合得分权重 Composite-score weights');

/** Body of PUT /api/admin/settings/metric-weights: the three rate weights must add up to 1. */
export const MetricWeightsSchema = MetricWeightsViewSchema.superRefine((w, ctx) => {
  if (Math.abs(w.response + w.resolution + w.satisfaction - 1) > 0.001) {
    for (const field of ['response', 'resolution', 'satisfaction'] as const) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'weights_sum' });
    }
  }
});
export type MetricWeightsInput = z.infer<typeof MetricWeightsSchema>;

const count = (what?: string) => (what ? z.number().int().describe(what) : z.number().int());

/** Raw counts of one group (MetricCounts of `@lianxin/core` metrics.ts); every field is additive. */
export const MetricCountsSchema = z.object({
  assigned: count('Cases assigned to the unit (denominator of the response rate)'),
  respondedInTime: count('Of those, accepted and the resident contacted within the limit'),
  evaluated: count('Cases the resident rated'),
  solved: count('Rated cases the resident says are solved'),
  satisfied: count(),
  basicallySatisfied: count(),
  dissatisfied: count(),
  closed: count(),
  closedOnTime: count(),
  dispatched: count('Dispatches made (a case sent twice counts twice)'),
  returned: count('Dispatches sent back by the unit (退单)'),
  registered: count(),
  repeat: count('Registered cases flagged as repeats (重复件)'),
  overdueOpen: count('Cases open and past their deadline at the end of the period'),
  overdueTotal: count('Cases that went past a deadline at any time in the period'),
  handlingMsTotal: z.number().describe('Sum of handling times (dispatch → reply) of the cases counted in handlingCount'),
  handlingCount: count(),
});

const rate = (what: string) => z.number().nullable().describe(`${what}; a fraction in [0, 1], null when nothing to divide by`);

/** Rates of one group (MetricRates of `@lianxin/core` metrics.ts, docs/METRICS.md). */
export const MetricRatesSchema = z.object({
  responseRate: rate('响应率 respondedInTime / assigned'),
  resolutionRate: rate('解决率 solved / evaluated'),
  satisfactionRate: rate('满意率 (satisfied + w × basicallySatisfied) / evaluated'),
  onTimeClosureRate: rate('按时办结率 closedOnTime / closed'),
  returnRate: rate('退单率 returned / dispatched'),
  repeatRate: rate('重复件率 repeat / registered'),
  overdueOpen: z.number().int(),
  overdueTotal: z.number().int(),
  meanHandlingHours: z.number().nullable().describe('Mean hours from dispatch to reply'),
  composite: rate('综合得分 weighted mean of the response, resolution and satisfaction rates that exist'),
});

/** One row of a report: a unit, area, category or month. */
export const MetricGroupSchema = z.object({
  key: z.string().describe('Unit id, area code, top-level category code or month YYYY-MM; `total` for the total'),
  label: z.string(),
  counts: MetricCountsSchema,
  rates: MetricRatesSchema,
});
export type MetricGroupView = z.infer<typeof MetricGroupSchema>;

/** GET /api/metrics: counts and rates per group over the cases the caller may see, and the total. */
export const MetricsReportSchema = z.object({
  groupBy: z.enum(METRIC_GROUPINGS),
  from: z.string().describe('Start of the period (ISO instant)'),
  to: z.string().describe('End of the period, excluded (ISO instant)'),
  asOf: z.string().describe('The instant "open and overdue" was judged at'),
  weights: MetricWeightsViewSchema,
  groups: z.array(MetricGroupSchema),
  total: MetricGroupSchema,
});
export type MetricsReportView = z.infer<typeof MetricsReportSchema>;

/** The metrics operations. */
export const metricsEndpoints = defineEndpoints({
  'GET /api/metrics': {
    tag: 'metrics',
    summary: '考核指标 Metrics per unit, area, category or month (within your scope)',
    query: MetricsQuerySchema,
    response: MetricsReportSchema,
  },
  'GET /api/settings/metric-weights': { tag: 'metrics', summary: '综合得分权重 Composite-score weights', response: MetricWeightsViewSchema },
  'PUT /api/admin/settings/metric-weights': {
    tag: 'metrics',
    summary: '设置综合得分权重 Set the composite-score weights (admin)',
    body: MetricWeightsSchema,
    response: MetricWeightsViewSchema,
  },
});

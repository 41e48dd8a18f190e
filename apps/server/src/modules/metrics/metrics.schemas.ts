import { z } from 'zod';

/**
 * Contracts of the metrics API. They live beside the module for now; when the console needs them
 * they move to packages/core/src/contracts (one contract, used three times).
 */

export const METRIC_GROUPINGS = ['unit', 'area', 'category', 'month'] as const;
export type MetricGrouping = (typeof METRIC_GROUPINGS)[number];

const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

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

/** The composite-score weights (MetricWeights); the three rate weights must add up to 1. */
export const MetricWeightsSchema = z
  .object({
    response: weight('Weight of the response rate 响应率权重'),
    resolution: weight('Weight of the resolution rate 解决率权重'),
    satisfaction: weight('Weight of the satisfaction rate 满意率权重'),
    basicallySatisfiedWeight: weight('How much a 基本满意 counts in the satisfaction rate (1 = like 满意, 0 = not at all)'),
  })
  .superRefine((w, ctx) => {
    if (Math.abs(w.response + w.resolution + w.satisfaction - 1) > 0.001) {
      for (const field of ['response', 'resolution', 'satisfaction'] as const) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'weights_sum' });
      }
    }
  })
  .describe('综合得分权重 Composite-score weights');
export type MetricWeightsInput = z.infer<typeof MetricWeightsSchema>;

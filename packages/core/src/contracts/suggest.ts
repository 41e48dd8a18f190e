import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** Request of the category and unit suggestion at registration (SPEC §9). */
export const SuggestRequestSchema = z.object({
  title: z.string().trim().max(120).default('').describe('Title 标题 of the case being registered'),
  content: z.string().trim().min(1).max(5000).describe('Content 诉求内容 of the case being registered'),
  areaCode: z.string().regex(/^\d{12}(\d{3})?$/).optional().describe('Where the matter is: only the government covering it is suggested'),
  categoryCode: z.string().trim().min(1).max(64).optional().describe('The category chosen so far (else the top suggested one decides the competent units)'),
});
export type SuggestRequest = z.infer<typeof SuggestRequestSchema>;

const suggestion = {
  confidence: z.number().describe('Calibrated probability in [0, 1] (model); a keyword match share (keywords)'),
  terms: z.array(z.string()).describe('The words or character n-grams that drove it'),
};

/** Why a unit is suggested (rendered in the reader's language by the web). */
export const UnitReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('covers'), areaName: z.string().describe('The village or community the unit covers') }),
  z.object({ kind: z.literal('handles'), categoryName: z.string(), share: z.number().describe('Share of the handled cases of the category this unit handled'), cases: z.number().int() }),
  z.object({ kind: z.literal('kindHandles'), categoryName: z.string(), unitKind: z.string(), share: z.number().describe('Share of the handled cases of the category handled by units of this kind'), cases: z.number().int() }),
  z.object({ kind: z.literal('default'), categoryName: z.string().describe('The category tree names this unit as its usual unit') }),
  z.object({ kind: z.literal('text'), confidence: z.number().describe('What the text model alone says') }),
]);
export type UnitReason = z.infer<typeof UnitReasonSchema>;

/** POST /api/cases/suggest: the top categories and units for the text. */
export const SuggestionsSchema = z.object({
  categories: z.array(z.object({ code: z.string(), name: z.string(), ...suggestion })),
  units: z.array(z.object({ id: z.string(), name: z.string(), ...suggestion, reasons: z.array(UnitReasonSchema) })),
  trainedOn: z.number().int().describe('Handled cases the models learned from (0: nothing to suggest yet)'),
  source: z.enum(['model', 'keywords', 'none']).describe('model: learned from handled cases; keywords: too few handled cases yet, the category names and admin keywords decide; none: nothing matched'),
  unsure: z.boolean().describe('The top category is below the confidence the form trusts (or keywords decided): the registrar must choose'),
  categoryCode: z.string().nullable().describe('The category the unit suggestion assumed'),
  modelMinCases: z.number().int().describe('Handled cases needed before the learned model replaces keywords'),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;

/** POST /api/admin/suggest/retrain. */
export const RetrainResultSchema = z.object({
  cases: z.number().int().describe('Handled cases learned from'),
  seconds: z.number().describe('How long the training took'),
});

/** One keyword: what residents write for a matter (2–20 characters). */
const keyword = z.string().trim().min(2).max(20);

/** Body of PUT /api/admin/suggest/keywords/:code: the category's cold-start keywords, replacing the built-in ones. */
export const SuggestKeywordsSchema = z.object({
  keywords: z.array(keyword).max(50).describe('Words that point to this category before the model has enough handled cases (the category name always counts too)'),
});
export type SuggestKeywords = z.infer<typeof SuggestKeywordsSchema>;

/** Path parameter of the keyword routes. */
export const SuggestCategoryParamsSchema = z.object({ code: z.string().min(1).max(64) });

/** A category's cold-start keywords as the admin screen shows them. */
export const CategoryKeywordsSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  parentCode: z.string().nullable(),
  keywords: z.array(z.string()).describe('The keywords in use: the admin’s, or the built-in ones'),
  fromName: z.array(z.string()).describe('Keywords taken from the category’s own name (always in use)'),
  edited: z.boolean().describe('An admin gave these keywords (else the built-in ones)'),
  updatedAt: z.string().nullable(),
});

/** GET /api/admin/suggest: the models' state and every leaf category's keywords. */
export const SuggestStateSchema = z.object({
  source: z.enum(['model', 'keywords']).describe('What decides the category now: the learned model, or keywords (too few handled cases)'),
  cases: z.number().int().describe('Handled cases the models learned from'),
  modelMinCases: z.number().int().describe('Handled cases needed before the model replaces keywords'),
  labels: z.number().int().describe('Categories the model knows'),
  temperature: z.number().nullable().describe('The fitted calibration temperature (> 1: the raw model was over-confident)'),
  trainedAt: z.string().nullable().describe('When the models were last trained (ISO instant)'),
  seconds: z.number().nullable().describe('How long that training took'),
  categories: z.array(CategoryKeywordsSchema),
});

/** The suggest operations. */
export const suggestEndpoints = defineEndpoints({
  'POST /api/cases/suggest': { tag: 'cases', summary: '智能推荐 Suggest category and unit', body: SuggestRequestSchema, response: SuggestionsSchema },
  'POST /api/admin/suggest/retrain': { tag: 'admin', summary: '重新训练推荐模型 Retrain the suggestion models', response: RetrainResultSchema },
  'GET /api/admin/suggest': { tag: 'admin', summary: '推荐模型状态与冷启动关键词 The suggestion models’ state and cold-start keywords', response: SuggestStateSchema },
  'PUT /api/admin/suggest/keywords/:code': { tag: 'admin', summary: '设置分类关键词 Set a category’s cold-start keywords', params: SuggestCategoryParamsSchema, body: SuggestKeywordsSchema, response: CategoryKeywordsSchema },
  'DELETE /api/admin/suggest/keywords/:code': { tag: 'admin', summary: '恢复内置关键词 Back to the built-in keywords', params: SuggestCategoryParamsSchema, response: CategoryKeywordsSchema },
});

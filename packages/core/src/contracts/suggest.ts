import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** Request of the category and unit suggestion at registration (SPEC §9). */
export const SuggestRequestSchema = z.object({
  title: z.string().trim().max(120).default('').describe('Title 标题 of the case being registered'),
  content: z.string().trim().min(1).max(5000).describe('Content 诉求内容 of the case being registered'),
});
export type SuggestRequest = z.infer<typeof SuggestRequestSchema>;

const suggestion = {
  confidence: z.number().describe('Normalised posterior in [0, 1]'),
  terms: z.array(z.string()).describe('The words that drove it'),
};

/** POST /api/cases/suggest: the top categories and units for the text. */
export const SuggestionsSchema = z.object({
  categories: z.array(z.object({ code: z.string(), name: z.string(), ...suggestion })),
  units: z.array(z.object({ id: z.string(), name: z.string(), ...suggestion })),
  trainedOn: z.number().int().describe('Handled cases the models learned from (0: nothing to suggest yet)'),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;

/** POST /api/admin/suggest/retrain. */
export const RetrainResultSchema = z.object({
  cases: z.number().int().describe('Handled cases learned from'),
  seconds: z.number().describe('How long the training took'),
});

/** The suggest operations. */
export const suggestEndpoints = defineEndpoints({
  'POST /api/cases/suggest': { tag: 'cases', summary: '智能推荐 Suggest category and unit', body: SuggestRequestSchema, response: SuggestionsSchema },
  'POST /api/admin/suggest/retrain': { tag: 'admin', summary: '重新训练推荐模型 Retrain the suggestion models', response: RetrainResultSchema },
});

import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** Request of the category and unit suggestion at registration (SPEC §9). */
export const SuggestRequestSchema = z.object({
  title: z.string().trim().max(120).default('').describe('Title 标题 of the case being registered'),
  content: z.string().trim().min(1).max(5000).describe('Content 诉求内容 of the case being registered'),
});
export type SuggestRequest = z.infer<typeof SuggestRequestSchema>;

/** The suggest operations. */
export const suggestEndpoints = defineEndpoints({});

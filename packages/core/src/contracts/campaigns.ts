import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { AreaCodeSchema, LocalDateSchema } from './field-work.js';

const id = z.string().min(1).max(64);
const uuid = z.uuid();
const tagCode = z.string().min(1).max(64);

/** Body of POST /api/campaigns, e.g. 2026年冬季“三送”活动. */
export const CampaignCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).describe('活动名称'),
    areaCode: AreaCodeSchema.describe('Area the campaign covers (its subtree)'),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema,
    description: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'before_start' });
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;

/** Body of POST /api/campaigns/:id/targets: add the households of an area subtree with some tags. */
export const CampaignTargetsSchema = z.object({
  areaCode: AreaCodeSchema.optional().describe('Subtree inside the campaign’s area (default: the whole campaign area)'),
  tags: z.array(tagCode).max(20).default([]).describe('Tag codes, e.g. dibao, elderly_alone (none: every household)'),
  match: z.enum(['any', 'all']).default('any').describe('A household needs any (default) or all of the tags'),
});
export type CampaignTargets = z.infer<typeof CampaignTargetsSchema>;

/** Body of POST /api/campaigns/:id/assign: give targets to cadres, evenly or one by one. */
export const CampaignAssignSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('even'),
    cadreUserIds: z.array(id).min(1).max(200).describe('Cadres to share the targets among'),
    onlyUnassigned: z.boolean().default(true).describe('Leave targets that already have a cadre'),
    areaCode: AreaCodeSchema.optional().describe('Only targets in this subtree'),
  }),
  z.object({
    mode: z.literal('explicit'),
    assignments: z.array(z.object({ householdId: uuid, cadreUserId: id })).min(1).max(5000),
  }),
]);
export type CampaignAssign = z.infer<typeof CampaignAssignSchema>;

export const CampaignListQuerySchema = z.object({
  areaCode: AreaCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;

export const CampaignTargetListQuerySchema = z.object({
  cadre: id.optional().describe('Only this cadre’s targets'),
  visited: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CampaignTargetListQuery = z.infer<typeof CampaignTargetListQuerySchema>;

export const CampaignIdParamsSchema = z.object({ id: uuid });

/** The campaigns operations. */
export const campaignsEndpoints = defineEndpoints({});

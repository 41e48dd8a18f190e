import { z } from 'zod';
import { id } from './fields.js';
import { defineEndpoints } from './endpoint.js';
import { AreaCodeSchema, LocalDateSchema } from './field-work.js';

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

/** A campaign (三送). */
export const CampaignViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  areaCode: z.string().describe('Area the campaign covers (its subtree)'),
  areaName: z.string(),
  startsOn: z.string().describe('China-time date, YYYY-MM-DD'),
  endsOn: z.string().describe('China-time date, YYYY-MM-DD'),
  description: z.string().nullable(),
  createdAt: z.string(),
});
export type CampaignView = z.infer<typeof CampaignViewSchema>;

const counts = {
  total: z.number().int().describe('Target households'),
  visited: z.number().int().describe('Targets visited under the campaign'),
  rate: z.number().nullable().describe('visited / total, 0..1; null when there are no targets'),
};

/** Targets and visited targets. */
export const CoverageCountSchema = z.object(counts);
export type CoverageCount = z.infer<typeof CoverageCountSchema>;

/** Coverage of the part of a campaign the reader sees, per village (grids count for their village) and per cadre. */
export const CoverageSchema = z.object({
  ...counts,
  byVillage: z.array(z.object({ villageCode: z.string(), villageName: z.string().nullable(), ...counts })),
  byCadre: z.array(
    z.object({
      cadre: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('null: targets nobody has been given yet'),
      ...counts,
    }),
  ),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** GET /api/campaigns/:id (and POST /api/campaigns): the campaign and the coverage of the part the reader sees. */
export const CampaignDetailSchema = CampaignViewSchema.extend({ coverage: CoverageSchema });
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;

/** A campaign in the list, with its totals within the reader's reach. */
export const CampaignListItemSchema = CampaignViewSchema.extend({ coverage: CoverageCountSchema });
export type CampaignListItem = z.infer<typeof CampaignListItemSchema>;

/** GET /api/campaigns. */
export const CampaignPageSchema = z.object({
  items: z.array(CampaignListItemSchema),
  nextOffset: z.number().int().nullable().describe('Pass as `offset` for the next page; null at the end'),
});

/** A target household of a campaign. */
export const CampaignTargetSchema = z.object({
  household: z.object({
    id: z.string(),
    address: z.string(),
    headName: z.string().describe('Masked (张**)'),
    tags: z.array(z.string()),
    areaCode: z.string(),
    areaName: z.string(),
  }),
  cadre: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('The cadre given it; null: nobody yet'),
  visitedAt: z.string().nullable().describe('First visit under the campaign'),
  visitId: z.string().nullable(),
});
export type CampaignTarget = z.infer<typeof CampaignTargetSchema>;

/** GET /api/campaigns/:id/targets. */
export const CampaignTargetPageSchema = z.object({
  items: z.array(CampaignTargetSchema),
  nextOffset: z.number().int().nullable().describe('Pass as `offset` for the next page; null at the end'),
});

/** POST /api/campaigns/:id/targets. */
export const CampaignTargetsAddedSchema = z.object({ added: z.number().int().describe('Households newly targeted'), coverage: CoverageSchema });
export type CampaignTargetsAdded = z.infer<typeof CampaignTargetsAddedSchema>;

/** POST /api/campaigns/:id/assign. */
export const CampaignAssignedSchema = z.object({
  assigned: z.number().int().describe('Targets given a cadre'),
  perCadre: z.array(z.object({ cadreUserId: z.string(), count: z.number().int() })),
  coverage: CoverageSchema,
});
export type CampaignAssigned = z.infer<typeof CampaignAssignedSchema>;

/** GET /api/campaigns/:id/coverage. */
export const CampaignCoverageSchema = CoverageSchema.extend({ campaign: CampaignViewSchema });
export type CampaignCoverage = z.infer<typeof CampaignCoverageSchema>;

/** The campaigns operations. */
export const campaignsEndpoints = defineEndpoints({
  'POST /api/campaigns': { tag: 'campaigns', summary: '发起活动 Create a campaign', body: CampaignCreateSchema, status: 201, response: CampaignDetailSchema },
  'GET /api/campaigns': { tag: 'campaigns', summary: '活动列表 Campaigns reaching my area', query: CampaignListQuerySchema, response: CampaignPageSchema },
  'GET /api/campaigns/:id': { tag: 'campaigns', summary: '活动详情 A campaign with its coverage', params: CampaignIdParamsSchema, response: CampaignDetailSchema },
  'POST /api/campaigns/:id/targets': {
    tag: 'campaigns',
    summary: '选定对象户 Add target households by area and tags',
    params: CampaignIdParamsSchema,
    body: CampaignTargetsSchema,
    response: CampaignTargetsAddedSchema,
  },
  'POST /api/campaigns/:id/assign': { tag: 'campaigns', summary: '分配到干部 Assign targets to cadres', params: CampaignIdParamsSchema, body: CampaignAssignSchema, response: CampaignAssignedSchema },
  'GET /api/campaigns/:id/targets': {
    tag: 'campaigns',
    summary: '对象户 Targets (in my area)',
    params: CampaignIdParamsSchema,
    query: CampaignTargetListQuerySchema,
    response: CampaignTargetPageSchema,
  },
  'GET /api/campaigns/:id/coverage': { tag: 'campaigns', summary: '覆盖进度 Coverage per village and cadre', params: CampaignIdParamsSchema, response: CampaignCoverageSchema },
});

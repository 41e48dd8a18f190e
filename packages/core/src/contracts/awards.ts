import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { id } from './fields.js';

const day = z.iso.date();
export const AWARD_SUBJECTS = ['person', 'unit'] as const;
export const AWARD_STATES = ['open', 'decided', 'published'] as const;

export const AwardKindCreateSchema = z.object({
  name: z.string().trim().min(2).max(40).describe('e.g. 便民服务之星'),
  nameEn: z.string().trim().min(2).max(80),
  subject: z.enum(AWARD_SUBJECTS).describe('Given to a person or to a unit'),
  description: z.string().trim().max(500).optional(),
});
export const AwardKindSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string(), subject: z.enum(AWARD_SUBJECTS), description: z.string().nullable() });

export const AwardCreateSchema = z
  .object({
    kindId: id,
    title: z.string().trim().min(2).max(100).describe('e.g. 2026年度便民服务之星'),
    periodFrom: day.describe('The figures that suggest candidates are of this period'),
    periodTo: day,
    decideBy: z.enum(['vote', 'leader']).describe('By a vote of the panel, or by a leader'),
    winnersMax: z.number().int().min(1).max(50),
  })
  .refine((b) => b.periodFrom <= b.periodTo, { message: 'the period ends before it starts', path: ['periodTo'] });
export type AwardCreate = z.infer<typeof AwardCreateSchema>;

export const AwardParamsSchema = z.object({ id });
export const AwardCandidateSchema = z.object({
  subjectId: z.string(),
  name: z.string(),
  unitName: z.string(),
  reason: z.string().nullable(),
  figure: z.number().nullable().describe('The composite of the period that suggested them'),
  votes: z.number().int(),
  isWinner: z.boolean(),
});
export const AwardSummarySchema = z.object({
  id: z.string(),
  kindName: z.string(),
  subject: z.enum(AWARD_SUBJECTS),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  decideBy: z.enum(['vote', 'leader']),
  winnersMax: z.number().int(),
  state: z.enum(AWARD_STATES),
  createdAt: z.string(),
});
export const AwardDetailSchema = AwardSummarySchema.extend({
  candidates: z.array(AwardCandidateSchema),
  myVotes: z.array(z.string()),
  canVote: z.boolean(),
  canDecide: z.boolean(),
  canManage: z.boolean(),
});
export const AwardNominateSchema = z.object({ subjectId: id.describe('A user (person awards) or a unit'), reason: z.string().trim().min(2).max(300) });
export const AwardVoteSchema = z.object({ subjectIds: z.array(id).min(1).max(50) });
export const AwardDecideSchema = z.object({ subjectIds: z.array(id).max(50).optional().describe('The winners, when a leader decides; a vote is tallied') });

export const PublicAwardsSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), kindName: z.string(), publishedAt: z.string(), winners: z.array(z.object({ name: z.string(), unitName: z.string() })) })),
});

export const awardsEndpoints = defineEndpoints({
  'GET /api/awards/kinds': { tag: 'awards', summary: '奖项类别 Award kinds', response: z.object({ items: z.array(AwardKindSchema) }) },
  'POST /api/awards/kinds': { tag: 'awards', summary: '设立奖项类别 Define an award kind (admin, organisation)', status: 201, body: AwardKindCreateSchema, response: AwardKindSchema },
  'GET /api/awards': { tag: 'awards', summary: '评先评优 Awards of the area', response: z.object({ items: z.array(AwardSummarySchema) }) },
  'POST /api/awards': { tag: 'awards', summary: '发起评选 Open an award, candidates suggested from the figures', status: 201, body: AwardCreateSchema, response: AwardDetailSchema },
  'GET /api/awards/:id': { tag: 'awards', summary: '评选详情 An award with its candidates', params: AwardParamsSchema, response: AwardDetailSchema },
  'POST /api/awards/:id/candidates': { tag: 'awards', summary: '提名 Nominate', params: AwardParamsSchema, body: AwardNominateSchema, response: AwardDetailSchema },
  'POST /api/awards/:id/votes': { tag: 'awards', summary: '投票 Vote (replaces one’s earlier votes)', params: AwardParamsSchema, body: AwardVoteSchema, response: AwardDetailSchema },
  'POST /api/awards/:id/decide': { tag: 'awards', summary: '决定 Decide: tally the vote, or a leader names the winners', params: AwardParamsSchema, body: AwardDecideSchema, response: AwardDetailSchema },
  'POST /api/awards/:id/publish': { tag: 'awards', summary: '公布 Publish on the portal', params: AwardParamsSchema, response: AwardDetailSchema },
  'GET /api/public/awards': { tag: 'awards', summary: '评先评优公示 Published awards: names and units only', public: true, response: PublicAwardsSchema },
});

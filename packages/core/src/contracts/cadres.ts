import { z } from 'zod';
import { ROLES } from '../vocabulary.js';
import { defineEndpoints } from './endpoint.js';
import { DUTY_SHIFTS, LEAVE_KINDS, LEAVE_STATES } from './duty.js';
import { CadreFiguresSchema, MemberResultSchema } from './evaluation.js';
import { id } from './fields.js';

export const CadreParamsSchema = z.object({ userId: id });
export const CadreQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('The year of the figures and training hours; this year by default') });

/** One place to see a cadre (SPEC §7): each part as far as the reader may see it (null: not theirs to see). */
export const CadrePageSchema = z.object({
  userId: z.string(),
  name: z.string(),
  year: z.number().int(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: z.string(), unitName: z.string() })),
  stationing: z.array(z.object({ villageCode: z.string(), villageName: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
  figures: CadreFiguresSchema.describe('Cases and their rates, visits, field and office days, accountability, late supervision answers, this year'),
  recentVisits: z.array(z.object({ id: z.string(), occurredAt: z.string(), kind: z.string(), areaName: z.string() })),
  accountability: z.array(z.object({ id: z.string(), caseCode: z.string(), reason: z.string(), state: z.string(), createdAt: z.string() })).nullable(),
  evaluations: z.array(MemberResultSchema).nullable().describe('Own results, or to the organisation department'),
  awards: z.array(z.object({ awardId: z.string(), title: z.string(), kindName: z.string(), publishedAt: z.string().nullable() })),
  mentoring: z.array(z.object({ pairId: z.string(), as: z.enum(['mentor', 'mentee']), otherName: z.string(), state: z.enum(['active', 'closed']), startsOn: z.string(), endsOn: z.string(), reviewRating: z.string().nullable() })),
  training: z.object({ hours: z.number(), sessions: z.array(z.object({ title: z.string(), heldOn: z.string(), hours: z.number() })) }),
  dutyAndLeave: z
    .object({
      dutyShifts: z.number().int().describe('Shifts on the duty roster this year'),
      upcoming: z.array(z.object({ date: z.string(), shift: z.enum(DUTY_SHIFTS), unitName: z.string() })).describe('The next shifts on duty'),
      leaveDays: z.number().int().describe('Days of approved leave this year'),
      leaves: z.array(z.object({ kind: z.enum(LEAVE_KINDS), startsOn: z.string(), endsOn: z.string(), state: z.enum(LEAVE_STATES) })),
    })
    .describe('Duty days and leave (值班与请假), this year'),
  isSelf: z.boolean(),
});
export type CadrePage = z.infer<typeof CadrePageSchema>;

export const cadresEndpoints = defineEndpoints({
  'GET /api/cadres/:userId': { tag: 'cadres', summary: '干部档案页 A cadre’s page (their own, or of the area per the access rules)', params: CadreParamsSchema, query: CadreQuerySchema, response: CadrePageSchema },
});

import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { id } from './fields.js';
import { MENTOR_RECORD_KINDS, REVIEW_RATINGS } from './values.js';
export { MENTOR_RECORD_KINDS, REVIEW_RATINGS } from './values.js';

const day = z.iso.date();

export const PairCreateSchema = z
  .object({
    mentorUserId: id.describe('The master (师傅)'),
    menteeUserId: id.describe('The new cadre (徒弟)'),
    goals: z.string().trim().min(2).max(1000),
    startsOn: day,
    endsOn: day,
  })
  .refine((b) => b.startsOn <= b.endsOn, { message: 'the period ends before it starts', path: ['endsOn'] })
  .refine((b) => b.mentorUserId !== b.menteeUserId, { message: 'a mentor cannot mentor themselves', path: ['menteeUserId'] });
export const PairParamsSchema = z.object({ id });
export const MentorRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(MENTOR_RECORD_KINDS),
  text: z.string(),
  refId: z.string().nullable(),
  occurredOn: z.string(),
  mentorComment: z.string().nullable(),
  commentedAt: z.string().nullable(),
});
export const PairSummarySchema = z.object({
  id: z.string(),
  mentorUserId: z.string(),
  mentorName: z.string(),
  menteeUserId: z.string(),
  menteeName: z.string(),
  unitName: z.string(),
  goals: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(['active', 'closed']),
  review: z.string().nullable(),
  reviewRating: z.enum(REVIEW_RATINGS).nullable(),
});
export const PairDetailSchema = PairSummarySchema.extend({
  records: z.array(MentorRecordSchema),
  canRecord: z.boolean().describe('The reader is the mentee and the pair is active'),
  canComment: z.boolean().describe('The reader is the mentor'),
  canClose: z.boolean(),
});
export const RecordCreateSchema = z.object({
  kind: z.enum(MENTOR_RECORD_KINDS).describe('visit 共同走访 | case 共同办件 | study | other'),
  text: z.string().trim().min(2).max(2000),
  refId: id.optional().describe('The shared visit or case'),
  occurredOn: day,
});
export const RecordParamsSchema = z.object({ id });
export const CommentSchema = z.object({ text: z.string().trim().min(1).max(1000) });
export const PairCloseSchema = z.object({ review: z.string().trim().min(2).max(2000).describe('The closing review (结业评价)'), rating: z.enum(REVIEW_RATINGS) });

export const TrainingCreateSchema = z.object({
  title: z.string().trim().min(2).max(100),
  heldOn: day,
  hours: z.number().min(0.5).max(200),
  place: z.string().trim().max(100).optional(),
});
export const TrainingParamsSchema = z.object({ id });
export const AttendanceSchema = z.object({ userIds: z.array(id).min(1).max(500), hours: z.number().min(0.5).max(200).optional().describe('Hours credited; the session’s by default') });
export const TrainingSessionSchema = z.object({ id: z.string(), title: z.string(), heldOn: z.string(), hours: z.number(), place: z.string().nullable(), attendees: z.number().int() });
export const TrainingYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100), userId: id.optional() });
export const TrainingHoursSchema = z.object({
  year: z.number().int(),
  items: z.array(z.object({ userId: z.string(), name: z.string(), sessions: z.number().int(), hours: z.number() })),
});

export const mentoringEndpoints = defineEndpoints({
  'GET /api/mentoring/pairs': { tag: 'mentoring', summary: '拜师认徒 Mentoring pairs (the area’s, and one’s own)', response: z.object({ items: z.array(PairSummarySchema) }) },
  'POST /api/mentoring/pairs': { tag: 'mentoring', summary: '结对 Pair a mentor and a new cadre', status: 201, body: PairCreateSchema, response: PairDetailSchema },
  'GET /api/mentoring/pairs/:id': { tag: 'mentoring', summary: '结对详情 A pair with its records', params: PairParamsSchema, response: PairDetailSchema },
  'POST /api/mentoring/pairs/:id/records': { tag: 'mentoring', summary: '徒弟记录 The mentee records shared work', status: 201, params: PairParamsSchema, body: RecordCreateSchema, response: PairDetailSchema },
  'POST /api/mentoring/records/:id/comment': { tag: 'mentoring', summary: '师傅点评 The mentor comments', params: RecordParamsSchema, body: CommentSchema, response: PairDetailSchema },
  'POST /api/mentoring/pairs/:id/close': { tag: 'mentoring', summary: '结业评价 Close with a review', params: PairParamsSchema, body: PairCloseSchema, response: PairDetailSchema },
  'GET /api/training/sessions': { tag: 'mentoring', summary: '培训 Training sessions of a year', query: TrainingYearQuerySchema, response: z.object({ items: z.array(TrainingSessionSchema) }) },
  'POST /api/training/sessions': { tag: 'mentoring', summary: '新建培训 Record a training session', status: 201, body: TrainingCreateSchema, response: TrainingSessionSchema },
  'POST /api/training/sessions/:id/attendance': { tag: 'mentoring', summary: '培训签到 Record who attended', params: TrainingParamsSchema, body: AttendanceSchema, response: TrainingSessionSchema },
  'GET /api/training/hours': { tag: 'mentoring', summary: '年度学时 Yearly training hours per cadre (the area’s; one’s own)', query: TrainingYearQuerySchema, response: TrainingHoursSchema },
});

export type PairCreate = z.infer<typeof PairCreateSchema>;
export type RecordCreate = z.infer<typeof RecordCreateSchema>;
export type PairClose = z.infer<typeof PairCloseSchema>;
export type TrainingCreate = z.infer<typeof TrainingCreateSchema>;
export type Attendance = z.infer<typeof AttendanceSchema>;

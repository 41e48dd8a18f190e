import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { PHONE_PATTERN } from '../identity.js';
import { AreaCodeSchema, LocalDateSchema } from './field-work.js';

const id = z.string().min(1).max(64);
const uuid = z.uuid();
const villageCode = z.string().regex(/^\d{12}$/).describe('Village (12-digit code)');

// ——— Joint office days (联合办公日) ———

/** Body of PUT /api/office-days/schedules: the recurring day of one village (one schedule each). */
export const OfficeDayScheduleSchema = z.object({
  villageCode,
  weekday: z.number().int().min(1).max(7).default(1).describe('ISO weekday: Monday = 1 (default) … Sunday = 7'),
  place: z.string().trim().max(200).optional().describe('Where 地点, e.g. 村便民服务中心'),
  isActive: z.boolean().default(true),
});
export type OfficeDaySchedule = z.infer<typeof OfficeDayScheduleSchema>;

/** Body of POST /api/office-days/sessions/generate: sessions of the active schedules in a period. */
export const OfficeDayGenerateSchema = z
  .object({
    areaCode: AreaCodeSchema.optional().describe('Subtree (default: all of my area)'),
    from: LocalDateSchema,
    to: LocalDateSchema,
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: 'before_start' })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, { path: ['to'], message: 'period_too_long' });
export type OfficeDayGenerate = z.infer<typeof OfficeDayGenerateSchema>;

/** Query of GET /api/office-days/schedules. */
export const OfficeDayScheduleListQuerySchema = z.object({ areaCode: AreaCodeSchema.optional().describe('Area subtree') });

export const OfficeDayListQuerySchema = z.object({
  areaCode: AreaCodeSchema.optional(),
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type OfficeDayListQuery = z.infer<typeof OfficeDayListQuerySchema>;

/** Body of POST /api/office-days/sessions/:id/attendance (default: myself). */
export const OfficeDayAttendanceSchema = z.object({ userIds: z.array(id).min(1).max(50).optional().describe('Staff who attended (default: me)') });
export type OfficeDayAttendance = z.infer<typeof OfficeDayAttendanceSchema>;

export const OfficeDaySessionParamsSchema = z.object({ id: uuid });
export const OfficeDayAttendeeParamsSchema = z.object({ id: uuid, userId: id });

// ——— Leader reception days (领导接访日) ———

/** Body of POST /api/reception/sessions. */
export const ReceptionSessionCreateSchema = z
  .object({
    leaderUserId: id.describe('The leader who receives 接访领导'),
    areaCode: AreaCodeSchema.describe('Area the session serves (county or township)'),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.string().trim().min(1).max(200).describe('地点'),
    topic: z.string().trim().max(200).optional().describe('Theme, e.g. 征地拆迁专场'),
    capacity: z.number().int().min(1).max(200).default(10).describe('Appointments accepted'),
    isPublished: z.boolean().default(false).describe('Shown on the public schedule'),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { path: ['endsAt'], message: 'before_start' });
export type ReceptionSessionCreate = z.infer<typeof ReceptionSessionCreateSchema>;

/** Body of PATCH /api/reception/sessions/:id. */
export const ReceptionSessionUpdateSchema = z
  .object({
    place: z.string().trim().min(1).max(200).optional(),
    topic: z.string().trim().max(200).nullish(),
    capacity: z.number().int().min(1).max(200).optional(),
    isPublished: z.boolean().optional(),
    isCancelled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type ReceptionSessionUpdate = z.infer<typeof ReceptionSessionUpdateSchema>;

export const ReceptionListQuerySchema = z.object({
  areaCode: AreaCodeSchema.optional().describe('Area subtree (staff list only)'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ReceptionListQuery = z.infer<typeof ReceptionListQuerySchema>;

/** Body of an appointment request (约访): from the portal (public) or registered by staff. */
export const ReceptionAppointmentCreateSchema = z.object({
  name: z.string().trim().min(1).max(50).describe('姓名'),
  phone: z.string().trim().regex(PHONE_PATTERN).describe('联系电话'),
  matter: z.string().trim().min(5).max(1000).describe('What the resident wants to raise 反映事项'),
});
export type ReceptionAppointmentCreate = z.infer<typeof ReceptionAppointmentCreateSchema>;

export const APPOINTMENT_STATUSES = ['requested', 'confirmed', 'done', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Body of PATCH /api/reception/appointments/:id. */
export const ReceptionAppointmentUpdateSchema = z.object({
  status: z.enum(APPOINTMENT_STATUSES).describe('requested → confirmed → done; cancelled from either'),
  caseId: id.optional().describe('The case registered from it'),
});
export type ReceptionAppointmentUpdate = z.infer<typeof ReceptionAppointmentUpdateSchema>;

/** Body of POST /api/reception/sessions/:id/cases: a case taken at the session. */
export const ReceptionCaseLinkSchema = z.object({ caseId: id });
export type ReceptionCaseLink = z.infer<typeof ReceptionCaseLinkSchema>;

export const ReceptionIdParamsSchema = z.object({ id: uuid });

/** The officeDays operations. */
export const officeDaysEndpoints = defineEndpoints({});

/** The reception operations. */
export const receptionEndpoints = defineEndpoints({});

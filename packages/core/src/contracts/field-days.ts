import { z } from 'zod';
import { id, caseRefFields } from './fields.js';
import { defineEndpoints } from './endpoint.js';
import { PHONE_PATTERN } from '../identity.js';
import { AreaCodeSchema, LocalDateSchema } from './field-work.js';
import { APPOINTMENT_NEXT, APPOINTMENT_STATUSES } from './values.js';
export { APPOINTMENT_NEXT, APPOINTMENT_STATUSES } from './values.js';

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
export type OfficeDayScheduleListQuery = z.infer<typeof OfficeDayScheduleListQuerySchema>;

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

// ——— Responses: joint office days ———

/** One village's recurring joint office day. */
export const OfficeDayScheduleViewSchema = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  weekday: z.number().int().describe('ISO weekday: Monday = 1 … Sunday = 7'),
  place: z.string().nullable(),
  isActive: z.boolean(),
});
export type OfficeDayScheduleView = z.infer<typeof OfficeDayScheduleViewSchema>;

/** GET /api/office-days/schedules. */
export const OfficeDayScheduleListSchema = z.object({ items: z.array(OfficeDayScheduleViewSchema) });

/** POST /api/office-days/sessions/generate. */
export const OfficeDayGenerateResultSchema = z.object({
  created: z.number().int().describe('Sessions created now'),
  scheduled: z.number().int().describe('Sessions the schedules call for in the period (created now or before)'),
});
export type OfficeDayGenerateResult = z.infer<typeof OfficeDayGenerateResultSchema>;

/** What names an office-day session, in the list and in the detail. */
const officeDaySessionFields = {
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  date: z.string().describe('China-time date, YYYY-MM-DD'),
  place: z.string().nullable(),
};

/** A session in the list: counts only. */
export const OfficeDaySessionSummarySchema = z.object({
  ...officeDaySessionFields,
  attendees: z.number().int(),
  cases: z.number().int().describe('Cases of channel 联合办公日 registered in the village that day'),
});
export type OfficeDaySessionSummary = z.infer<typeof OfficeDaySessionSummarySchema>;

/** GET /api/office-days/sessions: latest first. */
export const OfficeDaySessionPageSchema = z.object({
  items: z.array(OfficeDaySessionSummarySchema),
  nextOffset: z.number().int().nullable().describe('Pass as `offset` for the next page; null at the end'),
});

/** Someone who attended a session. */
export const OfficeDayAttendeeSchema = z.object({ userId: z.string(), name: z.string(), recordedAt: z.string() });
export type OfficeDayAttendee = z.infer<typeof OfficeDayAttendeeSchema>;

/** A case of channel 联合办公日 registered in the village on the session's day. */
export const OfficeDayCaseSchema = z.object({
  ...caseRefFields,
  categoryCode: z.string(),
  registeredAt: z.string(),
});
export type OfficeDayCase = z.infer<typeof OfficeDayCaseSchema>;

/** GET /api/office-days/sessions/:id, and the answer of every attendance change. */
export const OfficeDaySessionDetailSchema = z.object({
  ...officeDaySessionFields,
  attendance: z.array(OfficeDayAttendeeSchema),
  cases: z.array(OfficeDayCaseSchema),
});
export type OfficeDaySessionDetail = z.infer<typeof OfficeDaySessionDetailSchema>;

// ——— Responses: leader reception days ———

/** When and where a reception session is, and how many it receives: staff and the public see these alike. */
const receptionSlotFields = {
  startsAt: z.string().describe('UTC instant'),
  endsAt: z.string().describe('UTC instant'),
  place: z.string(),
  topic: z.string().nullable(),
  capacity: z.number().int(),
};

/** A reception session as staff see it. */
export const ReceptionSessionViewSchema = z.object({
  id: z.string(),
  leader: z.object({ id: z.string(), name: z.string() }).describe('The leader who receives'),
  areaCode: z.string(),
  areaName: z.string(),
  ...receptionSlotFields,
  booked: z.number().int().describe('Places taken: appointments requested, confirmed or done'),
  isPublished: z.boolean(),
  isCancelled: z.boolean(),
});
export type ReceptionSessionView = z.infer<typeof ReceptionSessionViewSchema>;

/** GET /api/reception/sessions. */
export const ReceptionSessionListSchema = z.object({ items: z.array(ReceptionSessionViewSchema) });

/** How an appointment was made: by the resident on the portal, or by staff for them. */
export const APPOINTMENT_CHANNELS = ['portal', 'staff'] as const;
export type AppointmentChannel = (typeof APPOINTMENT_CHANNELS)[number];

/** An appointment (约访) as staff see it: the requester masked. */
export const ReceptionAppointmentViewSchema = z.object({
  id: z.string(),
  name: z.string().describe('Masked (刘**); the clear value comes from …/contact, audited'),
  phone: z.string().describe('Masked (138****1111)'),
  matter: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  channel: z.enum(APPOINTMENT_CHANNELS),
  caseId: z.string().nullable().describe('The case registered from it'),
  createdAt: z.string(),
});
export type ReceptionAppointmentView = z.infer<typeof ReceptionAppointmentViewSchema>;

/** A case taken at a reception session. */
export const ReceptionSessionCaseSchema = z.object({
  ...caseRefFields,
  channel: z.string(),
  categoryCode: z.string(),
  linkedAt: z.string(),
});
export type ReceptionSessionCase = z.infer<typeof ReceptionSessionCaseSchema>;

/** GET /api/reception/sessions/:id, and the answer of every change to a session. */
export const ReceptionSessionDetailSchema = ReceptionSessionViewSchema.extend({
  appointments: z.array(ReceptionAppointmentViewSchema),
  cases: z.array(ReceptionSessionCaseSchema),
});
export type ReceptionSessionDetail = z.infer<typeof ReceptionSessionDetailSchema>;

/** The public schedule: no appointment, requester or case data of any kind. */
export const PublicReceptionSessionSchema = z.object({
  id: z.string(),
  leaderName: z.string(),
  areaName: z.string(),
  ...receptionSlotFields,
  available: z.number().int().describe('Places still free'),
});
export type PublicReceptionSession = z.infer<typeof PublicReceptionSessionSchema>;

/** GET /api/public/reception-sessions. */
export const PublicReceptionScheduleSchema = z.object({ items: z.array(PublicReceptionSessionSchema) });

/** An appointment just booked, answered masked. */
export const ReceptionBookingSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  channel: z.enum(APPOINTMENT_CHANNELS),
  name: z.string().describe('Masked'),
  phone: z.string().describe('Masked'),
  startsAt: z.string(),
  place: z.string(),
  reference: z.string().describe('预约编号 the resident quotes (JF- and 8 characters)'),
  cancelToken: z.string().nullable().describe("A resident's own booking: the signed token that cancels it (POST /api/public/reception-appointments/cancel); null for staff bookings"),
});
export type ReceptionBooking = z.infer<typeof ReceptionBookingSchema>;

/** Body of POST /api/public/reception-appointments/cancel. */
export const ReceptionCancelSchema = z.object({ token: z.string().min(10).max(500).describe('The cancelToken given with the booking') });
export type ReceptionCancel = z.infer<typeof ReceptionCancelSchema>;
/** Answer of the resident's cancel. */
export const ReceptionCancelledSchema = z.object({ reference: z.string(), status: z.enum(APPOINTMENT_STATUSES), startsAt: z.string(), place: z.string() });

/** GET /api/reception/appointments/:id/contact: the requester in clear (audited). */
export const ReceptionContactSchema = z.object({ name: z.string(), phone: z.string() });

/** The officeDays operations. */
export const officeDaysEndpoints = defineEndpoints({
  'PUT /api/office-days/schedules': { tag: 'office-days', summary: '设置联合办公日 Set a village’s recurring day', body: OfficeDayScheduleSchema, response: OfficeDayScheduleViewSchema },
  'GET /api/office-days/schedules': { tag: 'office-days', summary: '联合办公日安排 Schedules in my area', query: OfficeDayScheduleListQuerySchema, response: OfficeDayScheduleListSchema },
  'POST /api/office-days/sessions/generate': { tag: 'office-days', summary: '生成场次 Create the sessions of a period', body: OfficeDayGenerateSchema, response: OfficeDayGenerateResultSchema },
  'GET /api/office-days/sessions': { tag: 'office-days', summary: '联合办公日场次 Sessions in my area', query: OfficeDayListQuerySchema, response: OfficeDaySessionPageSchema },
  'GET /api/office-days/sessions/:id': { tag: 'office-days', summary: '场次详情 Attendance and the cases of the day', params: OfficeDaySessionParamsSchema, response: OfficeDaySessionDetailSchema },
  'POST /api/office-days/sessions/:id/attendance': {
    tag: 'office-days',
    summary: '登记出席 Record attendance (default: me)',
    params: OfficeDaySessionParamsSchema,
    body: OfficeDayAttendanceSchema,
    response: OfficeDaySessionDetailSchema,
  },
  'DELETE /api/office-days/sessions/:id/attendance/:userId': { tag: 'office-days', summary: '撤销出席 Remove an attendee', params: OfficeDayAttendeeParamsSchema, response: OfficeDaySessionDetailSchema },
});

/** The reception operations. */
export const receptionEndpoints = defineEndpoints({
  'POST /api/reception/sessions': { tag: 'reception', summary: '安排接访日 Schedule a reception session', body: ReceptionSessionCreateSchema, status: 201, response: ReceptionSessionDetailSchema },
  'GET /api/reception/sessions': { tag: 'reception', summary: '接访日安排 Sessions in my area', query: ReceptionListQuerySchema, response: ReceptionSessionListSchema },
  'GET /api/reception/sessions/:id': { tag: 'reception', summary: '接访详情 Appointments (masked) and cases', params: ReceptionIdParamsSchema, response: ReceptionSessionDetailSchema },
  'PATCH /api/reception/sessions/:id': {
    tag: 'reception',
    summary: '修改、公布或取消 Update, publish or cancel',
    params: ReceptionIdParamsSchema,
    body: ReceptionSessionUpdateSchema,
    response: ReceptionSessionDetailSchema,
  },
  'POST /api/reception/sessions/:id/appointments': {
    tag: 'reception',
    summary: '代为预约 Register an appointment for a resident',
    params: ReceptionIdParamsSchema,
    body: ReceptionAppointmentCreateSchema,
    status: 201,
    response: ReceptionBookingSchema,
  },
  'POST /api/reception/sessions/:id/cases': {
    tag: 'reception',
    summary: '关联接访诉求件 Link a case taken at the session',
    params: ReceptionIdParamsSchema,
    body: ReceptionCaseLinkSchema,
    response: ReceptionSessionDetailSchema,
  },
  'PATCH /api/reception/appointments/:id': {
    tag: 'reception',
    summary: '预约状态 Confirm, complete or cancel an appointment',
    params: ReceptionIdParamsSchema,
    body: ReceptionAppointmentUpdateSchema,
    response: ReceptionSessionDetailSchema,
  },
  'GET /api/reception/appointments/:id/contact': { tag: 'reception', summary: '查看联系方式 The requester’s name and phone (audited)', params: ReceptionIdParamsSchema, response: ReceptionContactSchema },
  'GET /api/public/reception-sessions': { tag: 'public', public: true, summary: '领导接访日安排 The published schedule', query: ReceptionListQuerySchema, response: PublicReceptionScheduleSchema },
  'POST /api/public/reception-sessions/:id/appointments': {
    tag: 'public',
    public: true,
    summary: '预约接访 Request an appointment',
    params: ReceptionIdParamsSchema,
    body: ReceptionAppointmentCreateSchema,
    status: 201,
    response: ReceptionBookingSchema,
  },
  // — screens —
  'POST /api/public/reception-appointments/cancel': {
    tag: 'public',
    public: true,
    summary: '取消预约 The resident cancels their own appointment with the token given at booking',
    body: ReceptionCancelSchema,
    response: ReceptionCancelledSchema,
  },
});

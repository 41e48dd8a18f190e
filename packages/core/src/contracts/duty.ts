import { z } from 'zod';
import { defineEndpoints, MEDIA } from './endpoint.js';
import { LocalDateSchema } from './field-work.js';
import { id } from './fields.js';
import { ATTENDANCE_CORRECTIONS, LEAVE_KINDS } from './values.js';
export { ATTENDANCE_CORRECTIONS, LEAVE_KINDS } from './values.js';

/**
 * 值班 · 请假 · 考勤 (issue 14 items 1–2): duty rosters per unit and for the county centre, by day
 * and shift; swaps approved by the unit head; the duty person on the workbench; the week-ahead
 * check for unfilled shifts; leave applications; the monthly attendance sheet.
 */

/** 白班 08:00–18:00 and 夜班 18:00–08:00 (next day), China time. */
export const DUTY_SHIFTS = ['day', 'night'] as const;
export type DutyShift = (typeof DUTY_SHIFTS)[number];

export const SWAP_STATES = ['pending', 'approved', 'rejected'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export const LEAVE_STATES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type LeaveState = (typeof LEAVE_STATES)[number];
/** What a day of the attendance sheet says: present, absent, on leave, on a trip, a day off, not yet. */
export const ATTENDANCE_MARKS = ['present', 'absent', 'leave', 'trip', 'rest', 'future'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

const person = z.object({ id: z.string(), name: z.string() });
const text = (max: number) => z.string().trim().min(1).max(max);

// ——— roster ———

export const DutyWeekQuerySchema = z.object({
  unitId: id.describe('The unit whose roster'),
  from: LocalDateSchema.describe('First day shown (a Monday, usually)'),
  days: z.coerce.number().int().min(1).max(31).default(7).describe('How many days'),
});
export type DutyWeekQuery = z.infer<typeof DutyWeekQuerySchema>;

const SlotSchema = z.object({
  shiftId: z.string().nullable().describe('null while the slot was never saved'),
  shift: z.enum(DUTY_SHIFTS),
  person: person.nullable().describe('值班人员; null: unfilled'),
  lead: person.nullable().describe('带班领导'),
  onLeave: z.boolean().describe('The person is on approved leave that day'),
  pendingSwap: z.boolean(),
});

export const DutyDaySchema = z.object({
  date: z.string(),
  weekday: z.number().int().describe('ISO weekday, Monday = 1'),
  working: z.boolean().describe('A working day in the calendar'),
  holiday: z.string().nullable().describe('The festival name when a statutory holiday'),
  slots: z.array(SlotSchema),
});

export const DutyRosterSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string(), phone: z.string().nullable() }),
  from: z.string(),
  to: z.string(),
  days: z.array(DutyDaySchema),
  members: z.array(person.extend({ onLeave: z.array(z.string()).describe('Dates in the period on leave') })).describe('Who may be put on the roster'),
  gaps: z.number().int().describe('Unfilled slots in the period'),
  may: z.object({ edit: z.boolean(), approveSwaps: z.boolean() }),
});

export const DutyRosterSaveSchema = z.object({
  unitId: id,
  entries: z
    .array(
      z.object({
        date: LocalDateSchema,
        shift: z.enum(DUTY_SHIFTS),
        userId: id.nullable().describe('null: leave the slot unfilled'),
        leadUserId: id.nullable().optional(),
      }),
    )
    .min(1)
    .max(31 * 2),
});
export type DutyRosterSave = z.infer<typeof DutyRosterSaveSchema>;

export const DutySwapRequestSchema = z.object({
  shiftId: id.describe('The shift given away'),
  toUserId: id.describe('Who takes it'),
  reason: text(500),
});
export type DutySwapRequest = z.infer<typeof DutySwapRequestSchema>;

export const DutySwapSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  date: z.string(),
  shift: z.enum(DUTY_SHIFTS),
  from: person.nullable(),
  to: person,
  reason: z.string(),
  state: z.enum(SWAP_STATES),
  requestedAt: z.string(),
  may: z.object({ decide: z.boolean() }),
});
export const DutySwapListSchema = z.object({ items: z.array(DutySwapSchema) });
export const DutySwapListQuerySchema = z.object({ unitId: id, state: z.enum(SWAP_STATES).optional() });
export const DutySwapDecideSchema = z.object({ approve: z.boolean() });

/** The workbench card: who is on duty today and whom to call now, in my units and the centre. */
export const DutyTodaySchema = z.object({
  date: z.string(),
  units: z.array(
    z.object({
      unit: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }),
      today: z.array(z.object({ shift: z.enum(DUTY_SHIFTS), person: person.nullable(), lead: person.nullable() })),
      now: z.object({ shift: z.enum(DUTY_SHIFTS), date: z.string(), person: person.nullable(), lead: person.nullable() }).describe('现在请联系: the shift covering this moment'),
    }),
  ),
  mine: z.array(z.object({ date: z.string(), shift: z.enum(DUTY_SHIFTS), unitName: z.string() })).describe('My next shifts (7 days)'),
  claimedCases: z.number().int().describe('Cases waiting in the dispatch queue that came to me on duty'),
});

export const DutyExportQuerySchema = DutyWeekQuerySchema;
export const DutyExportParamsSchema = z.object({ format: z.enum(['xlsx', 'pdf']) });

// ——— leave ———

export const LeaveApplySchema = z
  .object({
    kind: z.enum(LEAVE_KINDS),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema,
    reason: text(1000),
    unitId: id.optional().describe('The unit approving it; default: my first unit'),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'ends_before_start' });
export type LeaveApply = z.infer<typeof LeaveApplySchema>;

export const LeaveSchema = z.object({
  id: z.string(),
  person: person,
  unit: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(LEAVE_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  days: z.number().int().describe('Calendar days'),
  workingDays: z.number().int().describe('Working days in the calendar'),
  reason: z.string(),
  state: z.enum(LEAVE_STATES),
  appliedAt: z.string(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  openCases: z.number().int().describe('Open cases the person handles (to reassign while away)'),
  may: z.object({ decide: z.boolean(), cancel: z.boolean(), reassign: z.boolean() }),
});
export const LeaveListQuerySchema = z.object({
  view: z.enum(['mine', 'approve']).default('mine').describe('mine: my applications; approve: those of units I approve for'),
  state: z.enum(LEAVE_STATES).optional(),
});
export const LeaveListSchema = z.object({ items: z.array(LeaveSchema) });
export const LeaveIdParams = z.object({ id });
export const LeaveDecideSchema = z.object({ approve: z.boolean(), note: z.string().trim().max(500).optional() });

export const LeaveOpenCasesSchema = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), status: z.string(), currentDueAt: z.string().nullable() })),
  handlers: z.array(person).describe('Colleagues of the unit who may take them (not on leave)'),
});
export const LeaveReassignSchema = z.object({
  toUserId: id,
  caseIds: z.array(id).min(1).max(200).optional().describe('Default: every open case listed'),
});
export const LeaveReassignResultSchema = z.object({ reassigned: z.number().int(), to: person });

// ——— attendance ———

export const AttendanceQuerySchema = z.object({
  unitId: id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});
export type AttendanceQuery = z.infer<typeof AttendanceQuerySchema>;

export const AttendanceSheetSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  month: z.string(),
  dates: z.array(z.object({ date: z.string(), working: z.boolean() })),
  rows: z.array(
    z.object({
      person,
      marks: z.array(z.enum(ATTENDANCE_MARKS)).describe('One per date'),
      corrected: z.array(z.string()).describe('Dates whose mark is a correction'),
      present: z.number().int(),
      leave: z.number().int(),
      absent: z.number().int(),
      trip: z.number().int(),
    }),
  ),
  may: z.object({ correct: z.boolean() }),
});

export const AttendanceCorrectSchema = z.object({
  unitId: id,
  userId: id,
  date: LocalDateSchema,
  status: z.enum(ATTENDANCE_CORRECTIONS),
  reason: text(500).describe('Why the record is corrected (audited)'),
});
export type AttendanceCorrect = z.infer<typeof AttendanceCorrectSchema>;

export const dutyEndpoints = defineEndpoints({
  'GET /api/duty/roster': { tag: 'duty', summary: '值班表 A unit’s roster by day and shift', query: DutyWeekQuerySchema, response: DutyRosterSchema },
  'PUT /api/duty/roster': { tag: 'duty', summary: '排班 Save slots of a unit’s roster', body: DutyRosterSaveSchema, response: DutyRosterSchema },
  'GET /api/duty/roster.:format': { tag: 'duty', summary: '导出值班表 The roster as Excel or a printable PDF', params: DutyExportParamsSchema, query: DutyExportQuerySchema, file: [MEDIA.xlsx, MEDIA.pdf] },
  'GET /api/duty/swaps': { tag: 'duty', summary: '调班申请 Swap requests of a unit', query: DutySwapListQuerySchema, response: DutySwapListSchema },
  'POST /api/duty/swaps': { tag: 'duty', summary: '申请调班 Ask to hand a shift to a colleague', body: DutySwapRequestSchema, status: 201, response: DutySwapSchema },
  'POST /api/duty/swaps/:id/decide': { tag: 'duty', summary: '审批调班 Approve or refuse a swap', params: LeaveIdParams, body: DutySwapDecideSchema, response: DutySwapSchema },
  'GET /api/duty/today': { tag: 'duty', summary: '今日值班 Who is on duty today and whom to call now', response: DutyTodaySchema },
  'GET /api/leave': { tag: 'leave', summary: '请假 My applications, or those I approve', query: LeaveListQuerySchema, response: LeaveListSchema },
  'POST /api/leave': { tag: 'leave', summary: '请假申请 Apply for leave', body: LeaveApplySchema, status: 201, response: LeaveSchema },
  'POST /api/leave/:id/decide': { tag: 'leave', summary: '审批请假 Approve or refuse', params: LeaveIdParams, body: LeaveDecideSchema, response: LeaveSchema },
  'POST /api/leave/:id/cancel': { tag: 'leave', summary: '撤回请假 Withdraw my application', params: LeaveIdParams, response: LeaveSchema },
  'GET /api/leave/:id/open-cases': { tag: 'leave', summary: '在办件 The open cases of the person away', params: LeaveIdParams, response: LeaveOpenCasesSchema },
  'POST /api/leave/:id/reassign': { tag: 'leave', summary: '一键转办 Hand the open cases to a colleague', params: LeaveIdParams, body: LeaveReassignSchema, response: LeaveReassignResultSchema },
  'GET /api/attendance': { tag: 'attendance', summary: '考勤表 The monthly attendance sheet of a unit', query: AttendanceQuerySchema, response: AttendanceSheetSchema },
  'GET /api/attendance.xlsx': { tag: 'attendance', summary: '导出考勤表 The sheet as Excel', query: AttendanceQuerySchema, file: [MEDIA.xlsx] },
  'POST /api/attendance/corrections': { tag: 'attendance', summary: '考勤更正 Correct a day (unit head, with a reason)', body: AttendanceCorrectSchema, response: AttendanceSheetSchema },
});

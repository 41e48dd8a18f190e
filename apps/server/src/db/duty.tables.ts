/**
 * Row types of the duty, leave and attendance tables (migration 2026120701_duty_leave).
 * `DB` in schema.ts extends this.
 */
import type { Selectable } from 'kysely';

export interface DutyShiftTable {
  id: string;
  unitId: string;
  date: string;
  shift: string;
  userId: string | null;
  leadUserId: string | null;
  updatedBy: string | null;
  updatedAt: string;
}
export type DutyShiftRow = Selectable<DutyShiftTable>;

export interface DutySwapTable {
  id: string;
  shiftId: string;
  unitId: string;
  fromUserId: string | null;
  toUserId: string;
  reason: string;
  state: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}
export type DutySwapRow = Selectable<DutySwapTable>;

export interface DutyCaseClaimTable {
  caseId: string;
  userId: string;
  unitId: string;
  shiftId: string;
  claimedAt: string;
}

export interface DutyGapNoticeTable {
  unitId: string;
  date: string;
  shift: string;
  notifiedAt: string;
}

export interface LeaveTable {
  id: string;
  userId: string;
  unitId: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  state: string;
  appliedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}
export type LeaveRow = Selectable<LeaveTable>;

export interface AttendanceCorrectionTable {
  userId: string;
  date: string;
  status: string;
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

export interface DutyTables {
  dutyShifts: DutyShiftTable;
  dutySwaps: DutySwapTable;
  dutyCaseClaims: DutyCaseClaimTable;
  dutyGapNotices: DutyGapNoticeTable;
  leaves: LeaveTable;
  attendanceCorrections: AttendanceCorrectionTable;
}

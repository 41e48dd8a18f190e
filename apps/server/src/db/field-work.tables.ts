/**
 * Row types of the field-work tables (migration 2026112109_field_work): visits, check-ins,
 * stationing, joint office days, leader reception days and campaigns. `DB` in schema.ts extends
 * this, so every module can query them with Kysely's CamelCasePlugin names.
 */

import type { AppointmentChannel, AppointmentStatus } from '@lianxin/core';

type Flag = number; // 0 | 1

export interface VisitTable {
  id: string;
  cadreUserId: string;
  kind: string;
  occurredAt: string;
  /** China-time date of occurredAt (YYYY-MM-DD): the day the stationing rule counts. */
  localDate: string;
  areaCode: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  checkedIn: Flag;
  accuracyM: number | null;
  notes: string | null;
  /** JSON array of delivery codes (policy | warmth | service). */
  delivered: string;
  campaignId: string | null;
  caseId: string | null;
  createdAt: string;
}

export interface VisitHouseholdTable {
  visitId: string;
  householdId: string;
}

export interface VisitPhotoTable {
  visitId: string;
  attachmentId: string;
  sort: number;
}

export interface VisitProblemTable {
  id: string;
  visitId: string;
  seq: number;
  text: string;
  categoryCode: string | null;
  householdId: string | null;
  caseId: string | null;
  convertedAt: string | null;
  convertedBy: string | null;
}

export interface CheckInTable {
  id: string;
  cadreUserId: string;
  at: string;
  localDate: string;
  areaCode: string;
  lat: number;
  lng: number;
  accuracyM: number | null;
  visitId: string | null;
}

export interface StationingAssignmentTable {
  id: string;
  cadreUserId: string;
  villageCode: string;
  startsOn: string;
  endsOn: string | null;
  minDaysPerWeek: number | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OfficeDayScheduleTable {
  id: string;
  villageCode: string;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  weekday: number;
  place: string | null;
  isActive: Flag;
  createdAt: string;
  updatedAt: string;
}

export interface OfficeDaySessionTable {
  id: string;
  villageCode: string;
  date: string;
  scheduleId: string | null;
  place: string | null;
  createdAt: string;
}

export interface OfficeDayAttendanceTable {
  sessionId: string;
  userId: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface ReceptionSessionTable {
  id: string;
  leaderUserId: string;
  areaCode: string;
  startsAt: string;
  endsAt: string;
  place: string;
  topic: string | null;
  capacity: number;
  isPublished: Flag;
  isCancelled: Flag;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReceptionAppointmentTable {
  id: string;
  sessionId: string;
  nameEnc: string;
  phoneEnc: string;
  phoneKey: string;
  matter: string;
  status: AppointmentStatus;
  channel: AppointmentChannel;
  caseId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReceptionSessionCaseTable {
  sessionId: string;
  caseId: string;
  linkedBy: string | null;
  linkedAt: string;
}

export interface CampaignTable {
  id: string;
  name: string;
  areaCode: string;
  startsOn: string;
  endsOn: string;
  description: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignTargetTable {
  campaignId: string;
  householdId: string;
  areaCode: string;
  cadreUserId: string | null;
  visitedAt: string | null;
  visitId: string | null;
  addedAt: string;
}

/** The field-work tables, by their Kysely (camelCase) names. */
export interface FieldWorkTables {
  visits: VisitTable;
  visitHouseholds: VisitHouseholdTable;
  visitPhotos: VisitPhotoTable;
  visitProblems: VisitProblemTable;
  checkIns: CheckInTable;
  stationingAssignments: StationingAssignmentTable;
  officeDaySchedules: OfficeDayScheduleTable;
  officeDaySessions: OfficeDaySessionTable;
  officeDayAttendance: OfficeDayAttendanceTable;
  receptionSessions: ReceptionSessionTable;
  receptionAppointments: ReceptionAppointmentTable;
  receptionSessionCases: ReceptionSessionCaseTable;
  campaigns: CampaignTable;
  campaignTargets: CampaignTargetTable;
}

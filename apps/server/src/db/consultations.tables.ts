/**
 * Row types of the consultation and needs-survey tables (migrations 2026120721_consultations,
 * 2026120722_surveys): 征求意见, its meetings and opinions, the portal's SMS codes, 问需 surveys and
 * their answers. `DB` in schema.ts extends this.
 */
import type { Selectable } from 'kysely';

type Flag = number; // 0 | 1

export interface ConsultationTable {
  id: string;
  title: string;
  background: string;
  areaCode: string;
  tagCodes: string;
  householdIds: string;
  groups: string;
  questions: string;
  rule: string;
  opensOn: string;
  closesOn: string;
  projectId: string | null;
  decision: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdBy: string | null;
  createdAt: string;
}
export type ConsultationRow = Selectable<ConsultationTable>;

export interface ConsultationOptionTable {
  id: string;
  consultationId: string;
  label: string;
  sort: number;
}

export interface ConsultationAttachmentTable {
  consultationId: string;
  attachmentId: string;
}

export interface ConsultationMeetingTable {
  id: string;
  consultationId: string;
  kind: string;
  heldAt: string;
  place: string;
  minutes: string;
  isPublic: Flag;
  voting: string;
  recordedBy: string | null;
  createdAt: string;
}
export type ConsultationMeetingRow = Selectable<ConsultationMeetingTable>;

export interface ConsultationMeetingCountTable {
  meetingId: string;
  optionId: string;
  count: number;
}

export interface ConsultationAttendeeTable {
  id: string;
  meetingId: string;
  nameEnc: string;
  nameMasked: string;
  householdId: string | null;
  role: string | null;
  signedInAt: string | null;
  optionId: string | null;
  sort: number;
  /** The registry member who signed in at the door (QR + SMS code); unique per meeting. */
  memberId: string | null;
  /** staff | door (null before migration 2026120801). */
  via: string | null;
}
export type ConsultationAttendeeRow = Selectable<ConsultationAttendeeTable>;

export interface ConsultationOpinionTable {
  id: string;
  consultationId: string;
  voterKey: string;
  channel: string;
  householdId: string;
  memberId: string | null;
  areaCode: string;
  optionId: string | null;
  text: string;
  phoneEnc: string | null;
  recordedBy: string | null;
  visitId: string | null;
  createdAt: string;
  response: string | null;
  reason: string | null;
  respondedAt: string | null;
}
export type ConsultationOpinionRow = Selectable<ConsultationOpinionTable>;

export interface ConsultationCodeTable {
  id: string;
  subject: string;
  phoneKey: string;
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface SurveyTable {
  id: string;
  title: string;
  intro: string;
  areaCode: string;
  tagCodes: string;
  questions: string; // JSON
  opensOn: string;
  closesOn: string;
  projectId: string | null;
  createdBy: string | null;
  createdAt: string;
}
export type SurveyRow = Selectable<SurveyTable>;

export interface SurveyAnswerTable {
  id: string;
  surveyId: string;
  householdId: string;
  areaCode: string;
  channel: string;
  answers: string; // JSON
  recordedBy: string | null;
  visitId: string | null;
  createdAt: string;
}
export type SurveyAnswerRow = Selectable<SurveyAnswerTable>;

/** The tables of the consultations module. */
export interface ConsultationTables {
  consultations: ConsultationTable;
  consultationOptions: ConsultationOptionTable;
  consultationAttachments: ConsultationAttachmentTable;
  consultationMeetings: ConsultationMeetingTable;
  consultationMeetingCounts: ConsultationMeetingCountTable;
  consultationAttendees: ConsultationAttendeeTable;
  consultationOpinions: ConsultationOpinionTable;
  consultationCodes: ConsultationCodeTable;
  surveys: SurveyTable;
  surveyAnswers: SurveyAnswerTable;
}

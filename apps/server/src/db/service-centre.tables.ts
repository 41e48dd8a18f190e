/**
 * Row types of the service centre (migration 2026120741_service_centre): the catalogue,
 * applications with materials and events, committee meetings and votes, objections to the 公示.
 * `DB` in schema.ts extends this.
 */
import type { Selectable } from 'kysely';

type Flag = number; // 0 | 1

export interface ServiceItemTable {
  id: string;
  code: string;
  name: string;
  category: string;
  level: string;
  unitId: string;
  materials: string;
  conditions: string;
  limitDays: number;
  limitUnit: string;
  fee: string;
  proxyAllowed: Flag;
  needsCollective: Flag;
  publicityDays: number;
  quorumPercent: number;
  voteRule: string;
  active: Flag;
  createdAt: string;
  updatedAt: string;
}
export type ServiceItemRow = Selectable<ServiceItemTable>;

export interface ServiceApplicationTable {
  id: string;
  number: string;
  itemId: string;
  channel: string;
  state: string;
  areaCode: string;
  decidingAreaCode: string;
  householdId: string | null;
  applicantNameEnc: string;
  applicantPhoneEnc: string;
  applicantIdEnc: string | null;
  applicantMasked: string;
  phoneMasked: string;
  summary: string;
  proxyUserId: string | null;
  createdBy: string | null;
  submittedAt: string;
  clockStartAt: string | null;
  dueAt: string | null;
  dueLevel: string;
  escalationLevel: number;
  overdueAtDecision: Flag | null;
  decidedAt: string | null;
  decisionReason: string | null;
  meetingId: string | null;
  tally: string | null;
  publicityStartsAt: string | null;
  publicityEndsAt: string | null;
  deliveredAt: string | null;
  evaluationResult: string | null;
  evaluationComment: string | null;
  evaluatedAt: string | null;
  round: number;
}
export type ServiceApplicationRow = Selectable<ServiceApplicationTable>;

export interface ServiceApplicationMaterialTable {
  id: string;
  applicationId: string;
  position: number;
  name: string;
  state: string;
  note: string | null;
  attachmentIds: string;
}
export type ServiceMaterialRow = Selectable<ServiceApplicationMaterialTable>;

export interface ServiceApplicationEventTable {
  id: string;
  applicationId: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorUserId: string | null;
  note: string | null;
  at: string;
  seq: number;
}

export interface ServiceMeetingTable {
  id: string;
  title: string;
  unitId: string;
  areaCode: string;
  heldAt: string;
  members: string;
  createdBy: string;
  createdAt: string;
}
export type ServiceMeetingRow = Selectable<ServiceMeetingTable>;

export interface ServiceVoteTable {
  meetingId: string;
  applicationId: string;
  votes: string | null;
  outcome: string | null;
}

export interface ServiceObjectionTable {
  id: string;
  applicationId: string;
  channel: string;
  content: string;
  contactPhoneEnc: string | null;
  state: string;
  finding: string | null;
  upheld: Flag | null;
  answer: string | null;
  recordedBy: string | null;
  answeredBy: string | null;
  createdAt: string;
  answeredAt: string | null;
}
export type ServiceObjectionRow = Selectable<ServiceObjectionTable>;

export interface ServiceCentreTables {
  serviceItems: ServiceItemTable;
  serviceApplications: ServiceApplicationTable;
  serviceApplicationMaterials: ServiceApplicationMaterialTable;
  serviceApplicationEvents: ServiceApplicationEventTable;
  serviceMeetings: ServiceMeetingTable;
  serviceVotes: ServiceVoteTable;
  serviceObjections: ServiceObjectionTable;
}

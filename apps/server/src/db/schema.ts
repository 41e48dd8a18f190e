import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AlertKind, AlertStatus } from '@lianxin/core';
import type { FieldWorkTables } from './field-work.tables.js';
// — supervision —
import type { SupervisionTables } from './supervision.tables.js';
import type { HardCaseTables } from './hard-cases.tables.js'; // — hard-cases —
import type { BulletinTables } from './bulletins.tables.js';
import type { DutyTables } from './duty.tables.js'; // — duty, leave and attendance —
import type { EvaluationTables } from './evaluation.tables.js'; // — evaluation —
import type { ProjectTables } from './projects.tables.js'; // — projects —
import type { MapFeatureTables } from './map-features.tables.js'; // — screens —
import type { JobTables } from './jobs.tables.js'; // — several processes —
import type { ConsultationTables } from './consultations.tables.js'; // — consultations —
import type { ServiceCentreTables } from './service-centre.tables.js'; // — service centre —
import type { IdempotencyTables } from './idempotency.tables.js'; // — offline —
import type { RollupTables } from './rollups.tables.js'; // — metrics rollups —

/**
 * Kysely's view of the tables (camelCase, mapped to snake_case by CamelCasePlugin).
 * Times are ISO-8601 UTC strings, booleans 0/1 numbers — see the initial migration for why.
 */
export interface DB extends FieldWorkTables, /* — supervision — */ SupervisionTables, /* — hard-cases — */ HardCaseTables, BulletinTables, /* — evaluation — */ EvaluationTables, /* — projects — */ ProjectTables, /* — screens — */ MapFeatureTables, /* — consultations — */ ConsultationTables, /* — service centre — */ ServiceCentreTables, /* — offline — */ IdempotencyTables {
  areas: AreaTable;
  units: UnitTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  categories: CategoryTable;
  suggestKeywords: SuggestKeywordTable;
  timeLimitRules: TimeLimitRuleTable;
  calendarDays: CalendarDayTable;
  settings: SettingTable;
  counters: CounterTable;
  cases: CaseTable;
  caseEvents: CaseEventTable;
  caseCoUnits: CaseCoUnitTable;
  caseExtensions: CaseExtensionTable;
  attachments: AttachmentTable;
  accountabilityRecords: AccountabilityRecordTable;
  outbox: OutboxTable;
  auditLog: AuditLogTable;
  alerts: AlertTable;
  portalOtps: PortalOtpTable;
  households: HouseholdTable;
  householdMembers: HouseholdMemberTable;
  householdTags: HouseholdTagTable;
  householdHelp: HouseholdHelpTable;
  tags: TagTable;
  // — limits and tracking (issue 12) —
  rateLimits: RateLimitTable;
  trackingSecrets: TrackingSecretTable;
  // — notices —
  noticePreferences: NoticePreferenceTable;
}

type Flag = number; // 0 | 1

export interface AreaTable {
  code: string;
  parentCode: string | null;
  name: string;
  level: string;
  lat: number | null;
  lng: number | null;
  sort: Generated<number>;
  /** GeoJSON Polygon/MultiPolygon text drawn by the map with no tile service (migration 2026112108). */
  boundary: Generated<string | null>;
}

export interface UnitTable {
  id: string;
  name: string;
  kind: string;
  areaCode: string;
  phone: string | null;
  isActive: Generated<Flag>;
  createdAt: string;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  phoneEnc: string | null;
  passwordHash: string;
  locale: Generated<string>;
  isActive: Generated<Flag>;
  createdAt: string;
  /** Consecutive failed sign-ins (reset by a successful one, or by an admin's unlock). */
  failedSignIns: Generated<number>;
  lastFailedSignInAt: string | null;
  /** Set when too many sign-ins failed; every sign-in is refused until an admin unlocks. */
  lockedAt: string | null;
}

export interface UserRoleTable {
  userId: string;
  unitId: string;
  role: string;
}

export interface SessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface CategoryTable {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string;
  defaultUnitId: string | null;
  sort: Generated<number>;
  isActive: Generated<Flag>;
}

/** Cold-start keywords an admin gave a category (migration 2026120832); `keywords` is a JSON array. */
export interface SuggestKeywordTable {
  categoryCode: string;
  keywords: string;
  updatedBy: string;
  updatedAt: string;
}

export interface TimeLimitRuleTable {
  id: string;
  stage: string;
  kind: string | null;
  categoryCode: string | null;
  urgency: string | null;
  channel: string | null;
  amount: number;
  unit: string;
  note: string | null;
  sort: Generated<number>;
}

export interface CalendarDayTable {
  date: string;
  kind: string;
  name: string;
  provisional: Generated<Flag>;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface CounterTable {
  name: string;
  value: number;
  textValue: string | null;
}

export interface CaseTable {
  id: string;
  code: string;
  channel: string;
  kind: string;
  petitionClass: string | null;
  categoryCode: string;
  title: string;
  content: string;
  requesterNameEnc: string | null;
  requesterPhoneEnc: string | null;
  requesterIdEnc: string | null;
  requesterKey: string | null;
  anonymous: Flag;
  peopleCount: number;
  representatives: string | null;
  areaCode: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  householdId: string | null;
  urgency: string;
  publicConsent: Flag;
  flagCollective: Flag;
  flagRepeat: Flag;
  flagCrossLevel: Flag;
  flagRisk: Flag;
  flagMajor: Flag;
  riskWords: string | null;
  repeatOfId: string | null;
  duplicateOfId: string | null;
  reviewOfId: string | null;
  status: string;
  ownerLevel: string;
  registeredBy: string;
  registeredUnitId: string;
  firstContactUserId: string;
  leaderUserId: string | null;
  currentUnitId: string | null;
  handlerUserId: string | null;
  receivedAt: string;
  registeredAt: string;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  repliedAt: string | null;
  evaluatedAt: string | null;
  closedAt: string | null;
  intakeDueAt: string | null;
  acceptDueAt: string | null;
  handleDueAt: string | null;
  evaluateDueAt: string | null;
  reviewDueAt: string | null;
  clockStartedAt: string | null;
  currentDueAt: string | null;
  dueLevel: string;
  escalationLevel: number;
  replyText: string | null;
  replySolved: Flag | null;
  evaluationResult: string | null;
  evaluationSolved: Flag | null;
  evaluationComment: string | null;
  evaluationChannel: string | null;
  returnCount: number;
  reopenCount: number;
  dissatisfiedCount: number;
  reviewLevel: number;
  extensionDays: number;
  respondedOnTime: Flag | null;
  closedOnTime: Flag | null;
  version: number;
  updatedAt: string;
  // — personal data in free text (migration 2026120604): the originals, encrypted; the columns above hold them masked —
  titleEnc: string | null;
  contentEnc: string | null;
  replyTextEnc: string | null;
  evaluationCommentEnc: string | null;
  // — supervision —
  /** 催办 count (migration 2026120609). */
  urgeCount: Generated<number>;
}

export interface CaseEventTable {
  id: string;
  caseId: string;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  actorLabel: string | null;
  at: string;
  note: string | null;
  data: string | null;
  /** The note's original, encrypted, when it held personal data (the note holds it masked; migration 2026120604). */
  noteEnc: string | null;
}

export interface CaseCoUnitTable {
  caseId: string;
  unitId: string;
  addedAt: string;
  note: string | null;
}

export interface CaseExtensionTable {
  id: string;
  caseId: string;
  days: number;
  reason: string;
  status: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface AttachmentTable {
  id: string;
  caseId: string | null;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: string;
}

export interface AccountabilityRecordTable {
  id: string;
  caseId: string;
  unitId: string | null;
  userId: string | null;
  reason: string;
  stage: string | null;
  note: string | null;
  createdAt: string;
  // — accountability decisions —
  state: Generated<string>;
  appealText: string | null;
  appealedBy: string | null;
  appealedAt: string | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdBy: string | null;
}

export interface OutboxTable {
  id: string;
  channel: string;
  recipientUserId: string | null;
  recipientPhoneEnc: string | null;
  template: string;
  params: string | null;
  body: string;
  caseId: string | null;
  status: string;
  attempts: Generated<number>;
  createdAt: string;
  sentAt: string | null;
  /** The official document that goes with an SMS notice (migration 2026112110). */
  documentType: Generated<string | null>;
  /**
   * The message's secret (a one-time code), encrypted, for the delivery step only: body and params
   * hold it masked. Cleared once the message is delivered, given up or expired (migration 2026112116).
   */
  secretEnc: Generated<string | null>;
  // — notices — what a staff notice is about and links to (migration 2026120606)
  noticeKind: Generated<string | null>;
  targetKind: Generated<string | null>;
  targetId: Generated<string | null>;
}

// — notices — the notice kinds a user also wants by SMS (migration 2026120607)
export interface NoticePreferenceTable {
  userId: string;
  kind: string;
  sms: Flag;
  updatedAt: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
}

/** An early-warning alert (预警); see migration 2026112106. */
export interface AlertTable {
  id: string;
  kind: AlertKind;
  areaCode: string;
  title: string;
  summary: string;
  caseIds: string;
  caseCount: number;
  windowStart: string;
  windowEnd: string;
  status: AlertStatus;
  statusNote: string | null;
  taskCaseId: string | null;
  createdAt: string;
  updatedAt: string;
  fingerprint: string;
  /** A hotspot's topic: JSON { place, matter, categoryCode } (migration 2026120831), null for other kinds. */
  topic: string | null;
}
export type AlertRow = Selectable<AlertTable>;

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type UnitRow = Selectable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type AreaRow = Selectable<AreaTable>;
export type CategoryRow = Selectable<CategoryTable>;

/** A household (户) of the registry 民情档案; see migration 2026112108. */
export interface HouseholdTable {
  id: string;
  areaCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  headNameEnc: string;
  headNameMasked: string;
  contactUserId: string | null;
  /** The household's tags as ",code1,code2," (repeats household_tags for lists and the map). */
  tagCodes: Generated<string>;
  memberCount: Generated<number>;
  needs: string | null;
  notes: string | null;
  archivedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
  changeSeq: Generated<number>;
}
export type HouseholdRow = Selectable<HouseholdTable>;

export interface HouseholdMemberTable {
  id: string;
  householdId: string;
  nameEnc: string;
  nameMasked: string;
  relationship: string;
  isHead: Generated<Flag>;
  gender: string | null;
  birthDate: string | null;
  idNumberEnc: string | null;
  idNumberKey: string | null;
  phoneEnc: string | null;
  phoneKey: string | null;
  note: string | null;
  sort: Generated<number>;
  createdAt: string;
  updatedAt: string;
}
export type HouseholdMemberRow = Selectable<HouseholdMemberTable>;

export interface HouseholdTagTable {
  householdId: string;
  tagCode: string;
}

/** Household tags (低保, 特困 … built in; admins add more). */
export interface TagTable {
  code: string;
  nameZh: string;
  nameEn: string;
  color: string;
  isBuiltin: Generated<Flag>;
  isActive: Generated<Flag>;
  sort: Generated<number>;
  createdAt: string;
}
export type TagRow = Selectable<TagTable>;

/** Help a household received (帮扶记录). */
export interface HouseholdHelpTable {
  id: string;
  householdId: string;
  kind: string;
  description: string;
  amount: number | null;
  unitId: string | null;
  provider: string | null;
  givenOn: string;
  recordedBy: string | null;
  createdAt: string;
}
export type HouseholdHelpRow = Selectable<HouseholdHelpTable>;

/** A one-time SMS code for tracking a case (migration 2026112110); only its keyed hash is kept. */
export interface PortalOtpTable {
  id: string;
  caseId: string;
  otpHash: string;
  attempts: Generated<number>;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

// — limits and tracking (issue 12) —

/** A rate-limit counter shared by every server process (migration 2026120602). */
export interface RateLimitTable {
  /** A keyed hash of the limit's name and what it counts (an address, a phone, a user name …). */
  key: string;
  count: number;
  windowStart: string;
  lastAt: string;
  expiresAt: string;
}

/** The keyed hash of a case's 查询码 (migration 2026120603). */
export interface TrackingSecretTable {
  caseId: string;
  secretHash: string;
  createdAt: string;
}

// — duty, leave and attendance — (declaration merging: DB also extends the duty tables)
export interface DB extends DutyTables {}

// — metrics rollups — (declaration merging: DB also extends the rollup tables)
export interface DB extends RollupTables {}
// — several processes (issue 19) — the job queue's dead letters
export interface DB extends JobTables {}

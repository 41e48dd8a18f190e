/**
 * The fixed vocabulary of the platform: the codes stored in the database and sent over the API.
 * Labels for people live in `labels.ts`; these are the stable identifiers.
 */

/** 诉求类型: what kind of matter a resident brings. */
export const CASE_KINDS = ['inquiry', 'help', 'complaint', 'report', 'suggestion', 'praise', 'petition'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** 信访 classes of the 2022 信访工作条例 (only for kind `petition`). */
export const PETITION_CLASSES = ['proposal', 'accusation', 'appeal'] as const;
export type PetitionClass = (typeof PETITION_CLASSES)[number];

/** 来源渠道: how the matter reached the platform. */
export const CHANNELS = [
  'visit',
  'phone',
  'letter',
  'online',
  'field',
  'joint_office',
  'leader_reception',
  'transfer',
  'proactive',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** 紧急程度. */
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Staff roles of SPEC §1 (residents have no account). */
export const ROLES = [
  'registrar',
  'dispatcher',
  'handler',
  'unit_head',
  'leader',
  'supervisor',
  'stationed_cadre',
  'admin',
  // — evaluation — the organisation department (组织部/考核办): evaluation, awards, mentoring, training
  'org_department',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may register cases (in their own area) — the server's rule, which the console's buttons follow. */
export const REGISTERING_ROLES: readonly Role[] = ['registrar', 'dispatcher', 'stationed_cadre', 'leader', 'unit_head', 'supervisor'];

/** Levels of the area tree; codes follow the 12-digit 统计用区划代码, grids extend a village code by 3 digits. */
export const AREA_LEVELS = ['province', 'city', 'county', 'township', 'village', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Unit kinds (单位类型). */
export const UNIT_KINDS = ['department', 'township', 'village', 'center', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 群众评议 answers. */
export const EVALUATION_RESULTS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];

/** Automatic and manual flags on a case. */
export const CASE_FLAGS = ['collective', 'repeat', 'cross_level', 'risk', 'major', 'long_standing'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

/** Why an accountability record (责任追究) was written. */
export const ACCOUNTABILITY_REASONS = ['overdue', 'returned_without_reason', 'dissatisfied_twice', /* — supervision — */ 'supervision_overdue'] as const;
export type AccountabilityReason = (typeof ACCOUNTABILITY_REASONS)[number];

/** A collective case (集体访) has at least this many people. */
export const COLLECTIVE_MIN_PEOPLE = 5;
/** Window in which a similar matter from the same requester counts as a repeat (重复访). */
export const REPEAT_WINDOW_DAYS = 180;
/** Similarity above which two matters from one requester are "the same matter". */
export const REPEAT_SIMILARITY = 0.35;

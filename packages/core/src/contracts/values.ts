/**
 * The plain values of the contracts that screens use (the vocabularies of lists, patterns, labels):
 * here, apart from the Zod schemas that use them, so a page that needs a list of kinds loads no
 * schema and no Zod (see ARCHITECTURE.md, "Fast pages"). Each contract file re-exports its own.
 */
import { CASE_ACTION_PATHS, type StaffAction } from '../case-machine.js';
import type { LimitUnit } from '../time-limit.js';
import type { LimitStage } from '../time-limit-rules.js';

type Pair = [zh: string, en: string];
// The vocabularies' types are the contract files' to export; here they are only spelled out.
type AlertStatus = (typeof ALERT_STATUSES)[number];
type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
type ConsultationRule = (typeof CONSULTATION_RULES)[number];
type ConsultationGroup = (typeof CONSULTATION_GROUPS)[number];
type ConsultationState = (typeof CONSULTATION_STATES)[number];
type MeetingKind = (typeof MEETING_KINDS)[number];
type OpinionChannel = (typeof OPINION_CHANNELS)[number];
type OpinionResponse = (typeof OPINION_RESPONSES)[number];
type HelpKind = (typeof HELP_KINDS)[number];
type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];

// — accountability —
/**
 * Where an accountability record (责任追究) comes from: the automatic reasons of the vocabulary
 * (overdue, return without a valid reason, dissatisfied twice), an unanswered supervision order
 * (written by the supervision module) and a supervisor's manual entry.
 */
export const ACCOUNTABILITY_SOURCES = ['overdue', 'returned_without_reason', 'dissatisfied_twice', 'supervision_overdue', 'manual'] as const;
/** proposed → confirmed | withdrawn; or proposed → appealed (申诉, by the unit) → confirmed | withdrawn. */
export const ACCOUNTABILITY_STATES = ['proposed', 'appealed', 'confirmed', 'withdrawn'] as const;

// — alerts —
/** Kinds of early-warning alert (预警, SPEC §8). */
export const ALERT_KINDS = ['hotspot', 'repeat_requester', 'risk_words'] as const;
/** open → acknowledged → task_created | dismissed (an open alert may also go straight to either). */
export const ALERT_STATUSES = ['open', 'acknowledged', 'task_created', 'dismissed'] as const;
/** Whether an alert can still be acknowledged, dismissed or made a task (server and console). */
export const isAlertOpen = (a: { status: AlertStatus }): boolean => a.status === 'open' || a.status === 'acknowledged';

// — field-days —
export const APPOINTMENT_STATUSES = ['requested', 'confirmed', 'done', 'cancelled'] as const;
/** Where an appointment may move: requested → confirmed → done, and cancelled from either (server and console). */
export const APPOINTMENT_NEXT: Record<AppointmentStatus, ReadonlyArray<Exclude<AppointmentStatus, 'requested'>>> = {
  requested: ['confirmed', 'done', 'cancelled'],
  confirmed: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

// — duty —
export const ATTENDANCE_CORRECTIONS = ['present', 'absent', 'leave', 'trip'] as const;
export const LEAVE_KINDS = ['sick', 'personal', 'annual', 'other'] as const;

// — bulletins —
/** 周报 weekly | 月报 monthly. */
export const BULLETIN_KINDS = ['weekly', 'monthly'] as const;
/** A typical case chosen by staff: 正面 good | 反面 bad. */
export const TYPICAL_KINDS = ['good', 'bad'] as const;

// — case —
/** The operation of a staff action: `POST /api/cases/:id/<CASE_ACTION_PATHS[action]>`. */
export type CaseActionKey<A extends StaffAction = StaffAction> = `POST /api/cases/:id/${(typeof CASE_ACTION_PATHS)[A]}`;
/** Orders of the ledger (台账): by registration time or by the current deadline (cases without one last). */
export const CASE_LIST_SORTS = ['registered_desc', 'registered_asc', 'due_asc', 'due_desc'] as const;
/** The operation key of `action` (the web posts an action through it). */
export const caseActionKey = <A extends StaffAction>(action: A): CaseActionKey<A> => `POST /api/cases/:id/${CASE_ACTION_PATHS[action]}`;

// — consultations —
/** The groups a consultation may address besides the households: 党员代表, 群众代表. */
export const CONSULTATION_GROUPS = ['party_reps', 'people_reps'] as const;
/** Where an opinion came from: the portal (verified by SMS) or a cadre on a visit (代为录入). */
export const OPINION_CHANNELS = ['portal', 'cadre'] as const;
/** open: taking opinions (until its period ends); decided: the decision is published. */
export const CONSULTATION_STATES = ['open', 'closed', 'decided'] as const;
/** One opinion per household (户) or one per verified resident (人). */
export const CONSULTATION_RULES = ['household', 'resident'] as const;
/** 村两委会 · 党员代表会 · 群众代表会 · 恳谈会. */
export const MEETING_KINDS = ['committees', 'party_reps', 'people_reps', 'forum'] as const;
/** 采纳 · 部分采纳 · 不采纳. */
export const OPINION_RESPONSES = ['adopted', 'partly', 'not_adopted'] as const;
/** People-facing names of the consultation vocabulary, in both languages. */
export const CONSULTATION_LABELS = {
  rule: { household: ['一户一票', 'One per household'], resident: ['一人一票（核验居民）', 'One per verified resident'] } satisfies Record<ConsultationRule, Pair>,
  group: { party_reps: ['党员代表', 'Party members’ representatives'], people_reps: ['群众代表', 'Residents’ representatives'] } satisfies Record<ConsultationGroup, Pair>,
  meeting: {
    committees: ['村两委会', 'Village committees'],
    party_reps: ['党员代表会', 'Party representatives’ meeting'],
    people_reps: ['群众代表会', 'Residents’ representatives’ meeting'],
    forum: ['恳谈会', 'Consultation forum'],
  } satisfies Record<MeetingKind, Pair>,
  channel: { portal: ['网上征求', 'Online'], cadre: ['干部走访代录', 'Entered by a cadre on a visit'] } satisfies Record<OpinionChannel, Pair>,
  response: { adopted: ['采纳', 'Adopted'], partly: ['部分采纳', 'Partly adopted'], not_adopted: ['不采纳', 'Not adopted'] } satisfies Record<OpinionResponse, Pair>,
  state: { open: ['征求中', 'Open'], closed: ['已截止', 'Closed'], decided: ['已决策公布', 'Decided'] } satisfies Record<ConsultationState, Pair>,
} as const;
/** The label of a consultation code in `locale`. */
export function consultationLabel<K extends keyof typeof CONSULTATION_LABELS>(kind: K, code: keyof (typeof CONSULTATION_LABELS)[K], locale: string): string {
  const pair = (CONSULTATION_LABELS[kind] as Record<string, Pair>)[code as string];
  return pair ? (locale === 'en-US' ? pair[1] : pair[0]) : String(code);
}

// — projects —
/** What a disclosure is: 政策 policy, 办法 method, 补偿标准 standard, 名单 list, 会议纪要 minutes, 公告 notice. */
export const DISCLOSURE_KINDS = ['policy', 'method', 'standard', 'list', 'minutes', 'notice'] as const;

// — hard-cases —
/** Why a case is on the list: open over N days, or reopened at least M times. */
export const HARD_CASE_REASONS = ['age', 'reopens'] as const;
/** planned → held (minutes locked). */
export const MEETING_STATUSES = ['planned', 'held'] as const;
/** What a joint review decides on a case. */
export const REVIEW_DECISIONS = ['assign_leader', 'task_force', 'new_date', 'close'] as const;

// — households —
/** 与户主关系: how a member relates to the head of the household. */
export const HOUSEHOLD_RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'child_in_law', 'other'] as const;
/** Chinese and English names of the relationships (also the values accepted by the Excel import). */
export const RELATIONSHIP_LABELS: Record<HouseholdRelationship, [zh: string, en: string]> = {
  head: ['户主', 'Head'],
  spouse: ['配偶', 'Spouse'],
  child: ['子女', 'Child'],
  parent: ['父母', 'Parent'],
  grandchild: ['孙子女', 'Grandchild'],
  grandparent: ['祖父母', 'Grandparent'],
  sibling: ['兄弟姐妹', 'Sibling'],
  child_in_law: ['儿媳/女婿', 'Child-in-law'],
  other: ['其他', 'Other'],
};
/** 帮扶类型: kinds of help a household receives. */
export const HELP_KINDS = ['subsidy', 'goods', 'service', 'policy', 'medical', 'education', 'employment', 'housing', 'other'] as const;
export const HELP_KIND_LABELS: Record<HelpKind, [zh: string, en: string]> = {
  subsidy: ['资金补助', 'Cash subsidy'],
  goods: ['物资慰问', 'Goods'],
  service: ['上门服务', 'Home service'],
  policy: ['政策落实', 'Policy benefit'],
  medical: ['医疗救助', 'Medical aid'],
  education: ['助学帮扶', 'Education aid'],
  employment: ['就业帮扶', 'Employment aid'],
  housing: ['住房保障', 'Housing aid'],
  other: ['其他', 'Other'],
};

// — admin —
/** Every stage a time limit can govern (see `LimitStage`). */
export const LIMIT_STAGES = [
  'intake',
  'accept',
  'handle',
  'extension',
  'evaluate',
  'review_request',
  'review',
  'rereview_request',
  'rereview',
] as const satisfies readonly LimitStage[];
/** How a time limit is counted (see `LimitUnit`). */
export const LIMIT_UNITS = ['hours', 'natural_days', 'working_days'] as const satisfies readonly LimitUnit[];

// — service-centre —
/** Who decides a service: village proxy point 代办点 / community window 社区窗口 / township centre 乡镇中心 / county department 县级部门. */
export const SERVICE_LEVELS = ['village', 'community', 'township', 'county'] as const;
/** A material's state on the checklist: present 已交, missing 缺, to correct 需补正. */
export const MATERIAL_STATES = ['present', 'missing', 'to_correct'] as const;

// — mentoring —
export const MENTOR_RECORD_KINDS = ['visit', 'case', 'study', 'other'] as const;
export const REVIEW_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;

// — metrics —
/** How GET /api/metrics groups the cases. */
export const METRIC_GROUPINGS = ['unit', 'area', 'category', 'month'] as const;

// — notifications —
/**
 * Kinds of staff notice: what a notice is about, for filters and for the SMS preferences. A module
 * that adds notices adds its kind here and its label (`noticeKind` in labels.ts); a template named
 * `notice.<kind>…` (e.g. `notice.supervision_issued`) belongs to that kind without more wiring.
 */
export const NOTICE_KINDS = ['step', 'risk', 'escalation', 'due_soon', 'alert', 'account', 'supervision', 'urge', 'instruction', 'hard_case', 'bulletin', /* — duty — */ 'duty', /* — service centre — */ 'service', 'other'] as const;
/** Statuses of an SMS in the outbox: waiting, handed to the operator, kept locally, given up. */
export const OUTBOX_SMS_STATUSES = ['pending', 'sent', 'stored', 'failed'] as const;

// — policies —
/** The two kinds of entry of the policy and answer library (政策知识库). */
export const POLICY_KINDS = ['policy', 'answer'] as const;

// — supervision —
/** 一般 general / 重点 key / 挂牌 listed. */
export const SUPERVISION_LEVELS = ['general', 'key', 'listed'] as const;
/** issued → signed → responded → accepted, or returned (→ respond again). */
export const SUPERVISION_STATES = ['issued', 'signed', 'responded', 'returned', 'accepted'] as const;

// — portal —
/** Tracking codes read LX20261121-000123 (the server's schema and the portal's form both check it). */
export const TRACKING_CODE_PATTERN = /^LX\d{8}-\d{6}$/;
/**
 * 查询码: the secret given with the tracking code (8 characters of Crockford's base32, 40 random
 * bits). Case, spaces and dashes do not matter; O reads 0 and I or L read 1.
 */
export const TRACKING_SECRET_PATTERN = /^[0-9A-Z][0-9A-Z -]{6,9}[0-9A-Z]$/;

// — field-work —
/** A 12-digit area code or a 15-digit grid code. */
export const AREA_CODE_PATTERN = /^\d{12}(\d{3})?$/;
/** Whether `d` is a real China-time date written YYYY-MM-DD (a round trip through Date refuses 2026-02-30, which Date would roll into March). */
export const isLocalDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(Date.parse(d)).toISOString().slice(0, 10) === d;
/** Kinds of visit (SPEC §4): 走访, 回访, 约访, 下访, 带案下访. */
export const VISIT_KINDS = ['visit', 'revisit', 'appointment', 'outreach', 'case_outreach'] as const;
/** What a visit delivered (三送): 送政策, 送温暖, 送服务. */
export const VISIT_DELIVERIES = ['policy', 'warmth', 'service'] as const;

// — several processes (issue 19) — scheduled work
/** How scheduled work runs: in the server process (SQLite) or through the PostgreSQL job queue. */
export const JOB_RUNNERS = ['in_process', 'queue'] as const;

/** The scheduled jobs, by name (the names of their queues). */
export const JOB_NAMES = [
  'time-limit-sweep',
  'outbox-delivery',
  'hotspot-scan',
  'suggestion-retrain',
  'supervision-sweep',
  'service-time-limit-sweep',
  'bulletins',
  'duty-routing',
  'duty-gaps',
] as const;

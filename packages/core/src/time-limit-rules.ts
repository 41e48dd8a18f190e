import type { LimitUnit } from './time-limit.js';

/**
 * The stage of a case a time limit governs.
 * - intake: registration → decision to accept and dispatch (受理)
 * - accept: assigned → the unit signs for it (签收)
 * - handle: dispatch → reply to the resident (办理)
 * - extension: the most one extension may add (延期)
 * - evaluate: reply → resident's rating, before staff call back (评价)
 * - review_request / review: asking for, and doing, a review (复查)
 * - rereview_request / rereview: asking for, and doing, a re-review (复核)
 */
export type LimitStage =
  | 'intake'
  | 'accept'
  | 'handle'
  | 'extension'
  | 'evaluate'
  | 'review_request'
  | 'review'
  | 'rereview_request'
  | 'rereview';

/**
 * One row of the time-limit rule table. A null or missing condition matches anything.
 * kind: inquiry | help | complaint | report | suggestion | praise | petition;
 * urgency: normal | urgent | critical;
 * channel: visit | phone | letter | online | field | joint_office | leader_reception | transfer.
 */
export interface TimeLimitRule {
  id?: string;
  stage: LimitStage;
  kind?: string | null;
  /** Matches a case whose category path contains this code at any depth. */
  categoryCode?: string | null;
  urgency?: string | null;
  channel?: string | null;
  amount: number;
  unit: LimitUnit;
  /** Why the limit is what it is (shown to admins). */
  note?: string;
}

/** The facts about a case that rules are matched against. */
export interface RuleSubject {
  kind: string;
  /** Category codes from the root to the leaf. */
  categoryPath: readonly string[];
  urgency: string;
  channel: string;
}

/** Specificity of a rule for the subject, or -1 when it does not match. */
function scoreRule(rule: TimeLimitRule, subject: RuleSubject): number {
  let score = 0;
  if (rule.kind != null) {
    if (rule.kind !== subject.kind) return -1;
    score += 1;
  }
  if (rule.categoryCode != null) {
    const depth = subject.categoryPath.indexOf(rule.categoryCode);
    if (depth < 0) return -1;
    // A rule on a sub-category beats one on its parent, but never outweighs a second condition.
    score += 1 + depth * 0.01;
  }
  if (rule.urgency != null) {
    if (rule.urgency !== subject.urgency) return -1;
    score += 1;
  }
  if (rule.channel != null) {
    if (rule.channel !== subject.channel) return -1;
    score += 1;
  }
  return score;
}

/**
 * Picks the rule that sets the limit of `stage` for a case.
 *
 * A rule matches when its stage is `stage` and each of its non-null conditions holds.
 * The most specific match wins: one point each for kind, urgency and channel, and for
 * category 1 + 0.01 × its index in the path (0 at the root, so a deeper category beats its parent).
 * Ties go to the rule that comes first in `rules`, so order the table deliberately.
 * Returns undefined when nothing matches (the table lacks a fallback for the stage).
 */
export function pickTimeLimit(
  rules: readonly TimeLimitRule[],
  stage: LimitStage,
  subject: RuleSubject,
): TimeLimitRule | undefined {
  let best: TimeLimitRule | undefined;
  let bestScore = -1;
  for (const rule of rules) {
    if (rule.stage !== stage) continue;
    const score = scoreRule(rule, subject);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

const PETITION_HANDLE_NOTE = '《信访工作条例》（2022）：信访事项自受理之日起60日内办结';
const CRITICAL_NOTE = '涉及生命财产安全的紧急诉求2小时内反馈（参照北京12345接诉即办）';
const URGENT_NOTE = '紧急诉求24小时内反馈（参照北京12345接诉即办）';
const COMPLEX_NOTE = '复杂诉求15日内办结（参照北京12345接诉即办）';

/**
 * The limits Lianxin ships with (SPEC §2); counties edit their own copy.
 *
 * Order matters for ties. Petition rules come first, so a petition keeps the statutory
 * limits of the 《信访工作条例》 even when it is urgent or came in online (kind and urgency
 * both score 1; the earlier rule wins). Because a category rule scores slightly more than
 * a kind or urgency rule, explicit two-condition rows keep petitions on 60 days and urgent
 * cases on their short limits inside the 水电气热 / 土地 / 劳动 categories.
 */
export const DEFAULT_TIME_LIMIT_RULES: readonly TimeLimitRule[] = [
  // 受理 intake
  { id: 'intake.petition', stage: 'intake', kind: 'petition', amount: 15, unit: 'natural_days', note: '《信访工作条例》（2022）：收到信访事项之日起15日内决定是否受理并书面告知' },
  { id: 'intake.online', stage: 'intake', channel: 'online', amount: 2, unit: 'hours', note: '网上诉求2小时内受理（参照北京12345接诉即办）' },
  { id: 'intake.default', stage: 'intake', amount: 1, unit: 'working_days', note: '登记后1个工作日内受理并交办（本平台默认）' },

  // 签收 accept
  { id: 'accept.default', stage: 'accept', amount: 1, unit: 'working_days', note: '交办后1个工作日内签收（本平台默认）' },

  // 办理 handle — petitions first, then urgency inside categories, then single conditions.
  { id: 'handle.petition', stage: 'handle', kind: 'petition', amount: 60, unit: 'natural_days', note: PETITION_HANDLE_NOTE },
  { id: 'handle.petition.utilities', stage: 'handle', kind: 'petition', categoryCode: 'utilities', amount: 60, unit: 'natural_days', note: PETITION_HANDLE_NOTE },
  { id: 'handle.petition.land', stage: 'handle', kind: 'petition', categoryCode: 'land', amount: 60, unit: 'natural_days', note: PETITION_HANDLE_NOTE },
  { id: 'handle.petition.labor', stage: 'handle', kind: 'petition', categoryCode: 'labor', amount: 60, unit: 'natural_days', note: PETITION_HANDLE_NOTE },
  { id: 'handle.critical.utilities', stage: 'handle', urgency: 'critical', categoryCode: 'utilities', amount: 2, unit: 'hours', note: CRITICAL_NOTE },
  { id: 'handle.critical.land', stage: 'handle', urgency: 'critical', categoryCode: 'land', amount: 2, unit: 'hours', note: CRITICAL_NOTE },
  { id: 'handle.critical.labor', stage: 'handle', urgency: 'critical', categoryCode: 'labor', amount: 2, unit: 'hours', note: CRITICAL_NOTE },
  { id: 'handle.urgent.land', stage: 'handle', urgency: 'urgent', categoryCode: 'land', amount: 24, unit: 'hours', note: URGENT_NOTE },
  { id: 'handle.urgent.labor', stage: 'handle', urgency: 'urgent', categoryCode: 'labor', amount: 24, unit: 'hours', note: URGENT_NOTE },
  { id: 'handle.critical', stage: 'handle', urgency: 'critical', amount: 2, unit: 'hours', note: CRITICAL_NOTE },
  { id: 'handle.urgent', stage: 'handle', urgency: 'urgent', amount: 24, unit: 'hours', note: URGENT_NOTE },
  { id: 'handle.utilities', stage: 'handle', categoryCode: 'utilities', amount: 24, unit: 'hours', note: '水电气热诉求24小时内办结（参照北京12345接诉即办）' },
  { id: 'handle.land', stage: 'handle', categoryCode: 'land', amount: 15, unit: 'natural_days', note: COMPLEX_NOTE },
  { id: 'handle.labor', stage: 'handle', categoryCode: 'labor', amount: 15, unit: 'natural_days', note: COMPLEX_NOTE },
  { id: 'handle.default', stage: 'handle', amount: 7, unit: 'natural_days', note: '一般诉求7日内办结（参照北京12345接诉即办）' },

  // 延期 extension
  { id: 'extension.petition', stage: 'extension', kind: 'petition', amount: 30, unit: 'natural_days', note: '《信访工作条例》（2022）：情况复杂的经批准可延长，延长期限不得超过30日，并告知延期理由' },
  { id: 'extension.default', stage: 'extension', amount: 7, unit: 'natural_days', note: '经批准延期一次，最长7日（本平台默认）' },

  // 评价 evaluate
  { id: 'evaluate.default', stage: 'evaluate', amount: 7, unit: 'natural_days', note: '答复后7日内未评价的，由工作人员回访（本平台默认）' },

  // 复查 · 复核 review and re-review
  { id: 'review_request.default', stage: 'review_request', amount: 30, unit: 'natural_days', note: '《信访工作条例》第三十五条：收到处理意见之日起30日内请求复查' },
  { id: 'review.default', stage: 'review', amount: 30, unit: 'natural_days', note: '《信访工作条例》第三十五条：收到复查请求之日起30日内提出复查意见' },
  { id: 'rereview_request.default', stage: 'rereview_request', amount: 30, unit: 'natural_days', note: '《信访工作条例》第三十六条：收到复查意见之日起30日内请求复核' },
  { id: 'rereview.default', stage: 'rereview', amount: 30, unit: 'natural_days', note: '《信访工作条例》第三十六条：收到复核请求之日起30日内提出复核意见' },
];

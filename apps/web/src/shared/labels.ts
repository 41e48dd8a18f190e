/**
 * Labels the core vocabulary has no group for yet (flags, petition classes, evaluation results,
 * extension states), in both languages. Domain codes with a core group go through
 * `label(group, code, locale)` from @lianxin/core instead.
 */
import type { Locale } from '../i18n/i18n';

type Pairs = Record<string, [zh: string, en: string]>;

const FLAGS: Pairs = {
  collective: ['集体', 'Collective'],
  repeat: ['重复', 'Repeat'],
  cross_level: ['越级', 'Cross-level'],
  risk: ['风险', 'Risk'],
  major: ['重大', 'Major'],
  long_standing: ['积案', 'Long-standing'],
};

/** AntD Tag colour of each flag: the four 一把手/leader flags stand out. */
const FLAG_COLORS: Record<string, string> = {
  collective: 'magenta',
  repeat: 'orange',
  cross_level: 'purple',
  risk: 'red',
  major: 'volcano',
  long_standing: 'geekblue',
};

const PETITION_CLASSES: Pairs = {
  proposal: ['建议意见类', 'Proposals and opinions'],
  accusation: ['检举控告类', 'Accusations'],
  appeal: ['申诉求决类', 'Appeals and demands'],
};

const EVALUATION_RESULTS: Pairs = {
  satisfied: ['满意', 'Satisfied'],
  basically_satisfied: ['基本满意', 'Basically satisfied'],
  dissatisfied: ['不满意', 'Dissatisfied'],
};

const EXTENSION_STATES: Pairs = {
  pending: ['待审批', 'Pending'],
  approved: ['已批准', 'Approved'],
  rejected: ['已驳回', 'Rejected'],
};

const ACCOUNTABILITY_REASONS: Pairs = {
  overdue: ['超期', 'Overdue'],
  returned_without_reason: ['无理由退单', 'Returned without a valid reason'],
  dissatisfied_twice: ['两次不满意', 'Dissatisfied twice'],
};

const GROUPS = { flag: FLAGS, petitionClass: PETITION_CLASSES, evaluation: EVALUATION_RESULTS, extension: EXTENSION_STATES, accountability: ACCOUNTABILITY_REASONS };
export type WebLabelGroup = keyof typeof GROUPS;

/** The label of a code (the code itself if unknown). */
export function webLabel(group: WebLabelGroup, code: string, locale: Locale): string {
  const pair = GROUPS[group][code];
  return pair ? pair[locale === 'en-US' ? 1 : 0] : code;
}

/** Tag colour of a case flag. */
export const flagColor = (flag: string): string => FLAG_COLORS[flag] ?? 'default';

/** Tag colour of a case state. */
export function stateColor(state: string): string {
  if (['registered', 'reopened'].includes(state)) return 'gold';
  if (['assigned', 'handling', 'reviewing', 'rereviewing'].includes(state)) return 'processing';
  if (['replied', 'evaluated'].includes(state)) return 'cyan';
  if (['closed', 'final'].includes(state)) return 'success';
  return 'default';
}

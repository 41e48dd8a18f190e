/** Colours of the domain's codes on screen; their names in both languages come from core's `label`. */
import { label } from '@lianxin/core';
import type { Locale } from '../i18n/i18n';

/** AntD Tag colour of each flag: the four 一把手/leader flags stand out. */
const FLAG_COLORS: Record<string, string> = {
  collective: 'magenta',
  repeat: 'orange',
  cross_level: 'purple',
  risk: 'red',
  major: 'volcano',
  long_standing: 'geekblue',
};

/** The web's names for core's label groups (`label(group, code, locale)` from @lianxin/core). */
export type WebLabelGroup = 'flag' | 'petitionClass' | 'evaluation' | 'extension' | 'accountability';

/** The label of a code (the code itself if unknown): core's table, shared with the server's documents and exports. */
export const webLabel = (group: WebLabelGroup, code: string, locale: Locale): string => label(group, code, locale);

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

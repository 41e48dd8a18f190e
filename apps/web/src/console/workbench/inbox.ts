/**
 * The workbench's logic: which to-dos come first and where "see all" leads. Pure functions
 * (unit-tested).
 */
import type { InboxGroup, InboxKey } from '@lianxin/core';

export type { InboxGroup, InboxKey } from '@lianxin/core';

/** Order of the groups on the page: the work that starts a case's journey first. */
export const GROUP_ORDER: readonly InboxKey[] = ['dispatch', 'accept', 'handle', 'approve', 'callback', 'decide', 'overdue', 'leading'];

/** Flags owned by the unit head or a leader (集体/重复/越级/重大): such cases come first. */
export const PRIORITY_FLAGS = ['collective', 'repeat', 'cross_level', 'major'] as const;

/** What ordering to-dos looks at (a case summary has it). */
export interface Todo {
  code: string;
  flags: readonly string[];
  clock: { dueAt: string } | null;
}

export const isPriority = (c: Pick<Todo, 'flags'>) => c.flags.some((f) => (PRIORITY_FLAGS as readonly string[]).includes(f));

/** Flagged cases first, then the soonest deadline (no deadline last), then the code — stable. */
export function orderTodos<T extends Todo>(items: readonly T[]): T[] {
  const due = (c: T) => (c.clock ? Date.parse(c.clock.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => Number(isPriority(b)) - Number(isPriority(a)) || due(a) - due(b) || a.code.localeCompare(b.code));
}

/** The groups in page order, empty ones left out. */
export function orderGroups(groups: readonly InboxGroup[]): InboxGroup[] {
  return [...groups].filter((g) => g.total > 0).sort((a, b) => GROUP_ORDER.indexOf(a.key) - GROUP_ORDER.indexOf(b.key));
}

/** The ledger filtered to (roughly) one group — where "see all" leads. */
export function ledgerLinkOf(key: InboxKey): string {
  const links: Record<InboxKey, string> = {
    dispatch: '/dispatch',
    accept: '/cases?status=assigned,reopened&sort=due_asc',
    handle: '/cases?status=handling,reviewing,rereviewing&sort=due_asc',
    approve: '/cases?status=handling&sort=due_asc',
    callback: '/cases?status=replied&overdue=true&sort=due_asc',
    decide: '/cases?status=evaluated&sort=due_asc',
    overdue: '/cases?overdue=true&sort=due_asc',
    leading: '/cases?flag=major&sort=due_asc',
  };
  return links[key];
}

/** "1000+" when the server stopped counting. */
export const countText = (g: Pick<InboxGroup, 'total' | 'more'>) => (g.more ? `${g.total}+` : String(g.total));

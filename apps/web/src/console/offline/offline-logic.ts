import { isInSubtree } from '@lianxin/core';
import type { OfflineSurvey, QueueItem, QueueState } from './offline-db';

/** How many items are in each state; `pending` is what still needs the cadre or the signal. */
export function countsOf(items: readonly Pick<QueueItem, 'state'>[]) {
  const by = (s: QueueState) => items.filter((i) => i.state === s).length;
  const waiting = by('waiting') + by('syncing');
  return { waiting, failed: by('failed'), conflict: by('conflict'), done: by('done'), pending: waiting + by('failed') + by('conflict') };
}

/** The fields of a household edit that the cadre and someone else both touched, or only one of them. */
export interface FieldChoice {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** Both changed it, to different values: the cadre must choose. */
  clash: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of a conflicting household edit: each field the cadre changed, with what they read
 * (base), what they wrote (mine) and what the server now has (theirs). A field changed only by
 * the cadre is no clash (the merge keeps it); one both changed differently is.
 */
export function fieldChoices(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): FieldChoice[] {
  return Object.keys(mine).map((field) => ({
    field,
    base: base[field],
    mine: mine[field],
    theirs: theirs[field],
    clash: !same(theirs[field], base[field]) && !same(theirs[field], mine[field]),
  }));
}

/**
 * The body that resolves a conflict on the current version: "mine" writes every field the cadre
 * changed, "theirs" writes nothing (null: drop the edit), "merge" writes the fields picked as mine.
 */
export function resolvedChanges(choices: readonly FieldChoice[], how: 'mine' | 'theirs' | 'merge', picks: Record<string, 'mine' | 'theirs'> = {}): Record<string, unknown> | null {
  if (how === 'theirs') return null;
  const kept = choices.filter((c) => (how === 'mine' ? true : (picks[c.field] ?? (c.clash ? 'theirs' : 'mine')) === 'mine') && !same(c.mine, c.theirs));
  if (kept.length === 0) return null;
  return Object.fromEntries(kept.map((c) => [c.field, c.mine]));
}

/** The editable fields of a household, as the conflict view compares them. */
export const householdValues = (h: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(['areaCode', 'address', 'headName', 'lat', 'lng', 'tags', 'needs', 'notes'].map((k) => [k, h[k] ?? null]));

/**
 * The kept surveys a household may answer on a visit without signal, as GET /api/surveys/pending
 * answers online: open on `today`, over the household's area (its subtree), for its tags if the
 * survey names any, and not already answered on this phone (an answer waiting in the queue, or
 * synced). An answer given elsewhere meanwhile is refused on sync and shown in the queue.
 */
export function surveysReaching(surveys: readonly OfflineSurvey[], household: { id: string; areaCode: string; tags: readonly string[] }, today: string, queue: readonly QueueItem[]): OfflineSurvey[] {
  const answered = new Set(queue.filter((i) => i.kind === 'survey' && i.householdId === household.id && i.state !== 'failed').map((i) => (i.kind === 'survey' ? i.surveyId : '')));
  return surveys
    .filter((s) => s.opensOn <= today && today <= s.closesOn)
    .filter((s) => isInSubtree(household.areaCode, s.areaCode) && (s.tags.length === 0 || s.tags.some((t) => household.tags.includes(t))))
    .filter((s) => !answered.has(s.id))
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn));
}

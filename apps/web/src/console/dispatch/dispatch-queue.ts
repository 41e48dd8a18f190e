/** Pure helpers of the dispatch centre (unit-tested); the shapes are the contracts of `@lianxin/core`. */
import type { BatchResult, QueueItem } from '@lianxin/core';

export type { BatchResponse, BatchResult, QueueItem } from '@lianxin/core';

/** The queue after a batch: the dispatched cases leave it, the failed ones stay selected. */
export function afterBatch(items: readonly QueueItem[], results: readonly BatchResult[]): { items: QueueItem[]; stillSelected: string[] } {
  const done = new Set(results.filter((r) => r.ok).map((r) => r.id));
  return { items: items.filter((i) => !done.has(i.id)), stillSelected: results.filter((r) => !r.ok).map((r) => r.id) };
}

/** The one unit most selected cases are suggested for (to preselect the picker), if any. */
export function commonSuggestion(items: readonly QueueItem[], selected: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) if (selected.includes(item.id) && item.suggestion) counts.set(item.suggestion.unitId, (counts.get(item.suggestion.unitId) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [unit, n] of counts) if (n > bestCount) [best, bestCount] = [unit, n];
  return bestCount * 2 > selected.length ? best : undefined;
}

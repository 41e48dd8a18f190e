/** Types and pure helpers of the dispatch centre (unit-tested). */
import type { CaseSummary } from '../cases/case-list/case-summary';

/** A case of GET /api/cases/dispatch-queue. */
export interface QueueItem extends CaseSummary {
  returnCount: number;
  lastReturn: { reason: string | null; at: string; unitId: string | null; unitName: string | null; by: string | null } | null;
  suggestion: { unitId: string; unitName: string; confidence: number } | null;
}

/** One case's outcome in POST /api/cases/dispatch-batch. */
export type BatchResult = { id: string; ok: true; code: string; status: string } | { id: string; ok: false; status: number; code: string; title: string };

export interface BatchResponse {
  unit: { id: string; name: string };
  dispatched: number;
  failed: number;
  results: BatchResult[];
}

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

import { describe, expect, it } from 'vitest';
import { afterBatch, commonSuggestion, type QueueItem } from './dispatch-queue';

const item = (id: string, unitId?: string) => ({ id, suggestion: unitId ? { unitId, unitName: unitId, confidence: 0.8 } : null }) as QueueItem;

describe('the dispatch centre', () => {
  it('removes dispatched cases and keeps failed ones selected', () => {
    const { items, stillSelected } = afterBatch([item('a'), item('b'), item('c')], [
      { id: 'a', ok: true, code: 'LX1', status: 'assigned' },
      { id: 'b', ok: false, status: 409, code: 'illegal_transition', title: '已交办' },
    ]);
    expect(items.map((i) => i.id)).toEqual(['b', 'c']);
    expect(stillSelected).toEqual(['b']);
  });

  it('preselects a unit only when most selected cases suggest it', () => {
    const items = [item('a', 'civil'), item('b', 'civil'), item('c', 'housing'), item('d')];
    expect(commonSuggestion(items, ['a', 'b', 'c'])).toBe('civil');
    expect(commonSuggestion(items, ['a', 'c'])).toBeUndefined();
    expect(commonSuggestion(items, ['d'])).toBeUndefined();
  });
});

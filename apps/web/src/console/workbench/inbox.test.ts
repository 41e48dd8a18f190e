import { describe, expect, it } from 'vitest';
import { countText, type InboxGroup, ledgerLinkOf, orderGroups, orderTodos } from './inbox';

const item = (code: string, flags: string[], dueAt: string | null) => ({ code, flags, clock: dueAt ? { dueAt, level: 'normal' as const, remainingMs: 1 } : null });

describe('the workbench order', () => {
  it('puts 集体/重复/越级/重大 cases first, then the soonest deadline, undated last', () => {
    const ordered = orderTodos([
      item('A', [], '2026-03-02T10:00:00Z'),
      item('B', ['risk'], '2026-03-01T10:00:00Z'),
      item('C', ['repeat'], '2026-03-05T10:00:00Z'),
      item('D', [], null),
      item('E', ['collective', 'major'], '2026-03-03T10:00:00Z'),
    ]);
    expect(ordered.map((c) => c.code)).toEqual(['E', 'C', 'B', 'A', 'D']);
  });

  it('orders groups by the journey of a case and hides empty ones', () => {
    const g = (key: InboxGroup['key'], total: number): InboxGroup => ({ key, total, more: false, items: [] });
    expect(orderGroups([g('callback', 2), g('accept', 0), g('dispatch', 5), g('handle', 1)]).map((x) => x.key)).toEqual(['dispatch', 'handle', 'callback']);
  });

  it('links each group to the ledger and caps counts', () => {
    expect(ledgerLinkOf('accept')).toContain('status=assigned,reopened');
    expect(ledgerLinkOf('dispatch')).toBe('/dispatch');
    expect(countText({ total: 1000, more: true })).toBe('1000+');
    expect(countText({ total: 3, more: false })).toBe('3');
  });
});

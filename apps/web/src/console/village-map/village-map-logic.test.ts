import { describe, expect, it, vi } from 'vitest';
import { debounce, drawnFrom, householdColor, taggedCluster, UNTAGGED_COLOR } from './village-map-logic';

const colors: Record<string, string> = { dibao: '#ff0000', veteran: '#00ff00' };
const colorOf = (c: string) => colors[c];

describe('village map logic', () => {
  it('paints a household in the colour of the filtered tag', () => {
    expect(householdColor(['veteran', 'dibao'], ['dibao'], colorOf)).toBe('#ff0000');
    expect(householdColor(['veteran', 'dibao'], [], colorOf)).toBe('#00ff00');
    expect(householdColor([], [], colorOf)).toBe(UNTAGGED_COLOR);
  });
  it('colours a cluster by the filtered tags only and links a single household', () => {
    const c = taggedCluster({ key: '12/1/1', count: 1, lat: 1, lng: 2, breakdown: { dibao: 1, veteran: 1 }, id: 'h1' }, ['dibao'], colorOf);
    expect(c.colors).toEqual({ '#ff0000': 1 });
    expect(c.only?.href).toBe('/households/h1');
  });
  it('draws exactly the points of the answer', () => {
    const drawn = drawnFrom({ mode: 'points', total: 2, points: [{ id: 'a', lat: 1, lng: 1, areaCode: 'x', tags: ['dibao'], label: '张**' }] }, ['dibao'], colorOf, (c) => c);
    expect(drawn.points).toHaveLength(1);
    expect(drawn.clusters).toHaveLength(0);
  });
});

describe('the viewport debounce', () => {
  it('runs the first viewport at once with `leading`, then only the last of a burst, after the wait', () => {
    vi.useFakeTimers();
    try {
      const seen: number[] = [];
      const run = debounce((n: number) => seen.push(n), 250, { leading: true });
      run(1);
      expect(seen).toEqual([1]);
      run(2);
      run(3);
      expect(seen).toEqual([1]);
      vi.advanceTimersByTime(250);
      expect(seen).toEqual([1, 3]);
      const plain = debounce((n: number) => seen.push(n), 250);
      plain(4);
      expect(seen).toEqual([1, 3]);
      vi.advanceTimersByTime(250);
      expect(seen).toEqual([1, 3, 4]);
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { areaBounds, bboxString, caseColor, clusterPoints, clusterSize, dominantColor, labelledLevels, nearestArea, normaliseHeat, OVERDUE_COLOR, STATE_COLORS } from './map-logic';

describe('caseColor', () => {
  it('colours by state and red when overdue', () => {
    expect(caseColor('handling', 'normal')).toBe(STATE_COLORS.handling);
    expect(caseColor('handling', 'red')).toBe(OVERDUE_COLOR);
    expect(caseColor('unknown')).toBe('#595959');
  });
});

describe('clusterPoints', () => {
  const near = [
    { id: 'a', lat: 27.78, lng: 115.9, color: 'red' },
    { id: 'b', lat: 27.7801, lng: 115.9001, color: 'red' },
    { id: 'c', lat: 27.7802, lng: 115.9002, color: 'blue' },
  ];
  const far = { id: 'd', lat: 28.5, lng: 116.5, color: 'blue' };
  it('groups nearby points when zoomed out and keeps far ones apart', () => {
    const clusters = clusterPoints([...near, far], 10);
    expect(clusters).toHaveLength(2);
    const big = clusters.find((c) => c.count === 3)!;
    expect(big.colors).toEqual({ red: 2, blue: 1 });
    expect(dominantColor(big.colors)).toBe('red');
    expect(clusters.find((c) => c.count === 1)!.only?.id).toBe('d');
  });
  it('splits them when zoomed far in, and is stable', () => {
    expect(clusterPoints(near, 19).every((c) => c.count === 1)).toBe(true);
    expect(clusterPoints(near, 10)).toEqual(clusterPoints(near, 10));
  });
});

describe('sizes, heat and bounds', () => {
  it('grows bubbles slowly with the count and caps them', () => {
    expect(clusterSize(1)).toBeLessThan(clusterSize(100));
    expect(clusterSize(1_000_000)).toBe(64);
  });
  it('normalises heat by the heaviest cell', () => {
    expect(normaliseHeat([{ lat: 1, lng: 1, count: 2 }, { lat: 2, lng: 2, count: 8 }]).map((c) => c.weight)).toEqual([0.25, 1]);
    expect(normaliseHeat([])).toEqual([]);
  });
  it('boxes the areas that have coordinates, or none', () => {
    expect(areaBounds([{ lat: null, lng: null }])).toBeNull();
    const b = areaBounds([{ lat: 27, lng: 115 }, { lat: 28, lng: 116 }])!;
    expect(b[0][0]).toBeLessThan(27);
    expect(b[1][1]).toBeGreaterThan(116);
  });
  it('names townships far out and villages close in', () => {
    expect(labelledLevels(11)).toContain('township');
    expect(labelledLevels(15)).toContain('village');
  });
  it('writes the bbox the map API expects, clamped', () => {
    expect(bboxString(-200, 27.123456, 116, 95)).toBe('-180,27.1235,116,90');
  });
});

describe('nearestArea', () => {
  const areas = [
    { code: 'v1', level: 'village', lat: 27.8, lng: 115.9 },
    { code: 'v2', level: 'village', lat: 27.9, lng: 116.0 },
    { code: 't', level: 'township', lat: 27.80001, lng: 115.90001 },
    { code: 'v3', level: 'village', lat: null, lng: null },
  ];
  it('names the nearest village with coordinates, skipping other levels', () => {
    expect(nearestArea(areas, { lat: 27.81, lng: 115.91 })?.code).toBe('v1');
    expect(nearestArea(areas, { lat: 27.89, lng: 115.99 })?.code).toBe('v2');
    expect(nearestArea([], { lat: 0, lng: 0 })).toBeNull();
  });
});

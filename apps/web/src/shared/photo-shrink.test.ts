import { describe, expect, it } from 'vitest';
import { fitWithin, jpegName, shouldShrink } from './photo-shrink';

describe('shrinking photos before upload', () => {
  it('fits the long side within the limit, keeping proportions, never enlarging', () => {
    expect(fitWithin(4032, 3024, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(3024, 4032, 2048)).toEqual({ width: 1536, height: 2048 });
    expect(fitWithin(800, 600, 2048)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 1, 2048)).toEqual({ width: 2048, height: 1 });
    // The portal's limit.
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });

  it('redraws only large photos of types a browser can draw', () => {
    expect(shouldShrink({ type: 'image/jpeg', size: 4_000_000 })).toBe(true);
    expect(shouldShrink({ type: 'image/jpeg', size: 900_000 })).toBe(false);
    expect(shouldShrink({ type: 'image/heic', size: 4_000_000 })).toBe(false);
    expect(shouldShrink({ type: 'application/pdf', size: 4_000_000 })).toBe(false);
    // The portal redraws every photo (a resident's upload is small anyway).
    expect(shouldShrink({ type: 'image/png', size: 900_000 }, 0)).toBe(true);
  });

  it('names the redrawn file as a JPEG', () => {
    expect(jpegName('村口路灯.png')).toBe('村口路灯.jpg');
    expect(jpegName('IMG_0001.JPEG')).toBe('IMG_0001.jpg');
    expect(jpegName('photo')).toBe('photo.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});

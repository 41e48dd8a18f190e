import { describe, expect, it } from 'vitest';
import { format } from './i18n';

describe('format', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(format('剩余 {hours} 小时（{unit}）', { hours: 3, unit: '民政局' })).toBe('剩余 3 小时（民政局）');
    expect(format('共 {n} 件 {missing}', { n: 0 })).toBe('共 0 件 {missing}');
  });
});

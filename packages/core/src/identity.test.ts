import { describe, expect, it } from 'vitest';
import { isValidIdNumber, maskIdNumber, maskName, maskPhone, PHONE_PATTERN } from './identity.js';

describe('identity', () => {
  it('checks the ID number check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });
  it('masks phones, ids and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskName('欧阳修')).toBe('欧**');
  });
  it('accepts mobiles and landlines', () => {
    expect(PHONE_PATTERN.test('13812345678')).toBe(true);
    expect(PHONE_PATTERN.test('0551-62345678')).toBe(true);
    expect(PHONE_PATTERN.test('12345')).toBe(false);
  });
});

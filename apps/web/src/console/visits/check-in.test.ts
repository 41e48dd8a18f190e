import { describe, expect, it } from 'vitest';
import { checkInProblem, isRoughFix } from './check-in';

describe('the check-in', () => {
  it('names why no position came, from the browser’s error code', () => {
    expect(checkInProblem({ hasGeolocation: false, secure: true })).toBe('checkInUnsupported');
    expect(checkInProblem({ hasGeolocation: true, secure: false })).toBe('checkInInsecure');
    expect(checkInProblem({ hasGeolocation: true, secure: true })).toBeNull();
    expect(checkInProblem({ hasGeolocation: true, secure: true, errorCode: 1 })).toBe('checkInDenied');
    expect(checkInProblem({ hasGeolocation: true, secure: true, errorCode: 2 })).toBe('checkInUnavailable');
    expect(checkInProblem({ hasGeolocation: true, secure: true, errorCode: 3 })).toBe('checkInTimeout');
  });

  it('calls a fix rough beyond 200 m', () => {
    expect(isRoughFix(15)).toBe(false);
    expect(isRoughFix(200)).toBe(false);
    expect(isRoughFix(1500)).toBe(true);
    expect(isRoughFix(undefined)).toBe(false);
  });
});

/** Why a check-in could not be made, as a message key (null: nothing wrong). */
export type CheckInProblem = 'checkInUnsupported' | 'checkInInsecure' | 'checkInDenied' | 'checkInUnavailable' | 'checkInTimeout';

/**
 * The reason to show for a failed location: the browser's own error text is English and technical,
 * so its code (GeolocationPositionError: 1 denied, 2 unavailable, 3 timeout) picks our message.
 */
export function checkInProblem({ hasGeolocation, secure, errorCode }: { hasGeolocation: boolean; secure: boolean; errorCode?: number }): CheckInProblem | null {
  if (!hasGeolocation) return 'checkInUnsupported';
  if (!secure) return 'checkInInsecure';
  if (errorCode === undefined) return null;
  if (errorCode === 1) return 'checkInDenied';
  if (errorCode === 3) return 'checkInTimeout';
  return 'checkInUnavailable';
}

/** A fix vaguer than this (metres) is worth retrying outdoors: indoors a phone often falls back to cell towers. */
const ROUGH_FIX_M = 200;
export const isRoughFix = (accuracy: number | undefined) => accuracy !== undefined && accuracy > ROUGH_FIX_M;

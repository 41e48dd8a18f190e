import { randomBytes } from 'node:crypto';
import type { Cipher } from '../../security/cipher.js';

/** Crockford's base32: digits and letters without I, L, O and U, so nothing is misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of a 查询码: 8 × 5 bits = 40 random bits. */
export const TRACKING_SECRET_LENGTH = 8;

/**
 * A new 查询码: 40 random bits as 8 characters of Crockford's base32. Given to the resident with the
 * tracking code (receipt page, registration SMS); only its keyed hash is stored.
 */
export function newTrackingSecret(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = TRACKING_SECRET_LENGTH - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/**
 * A 查询码 as typed, read the Crockford way: case, spaces and dashes do not matter, O reads 0 and
 * I or L read 1. Null when it cannot be one.
 */
export function normalizeTrackingSecret(typed: string): string | null {
  const secret = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return secret.length === TRACKING_SECRET_LENGTH && [...secret].every((ch) => ALPHABET.includes(ch)) ? secret : null;
}

/** The keyed hash kept for a case's 查询码 (bound to the case, so equal codes of two cases differ). */
export const trackingSecretHash = (cipher: Cipher, caseId: string, secret: string) => cipher.blindIndex(`tracking-secret:${caseId}:${secret}`);

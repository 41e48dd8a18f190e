import { maskPersonalData } from '@lianxin/core';
import type { Cipher } from '../security/cipher.js';

/** A free text as it is stored: masked, and its original encrypted when it held personal data (else null). */
export interface ProtectedText<T extends string | null = string> {
  text: T;
  enc: string | null;
}

/**
 * Protects a free text at the moment it is written: phones, ID numbers, bank cards and e-mail
 * addresses masked in the text (`@lianxin/core` personal-text), the original encrypted beside it
 * for the audited reveal. A text with nothing to protect is stored as it is, with no copy.
 */
export function protectText<T extends string | null>(cipher: Cipher, text: T): ProtectedText<T> {
  if (text === null) return { text, enc: null };
  const { text: masked, hits } = maskPersonalData(text);
  return hits.length ? { text: masked as T, enc: cipher.encrypt(text) } : { text, enc: null };
}

/** The masked text only — where the original is kept elsewhere (an extension's reason is also its event's note). */
export function maskedText<T extends string | null>(text: T): T {
  return (text === null ? text : maskPersonalData(text).text) as T;
}

/** The original of a protected text: the decrypted copy if there is one, else the stored text itself. */
export function originalText<T extends string | null>(cipher: Cipher, stored: T, enc: string | null): T {
  return (enc ? cipher.decrypt(enc) : stored) as T;
}

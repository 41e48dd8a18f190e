import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encryption of personal data at rest (AES-256-GCM), keyed lookups (a blind index, so a phone can
 * be found without storing it in clear) and signed tokens, all derived from one master key.
 */
export interface Cipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** A stable keyed hash of a normalised value, for equality lookups. */
  blindIndex(value: string): string;
  /** A URL-safe token carrying `payload`, signed with the master key. */
  sign(payload: Record<string, unknown>): string;
  /** The payload of a token this cipher signed, or null if it was altered. */
  verify<T = Record<string, unknown>>(token: string): T | null;
  /**
   * HMAC-SHA-256 (hex) of `data` under the audit MAC key — a key derived from the master key for
   * the audit chain and its checkpoints only, never stored in the database.
   */
  auditMac(data: string): string;
}

const VERSION = 'v1';

/** Builds a cipher from a 32-byte key. */
export function createCipher(masterKey: Buffer): Cipher {
  if (masterKey.length !== 32) throw new Error('the data key must be 32 bytes');
  const derive = (purpose: string) => createHmac('sha256', masterKey).update(purpose).digest();
  const encKey = derive('lianxin:pii-encryption');
  const indexKey = derive('lianxin:blind-index');
  const signKey = derive('lianxin:token-signing');
  const auditMacKey = derive('lianxin-audit-mac-v1');

  const mac = (data: string) => createHmac('sha256', signKey).update(data).digest('base64url');

  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value.trim().toUpperCase()).digest('base64url').slice(0, 32);
    },
    sign(payload) {
      const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${data}.${mac(data)}`;
    },
    verify<T>(token: string) {
      const [data, signature] = token.split('.');
      if (!data || !signature) return null;
      const expected = Buffer.from(mac(data));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        return JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as T;
      } catch {
        return null;
      }
    },
    auditMac(data) {
      return createHmac('sha256', auditMacKey).update(data).digest('hex');
    },
  };
}

/**
 * The master key: from LIANXIN_DATA_KEY (base64) when set, else `secret.key` in the data folder,
 * created on first start with owner-only permissions.
 */
export function loadMasterKey(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'base64');
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

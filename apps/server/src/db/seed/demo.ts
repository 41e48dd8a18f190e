import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Cipher } from '../../security/cipher.js';
import type { DB } from '../schema.js';

/** Seeds the demo county. (Being written.) */
export async function seedDemo(deps: { db: Kysely<DB>; cipher: Cipher; clock: Clock }): Promise<Record<string, number>> {
  void deps;
  return {};
}

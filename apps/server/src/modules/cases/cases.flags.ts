import {
  COLLECTIVE_MIN_PEOPLE,
  type CaseCreate,
  findRiskWords,
  REPEAT_WINDOW_DAYS,
} from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { levelOfCode } from '@lianxin/core';
import { assessSimilarity } from '@lianxin/core';
import { casesRepository as repo } from './cases.repository.js';

/** The flags a new case gets automatically (SPEC §2 responsibility rules). */
export interface RegistrationFlags {
  collective: boolean;
  repeat: boolean;
  repeatOfId: string | null;
  crossLevel: boolean;
  riskWords: string[];
  major: boolean;
}

const CLOSED_STATES = new Set(['closed', 'final']);
const HIGH_LEVELS = new Set(['province', 'city', 'county']);
const LOW_LEVELS = new Set(['township', 'village', 'grid']);

/**
 * Works out the flags of a case being registered.
 * - collective: 5 or more people (集体访);
 * - repeat: the same requester raised a similar matter within 180 days, or a similar matter of
 *   theirs was already closed (重复访); "similar" is `similarityScore` of the similar-cases module;
 * - cross-level: a petition brought to the county or above about a township/village matter that
 *   the requester never raised at the lower level (越级访), or marked so by the registrar;
 * - risk: extreme-risk words in the title or content.
 */
export async function detectFlags(
  db: Kysely<DB> | Transaction<DB>,
  input: CaseCreate,
  requesterKey: string | null,
  registeringAreaCode: string,
  now: Date,
): Promise<RegistrationFlags> {
  const text = `${input.title} ${input.content}`;
  let repeatOfId: string | null = null;
  let raisedBefore = false;
  if (requesterKey) {
    const windowStart = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000).toISOString();
    for (const earlier of await repo.findByRequester(db, requesterKey)) {
      // The same score as the similar-cases lookup, so that a repeat is what it would mark as the same matter.
      if (!assessSimilarity({ title: input.title, content: input.content, areaCode: input.areaCode, requesterKey }, earlier).sameMatter) continue;
      raisedBefore = true;
      if (earlier.registeredAt >= windowStart || CLOSED_STATES.has(earlier.status)) {
        repeatOfId = earlier.id;
        break;
      }
    }
  }
  const crossLevel =
    input.crossLevel ||
    (input.kind === 'petition' &&
      HIGH_LEVELS.has(levelOfCode(registeringAreaCode)) &&
      LOW_LEVELS.has(levelOfCode(input.areaCode)) &&
      !raisedBefore &&
      (input.channel === 'visit' || input.channel === 'letter'));
  return {
    collective: input.peopleCount >= COLLECTIVE_MIN_PEOPLE,
    repeat: repeatOfId !== null,
    repeatOfId,
    crossLevel,
    riskWords: findRiskWords(text).map((w) => w.word),
    major: input.major,
  };
}

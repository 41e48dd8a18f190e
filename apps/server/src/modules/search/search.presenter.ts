import type { CaseSearchHitSchema, Contract } from '@lianxin/core';
import type { CaseRow } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import { presentCaseSummary } from '../cases/cases.presenter.js';

/** A case found by the search → its response contract: the ledger's summary and the best passage. */
export const presentHit = (row: CaseRow, snippet: string | null, cipher: Cipher, now: Date): Contract<typeof CaseSearchHitSchema> => ({
  ...presentCaseSummary(row, cipher, now),
  snippet,
});

import type { SimilarCasesRequest } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { forbidden } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { CasesService } from '../cases/cases.service.js';
import { maskedText } from '../../text/protect-text.js';
import { findSimilarCases } from './similar.js';

export interface SimilarDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  cipher: Cipher;
  cases: Pick<CasesService, 'visibleCase'>;
}

/** Similar cases at registration and on a case page, always within the actor's case scope. */
export function createSimilarService({ db, dialect, cipher, cases }: SimilarDeps) {
  return {
    /** Cases like a matter being registered; the phone is matched by its blind index, never stored. */
    async forDraft(actor: Actor, body: SimilarCasesRequest) {
      const scope = caseScope(actor);
      if (scope.areaRanges.length === 0 && scope.unitIds.length === 0) throw forbidden();
      // Stored cases hold personal data masked; the draft is compared in the same form.
      const probe = { title: maskedText(body.title), content: maskedText(body.content), areaCode: body.areaCode ?? null, requesterKey: body.phone ? cipher.blindIndex(body.phone) : null };
      return { items: await findSimilarCases(db, dialect, probe, { scope, limit: body.limit }) };
    },

    /** Cases like one the actor can see, at most `limit` (5 by default, up to 20). */
    async forCase(actor: Actor, id: string, limit = 5) {
      const scope = caseScope(actor);
      const c = await cases.visibleCase(actor, id);
      const probe = { title: c.title, content: c.content, areaCode: c.areaCode, requesterKey: c.requesterKey, excludeId: c.id };
      return { items: await findSimilarCases(db, dialect, probe, { scope, limit }) };
    },
  };
}
export type SimilarService = ReturnType<typeof createSimilarService>;

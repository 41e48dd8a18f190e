import type { BatchResponseSchema, Contract, DispatchBatch, DispatchQueueQuery, Locale, QueueItemSchema } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { caseActionReach, caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { CaseRow, DB } from '../../db/schema.js';
import { AppError, forbidden } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import { orgQueries } from '../org/org.repository.js';
import { dutyClaimsOf } from '../../db/availability.js'; // — duty —
import type { SuggestService } from '../suggest/suggest.service.js';
import { presentQueueItem, problemOf } from './cases.presenter.js';
import { listCases } from './cases.queries.js';
import { casesRepository as repo } from './cases.repository.js';

export interface DispatchCentreDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  suggest: Pick<SuggestService, 'suggest'>;
  /** One dispatch, in its own transaction (the cases service's `act`). */
  dispatch: (actor: Actor, caseId: string, body: { unitId: string; note?: string }) => Promise<CaseRow>;
}

/**
 * The dispatch centre (派单): the queue — registered cases in the dispatcher's scope (returned ones
 * with the last return's reason and unit) and a suggested unit for each — and the batch: one
 * dispatch per case, in order, with a result per case (a case someone else dispatched meanwhile
 * fails alone with 409; the others go through). Both for those who may dispatch somewhere.
 */
export function createDispatchCentre({ db, clock, cipher, suggest, dispatch }: DispatchCentreDeps) {
  const assertDispatcher = (actor: Actor) => {
    if (caseActionReach(actor, 'dispatch').areaRanges.length === 0) throw forbidden();
  };

  return {
    /** `onSuggestionError` hears of a failed suggestion: the queue still loads without one. */
    async queue(actor: Actor, query: DispatchQueueQuery, onSuggestionError: (error: unknown) => void = () => {}) {
      assertDispatcher(actor);
      const now = clock.now();
      const page = await listCases(db, caseScope(actor), { status: ['registered'], sort: 'due_asc', areaCode: query.areaCode, q: query.q, cursor: query.cursor, limit: query.limit }, now);
      const lastReturn = await repo.lastReturns(db, page.items.filter((c) => c.returnCount > 0).map((c) => c.id));
      const onDuty = await dutyClaimsOf(db, page.items.map((c) => c.id)); // — duty —
      const items: Array<Contract<typeof QueueItemSchema>> = [];
      for (const c of page.items) {
        let suggestion: { unitId: string; unitName: string; confidence: number } | null = null;
        if (query.suggest) {
          try {
            const top = (await suggest.suggest(actor, { title: c.title, content: c.content, areaCode: c.areaCode, categoryCode: c.categoryCode })).units[0];
            if (top) suggestion = { unitId: top.id, unitName: top.name, confidence: Math.round(top.confidence * 1000) / 1000 };
          } catch (error) {
            onSuggestionError(error);
          }
        }
        items.push({ ...presentQueueItem(c, { lastReturn: lastReturn.get(c.id) ?? null, suggestion }, cipher, now), onDuty: onDuty.get(c.id) ?? null });
      }
      return { items, nextCursor: page.nextCursor };
    },

    /** Dispatches each case to one unit; problems are told in `locale`, case by case. */
    async batch(actor: Actor, body: DispatchBatch, locale: Locale): Promise<Contract<typeof BatchResponseSchema>> {
      assertDispatcher(actor);
      // A wrong unit is the request's fault, not each case's: refuse it whole, before any change.
      const unit = await orgQueries.findUnit(db, body.unitId);
      if (!unit) throw new AppError(400, 'error.unknown_reference', { what: 'unit' }, 'unitId');
      if (!unit.isActive) throw new AppError(422, 'error.unit_inactive', {}, 'unitId');
      const results: Contract<typeof BatchResponseSchema>['results'] = [];
      for (const caseId of body.caseIds) {
        try {
          const updated = await dispatch(actor, caseId, { unitId: body.unitId, note: body.note });
          results.push({ id: caseId, ok: true, code: updated.code, status: updated.status });
        } catch (error) {
          const problem = problemOf(error, locale);
          if (!problem) throw error;
          results.push({ id: caseId, ok: false, ...problem });
        }
      }
      return { unit: { id: unit.id, name: unit.name }, dispatched: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
    },
  };
}

import { performance } from 'node:perf_hooks';
import { type LabelledDoc, type Suggestions, type SuggestRequest, type TextClassifier, trainClassifier } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { caseFeatures } from './features.js';
import { suggestRepository as repo } from './suggest.repository.js';

interface Models {
  category: TextClassifier;
  unit: TextClassifier;
  categoryNames: Map<string, string>;
  unitNames: Map<string, string>;
  cases: number;
}

const TOP = 3;

/**
 * Category and unit suggestion at registration (SPEC §9): two Naive Bayes models learned from the
 * platform's own handled cases, held in memory, trained on first use, retrained on demand and on a
 * schedule (jobs/index.ts).
 */
export function createSuggestService({ db }: { db: Kysely<DB> }) {
  let models: Promise<Models> | undefined;

  async function train(): Promise<Models> {
    const categoryDocs: LabelledDoc[] = [];
    const unitDocs: LabelledDoc[] = [];
    for await (const page of repo.handledCases(db)) {
      for (const c of page) {
        const tokens = caseFeatures(c.title, c.content);
        categoryDocs.push({ tokens, label: c.categoryCode });
        if (c.unitId) unitDocs.push({ tokens, label: c.unitId });
      }
    }
    const [categories, units] = await Promise.all([repo.categoryNames(db), repo.unitNames(db)]);
    return {
      category: trainClassifier(categoryDocs),
      unit: trainClassifier(unitDocs),
      categoryNames: new Map(categories.map((c) => [c.code, c.name])),
      unitNames: new Map(units.map((u) => [u.id, u.name])),
      cases: categoryDocs.length,
    };
  }

  /** Replaces the models only once the new ones are ready; a failed training keeps the old ones. */
  async function retrainNow(): Promise<Models> {
    const next = train();
    const previous = models;
    models = next.catch((error) => {
      models = previous;
      throw error;
    });
    return models;
  }

  return {
    /** Top 3 categories and units for the text of a case being registered; any staff member. */
    async suggest(_actor: Actor, input: SuggestRequest): Promise<Suggestions> {
      const m = await (models ?? retrainNow());
      const tokens = caseFeatures(input.title, input.content);
      return {
        categories: m.category.predict(tokens, TOP).map((p) => ({ code: p.label, name: m.categoryNames.get(p.label) ?? p.label, confidence: p.confidence, terms: p.terms })),
        units: m.unit.predict(tokens, TOP).map((p) => ({ id: p.label, name: m.unitNames.get(p.label) ?? p.label, confidence: p.confidence, terms: p.terms })),
        trainedOn: m.cases,
      };
    },

    /**
     * Retrains both models from the handled cases now, for the scheduled job (jobs/index.ts): the
     * cases closed since the last training are learned without anyone asking.
     */
    async retrainScheduled(): Promise<{ cases: number; seconds: number }> {
      const started = performance.now();
      const m = await retrainNow();
      return { cases: m.cases, seconds: Math.round(performance.now() - started) / 1000 };
    },

    /** Retrains both models from the handled cases now (admin only). */
    async retrain(actor: Actor): Promise<{ cases: number; seconds: number }> {
      assertCan(actor, 'system.maintain');
      const started = performance.now();
      const m = await retrainNow();
      return { cases: m.cases, seconds: Math.round(performance.now() - started) / 1000 };
    },
  };
}

export type SuggestService = ReturnType<typeof createSuggestService>;

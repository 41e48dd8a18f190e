import { performance } from 'node:perf_hooks';
import { type FeatureDoc, hashFeatures, type LinearClassifier, type Suggestions, type SuggestRequest, trainLinearClassifier } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { classifierFeatures } from './features.js';
import { DEFAULT_CATEGORY_KEYWORDS } from './default-keywords.js';
import { suggestRepository as repo } from './suggest.repository.js';
import { type CategoryInfo, type Competence, keywordSuggest, learnCompetence, MODEL_MIN_CASES, suggestUnits, type UnitInfo, UNSURE_BELOW } from './suggest-logic.js';

interface Models {
  /** The learned category model, or null while too few cases are handled (keywords decide). */
  category: LinearClassifier | null;
  categories: CategoryInfo[];
  categoryInfo: Map<string, CategoryInfo>;
  units: UnitInfo[];
  competence: Competence;
  cases: number;
}

const TOP = 3;

/**
 * Category and unit suggestion at registration (SPEC §9, issue 18). Categories: a calibrated
 * logistic regression learned from the platform's handled cases (packages/core/src/
 * linear-classifier.ts), or, below MODEL_MIN_CASES handled cases, keywords from the category
 * tree. Units: competence (who handled the category) and geography (only the government covering
 * the case's area), weighed by the category probabilities (suggest-logic.ts). Held in memory,
 * trained on first use, retrained on demand and on a schedule (jobs/index.ts).
 */
/** The part of the cache bus (cluster/cache-bus.ts) the models use (issue 19: several processes). */
export interface ModelsBus {
  publish(topic: 'models'): Promise<void>;
  on(topic: 'models', listener: (fromThisProcess: boolean) => void): void;
}

export function createSuggestService({ db, modelMinCases = MODEL_MIN_CASES, bus, onError }: { db: Kysely<DB>; modelMinCases?: number; bus?: ModelsBus; onError?: (error: unknown) => void }) {
  let models: Promise<Models> | undefined;
  // Another process retrained: this one learns from the same cases, keeping its models until then.
  bus?.on('models', (fromThisProcess) => {
    if (!fromThisProcess && models) retrainNow().catch((error: unknown) => onError?.(error));
  });

  async function train(): Promise<Models> {
    const docs: FeatureDoc[] = [];
    const handled: Array<{ categoryCode: string; unitId: string | null }> = [];
    for await (const page of repo.handledCases(db)) {
      for (const c of page) {
        docs.push({ features: hashFeatures(classifierFeatures(c.title, c.content)), label: c.categoryCode });
        handled.push({ categoryCode: c.categoryCode, unitId: c.unitId });
      }
    }
    const [categoryRows, unitRows] = await Promise.all([repo.categories(db), repo.units(db)]);
    const categories: CategoryInfo[] = categoryRows.filter((c) => c.isActive).map((c) => ({ code: c.code, parentCode: c.parentCode, name: c.name, defaultUnitId: c.defaultUnitId, keywords: DEFAULT_CATEGORY_KEYWORDS[c.code] ?? [] }));
    const units: UnitInfo[] = unitRows.filter((u) => u.isActive).map((u) => ({ id: u.id, name: u.name, kind: u.kind, areaCode: u.areaCode }));
    const labels = new Set(docs.map((d) => d.label));
    const category = docs.length >= modelMinCases && labels.size >= 2 ? trainLinearClassifier(docs) : null;
    return {
      category,
      categories,
      categoryInfo: new Map(categories.map((c) => [c.code, c])),
      units,
      competence: learnCompetence(handled, new Map(units.map((u) => [u.id, u])), new Map(categoryRows.map((c) => [c.code, c.parentCode]))),
      cases: docs.length,
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
    /** Top categories and units for a case being registered; any staff member. */
    async suggest(_actor: Actor, input: SuggestRequest): Promise<Suggestions> {
      const m = await (models ?? retrainNow());
      const name = (code: string) => m.categoryInfo.get(code)?.name ?? code;
      let categories: Suggestions['categories'];
      let source: Suggestions['source'];
      if (m.category) {
        categories = m.category.predict(classifierFeatures(input.title, input.content), TOP).map((p) => ({ code: p.label, name: name(p.label), confidence: p.confidence, terms: p.terms }));
        source = 'model';
      } else {
        categories = keywordSuggest(`${input.title}\n${input.content}`, m.categories, TOP).map((p) => ({ code: p.code, name: name(p.code), confidence: p.confidence, terms: p.terms }));
        source = categories.length ? 'keywords' : 'none';
      }
      const chosen = input.categoryCode && m.categoryInfo.has(input.categoryCode) ? input.categoryCode : null;
      const weighed = chosen ? [{ code: chosen, p: 1 }] : categories.map((c) => ({ code: c.code, p: c.confidence }));
      const areaName = input.areaCode ? await repo.areaName(db, input.areaCode) : null;
      const units = suggestUnits({ categories: weighed, areaCode: input.areaCode, areaName, units: m.units, categoryInfo: m.categoryInfo, competence: m.competence, k: TOP });
      return {
        categories,
        units,
        trainedOn: m.cases,
        source,
        unsure: source !== 'model' || (categories[0]?.confidence ?? 0) < UNSURE_BELOW,
        categoryCode: chosen ?? categories[0]?.code ?? null,
        modelMinCases,
      };
    },

    /**
     * Retrains from the handled cases now, for the scheduled job (jobs/index.ts): the cases
     * closed since the last training are learned without anyone asking.
     */
    async retrainScheduled(): Promise<{ cases: number; seconds: number }> {
      const started = performance.now();
      const m = await retrainNow();
      await bus?.publish('models');
      return { cases: m.cases, seconds: Math.round(performance.now() - started) / 1000 };
    },

    /** Retrains from the handled cases now (admin only). */
    async retrain(actor: Actor): Promise<{ cases: number; seconds: number }> {
      assertCan(actor, 'system.maintain');
      const started = performance.now();
      const m = await retrainNow();
      await bus?.publish('models');
      return { cases: m.cases, seconds: Math.round(performance.now() - started) / 1000 };
    },
  };
}

export type SuggestService = ReturnType<typeof createSuggestService>;

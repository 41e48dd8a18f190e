import { performance } from 'node:perf_hooks';
import { type Contract, type CategoryKeywordsSchema, type FeatureDoc, type LinearClassifier, type Suggestions, type SuggestKeywords, type SuggestRequest, type SuggestStateSchema, trainLinearClassifier } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { notFound } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { classifierFeatures, classifierHashes } from './features.js';
import { DEFAULT_CATEGORY_KEYWORDS } from './default-keywords.js';
import { suggestRepository as repo } from './suggest.repository.js';
import { type CategoryInfo, categoryKeywords, type Competence, keywordSuggest, learnCompetence, MODEL_MIN_CASES, suggestUnits, type UnitInfo, UNSURE_BELOW } from './suggest-logic.js';

interface Models {
  /** The learned category model, or null while too few cases are handled (keywords decide). */
  category: LinearClassifier | null;
  categories: CategoryInfo[];
  categoryInfo: Map<string, CategoryInfo>;
  units: UnitInfo[];
  competence: Competence;
  cases: number;
  trainedAt: string;
  seconds: number;
}

type CategoryKeywords = Contract<typeof CategoryKeywordsSchema>;

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

export function createSuggestService({ db, modelMinCases = MODEL_MIN_CASES, clock = { now: () => new Date() }, audit, bus, onError }: { db: Kysely<DB>; modelMinCases?: number; clock?: { now(): Date }; audit?: AuditLog; bus?: ModelsBus; onError?: (error: unknown) => void }) {
  let models: Promise<Models> | undefined;
  // Another process retrained: this one learns from the same cases, keeping its models until then.
  bus?.on('models', (fromThisProcess) => {
    if (!fromThisProcess && models) retrainNow().catch((error: unknown) => onError?.(error));
  });

  /**
   * Active categories with their keywords: an admin's (suggest_keywords) replace the built-in
   * ones of the default tree (default-keywords.ts); the name's own pieces always count
   * (`categoryKeywords`).
   */
  async function loadCategories(): Promise<{ categories: CategoryInfo[]; rows: Awaited<ReturnType<typeof repo.categories>>; edited: Map<string, { keywords: string[]; updatedAt: string }> }> {
    const [rows, keywordRows] = await Promise.all([repo.categories(db), repo.keywords(db)]);
    const edited = new Map(keywordRows.map((k) => [k.categoryCode, { keywords: JSON.parse(k.keywords) as string[], updatedAt: k.updatedAt }]));
    const categories = rows.filter((c) => c.isActive).map((c) => ({ code: c.code, parentCode: c.parentCode, name: c.name, defaultUnitId: c.defaultUnitId, keywords: edited.get(c.code)?.keywords ?? DEFAULT_CATEGORY_KEYWORDS[c.code] ?? [] }));
    return { categories, rows, edited };
  }

  async function train(): Promise<Models> {
    const started = performance.now();
    const docs: FeatureDoc[] = [];
    const handled: Array<{ categoryCode: string; unitId: string | null }> = [];
    for await (const page of repo.handledCases(db)) {
      for (const c of page) {
        docs.push({ features: classifierHashes(c.title, c.content), label: c.categoryCode });
        handled.push({ categoryCode: c.categoryCode, unitId: c.unitId });
      }
    }
    const [{ categories, rows: categoryRows }, unitRows] = await Promise.all([loadCategories(), repo.units(db)]);
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
      trainedAt: clock.now().toISOString(),
      seconds: Math.round(performance.now() - started) / 1000,
    };
  }

  /** After an admin edits keywords: the keyword model takes them at once, the learned model stays. */
  async function refreshKeywords(): Promise<void> {
    if (!models) return;
    const current = await models.catch(() => undefined);
    if (!current) return;
    const { categories } = await loadCategories();
    models = Promise.resolve({ ...current, categories, categoryInfo: new Map(categories.map((c) => [c.code, c])) });
  }

  /** A category's keywords as the admin screen shows them. */
  function keywordsView(row: { code: string; name: string; nameEn: string; parentCode: string | null }, edited: ReadonlyMap<string, { keywords: string[]; updatedAt: string }>): CategoryKeywords {
    const own = edited.get(row.code);
    const keywords = own?.keywords ?? [...(DEFAULT_CATEGORY_KEYWORDS[row.code] ?? [])];
    return { code: row.code, name: row.name, nameEn: row.nameEn, parentCode: row.parentCode, keywords, fromName: categoryKeywords({ code: row.code, parentCode: null, name: row.name, defaultUnitId: null }, null), edited: !!own, updatedAt: own?.updatedAt ?? null };
  }

  async function keywordsOf(code: string): Promise<CategoryKeywords> {
    const { rows, edited } = await loadCategories();
    const row = rows.find((r) => r.code === code);
    if (!row) throw notFound();
    return keywordsView(row, edited);
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

    /** The models' state and every active leaf category's keywords (admin). */
    async state(actor: Actor): Promise<Contract<typeof SuggestStateSchema>> {
      assertCan(actor, 'config.manage');
      const m = await (models ?? retrainNow());
      const { rows, edited } = await loadCategories();
      const parents = new Set(rows.map((r) => r.parentCode).filter((c): c is string => !!c));
      return {
        source: m.category ? 'model' : 'keywords',
        cases: m.cases,
        modelMinCases,
        labels: m.category?.labels.length ?? 0,
        temperature: m.category ? m.category.temperature : null,
        trainedAt: m.trainedAt,
        seconds: m.seconds,
        categories: rows.filter((r) => r.isActive && !parents.has(r.code)).map((r) => keywordsView(r, edited)),
      };
    },

    /** Sets a category's cold-start keywords (admin); the keyword suggestion uses them at once. */
    async setKeywords(actor: Actor, code: string, body: SuggestKeywords): Promise<CategoryKeywords> {
      assertCan(actor, 'config.manage');
      await keywordsOf(code); // 404 for an unknown category
      const keywords = [...new Set(body.keywords.map((k) => k.trim()))];
      await repo.setKeywords(db, { categoryCode: code, keywords: JSON.stringify(keywords), updatedBy: actor.userId, updatedAt: clock.now().toISOString() });
      await audit?.append({ actorUserId: actor.userId, action: 'suggest_keywords_set', subjectType: 'category', subjectId: code, detail: { keywords } });
      await refreshKeywords();
      return keywordsOf(code);
    },

    /** Back to the built-in keywords (admin). */
    async resetKeywords(actor: Actor, code: string): Promise<CategoryKeywords> {
      assertCan(actor, 'config.manage');
      await keywordsOf(code);
      await repo.clearKeywords(db, code);
      await audit?.append({ actorUserId: actor.userId, action: 'suggest_keywords_reset', subjectType: 'category', subjectId: code, detail: {} });
      await refreshKeywords();
      return keywordsOf(code);
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

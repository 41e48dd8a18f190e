import { isInSubtree, type UnitReason } from '@lianxin/core';

/**
 * The pure parts of suggestion (issue 18): the keyword model of a county with too few handled
 * cases, and the unit suggestion that respects geography and competence. No database here, so
 * the rules are unit-tested on their own (suggest-logic.test.ts).
 */

/** Below this many handled cases (or fewer than two categories among them) keywords decide. */
export const MODEL_MIN_CASES = 100;
/** A top category below this calibrated probability is shown as unsure: the registrar chooses. */
export const UNSURE_BELOW = 0.6;

export interface CategoryInfo {
  code: string;
  parentCode: string | null;
  name: string;
  defaultUnitId: string | null;
  keywords?: readonly string[];
}

export interface UnitInfo {
  id: string;
  name: string;
  kind: string;
  areaCode: string;
}

/**
 * Keywords of a category from the tree itself: its name, the two-character pieces of its name
 * (低保特困 → 低保, 特困) and of its parent's name, and any keywords admins gave it.
 */
export function categoryKeywords(category: CategoryInfo, parentName: string | null): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const t = w.trim();
    if (Array.from(t).length >= 2) words.add(t);
  };
  const pieces = (name: string) => {
    add(name);
    for (const part of name.split(/[、，,／/和与及\s]+/)) {
      add(part);
      const chars = Array.from(part);
      if (chars.length >= 4) for (let i = 0; i + 2 <= chars.length; i += 2) add(chars.slice(i, i + 2).join(''));
    }
  };
  pieces(category.name);
  for (const k of category.keywords ?? []) add(k);
  if (parentName) for (const part of parentName.split(/[、，,／/和与及\s]+/)) add(part);
  return [...words];
}

export interface KeywordMatch {
  code: string;
  confidence: number;
  terms: string[];
}

/**
 * The cold-start suggestion: categories whose keywords occur in the text, scored by the
 * characters matched (a leaf's own keywords count double its parent's). The "confidence" is the
 * share of the matched score, not a calibrated probability: the form says keywords decided.
 */
export function keywordSuggest(text: string, categories: readonly CategoryInfo[], k = 3): KeywordMatch[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const hasChildren = new Set(categories.map((c) => c.parentCode).filter((c): c is string => !!c));
  const scored: Array<{ code: string; score: number; terms: string[] }> = [];
  for (const c of categories) {
    if (hasChildren.has(c.code)) continue; // suggest leaves, as the form asks for one
    const own = categoryKeywords(c, null);
    const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
    const inherited = parent ? categoryKeywords(parent, null) : [];
    let score = 0;
    const terms: string[] = [];
    for (const w of own) if (text.includes(w)) (score += 2 * Array.from(w).length), terms.push(w);
    for (const w of inherited) if (text.includes(w) && !terms.includes(w)) (score += Array.from(w).length), terms.push(w);
    if (score > 0) scored.push({ code: c.code, score, terms });
  }
  const total = scored.reduce((a, s) => a + s.score, 0);
  return scored
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1))
    .slice(0, k)
    .map((s) => ({ code: s.code, confidence: s.score / total, terms: s.terms.sort((a, b) => Array.from(b).length - Array.from(a).length).slice(0, 5) }));
}

/** Who handled what, learned from handled cases: per category (leaf and its parent), per unit and per unit kind. */
export interface Competence {
  byUnit: Map<string, Map<string, number>>; // category → unit → cases
  byKind: Map<string, Map<string, number>>; // category → unit kind → cases
  total: Map<string, number>; // category → cases
}

export function learnCompetence(handled: ReadonlyArray<{ categoryCode: string; unitId: string | null }>, units: ReadonlyMap<string, UnitInfo>, parents: ReadonlyMap<string, string | null>): Competence {
  const c: Competence = { byUnit: new Map(), byKind: new Map(), total: new Map() };
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const h of handled) {
    const unit = h.unitId ? units.get(h.unitId) : undefined;
    if (!unit) continue;
    const codes = [h.categoryCode, parents.get(h.categoryCode)].filter((x): x is string => !!x);
    for (const code of codes) {
      bump(c.total, code);
      if (!c.byUnit.has(code)) c.byUnit.set(code, new Map());
      if (!c.byKind.has(code)) c.byKind.set(code, new Map());
      bump(c.byUnit.get(code)!, unit.id);
      bump(c.byKind.get(code)!, unit.kind);
    }
  }
  return c;
}

/** A category needs this many handled cases before its own counts speak (else its parent's do). */
const MIN_CATEGORY_CASES = 5;
/** Kinds that stand for an area: only the one covering the case's area may be suggested. */
export const AREA_KINDS = new Set(['township', 'village']);

export interface UnitSuggestion {
  id: string;
  name: string;
  confidence: number;
  terms: string[];
  reasons: UnitReason[];
}

/**
 * Units for a case, best first, at most `k`:
 * - a township/street or village unit only when its area covers the case's `areaCode`; never
 *   another township's government, and none of them without an area;
 * - a county department by its competence: the share of the handled cases of the category it
 *   handled, and the category tree's usual unit;
 * - the area's own government by how often units of its kind handled the category, with a
 *   floor (属地管理: the covering township is always a fair choice).
 * Several categories (with their probabilities) may be weighed at once: the text may be unsure.
 */
export function suggestUnits(input: {
  categories: ReadonlyArray<{ code: string; p: number }>;
  areaCode?: string | null;
  areaName?: string | null;
  units: readonly UnitInfo[];
  categoryInfo: ReadonlyMap<string, CategoryInfo>;
  competence: Competence;
  k?: number;
}): UnitSuggestion[] {
  const { competence, categoryInfo } = input;
  const k = input.k ?? 3;
  const scores = new Map<string, { score: number; reasons: UnitReason[] }>();
  const add = (unitId: string, score: number, reason?: UnitReason) => {
    const s = scores.get(unitId) ?? { score: 0, reasons: [] };
    s.score += score;
    if (reason && !s.reasons.some((r) => JSON.stringify(r) === JSON.stringify(reason))) s.reasons.push(reason);
    scores.set(unitId, s);
  };
  const covering = input.areaCode ? input.units.filter((u) => AREA_KINDS.has(u.kind) && isInSubtree(input.areaCode!, u.areaCode)) : [];
  for (const { code, p } of input.categories) {
    if (p <= 0) continue;
    // The category's own counts, or its parent's when it has too few.
    let basis = code;
    if ((competence.total.get(code) ?? 0) < MIN_CATEGORY_CASES) {
      const parent = categoryInfo.get(code)?.parentCode;
      if (parent && (competence.total.get(parent) ?? 0) >= MIN_CATEGORY_CASES) basis = parent;
    }
    const total = competence.total.get(basis) ?? 0;
    const basisName = categoryInfo.get(basis)?.name ?? basis;
    if (total > 0) {
      for (const [unitId, n] of competence.byUnit.get(basis) ?? []) {
        const unit = input.units.find((u) => u.id === unitId);
        if (!unit || AREA_KINDS.has(unit.kind) || unit.kind === 'center') continue;
        add(unitId, p * (n / total), { kind: 'handles', categoryName: basisName, share: n / total, cases: n });
      }
    }
    const defaultUnit = categoryInfo.get(code)?.defaultUnitId ?? (categoryInfo.get(code)?.parentCode ? categoryInfo.get(categoryInfo.get(code)!.parentCode!)?.defaultUnitId : null);
    const defaultInfo = defaultUnit ? input.units.find((u) => u.id === defaultUnit) : undefined;
    if (defaultInfo && (!AREA_KINDS.has(defaultInfo.kind) || covering.includes(defaultInfo))) {
      add(defaultInfo.id, p * (total > 0 ? 0.25 : 0.6), { kind: 'default', categoryName: categoryInfo.get(code)?.name ?? code });
    }
    for (const unit of covering) {
      const n = competence.byKind.get(basis)?.get(unit.kind) ?? 0;
      const share = total > 0 ? n / total : 0;
      const floor = unit.kind === 'township' ? 0.15 : 0.05;
      add(unit.id, p * Math.max(floor, share), { kind: 'covers', areaName: input.areaName ?? input.areaCode! });
      if (n > 0) add(unit.id, 0, { kind: 'kindHandles', categoryName: basisName, unitKind: unit.kind, share, cases: n });
    }
  }
  const sum = [...scores.values()].reduce((a, s) => a + s.score, 0) || 1;
  const names = new Map(input.units.map((u) => [u.id, u.name]));
  return [...scores.entries()]
    .filter(([, s]) => s.score > 0)
    .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([id, s]) => ({ id, name: names.get(id) ?? id, confidence: s.score / sum, terms: [], reasons: s.reasons.slice(0, 3) }));
}

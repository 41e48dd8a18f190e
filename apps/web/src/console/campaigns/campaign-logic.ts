import { type CampaignTargetListQuery, type Coverage, type CoverageCount, type Grant, holds } from '@lianxin/core';
import type { FieldProblem } from '../../api/client';
import type { StaffMember } from '@lianxin/core';

export type CampaignPhase = 'upcoming' | 'active' | 'ended';
/** Tag colour of each phase. */
export const PHASE_COLORS: Record<CampaignPhase, string> = { upcoming: 'default', active: 'processing', ended: 'success' };

/** Where today (a China-time date) stands in the campaign's period. */
export function campaignPhase(startsOn: string, endsOn: string, today: string): CampaignPhase {
  if (today < startsOn) return 'upcoming';
  if (today > endsOn) return 'ended';
  return 'active';
}

/** Whole percent of a coverage rate (0..1), 0 when there are no targets. */
export const percentOf = (c: Pick<CoverageCount, 'visited' | 'total'>): number => (c.total ? Math.floor((c.visited / c.total) * 100) : 0);

/** One bar of the coverage card. */
export interface CoverageRow {
  key: string;
  /** Null for targets not yet given to a cadre (the page names them). */
  name: string | null;
  visited: number;
  total: number;
  percent: number;
}

/**
 * Coverage per village and per cadre as bars: the weakest first, so whoever lags shows at the top;
 * targets no cadre has yet come last under their own row.
 */
export function coverageRows(c: Coverage): { villages: CoverageRow[]; cadres: CoverageRow[] } {
  const byNeed = (a: CoverageRow, b: CoverageRow) => a.percent - b.percent || b.total - a.total || String(a.name).localeCompare(String(b.name), 'zh-CN');
  const villages = c.byVillage.map((v) => ({ key: v.villageCode, name: v.villageName ?? v.villageCode, visited: v.visited, total: v.total, percent: percentOf(v) })).sort(byNeed);
  const assigned = c.byCadre.filter((r) => r.cadre).map((r) => ({ key: r.cadre!.id, name: r.cadre!.name ?? r.cadre!.id, visited: r.visited, total: r.total, percent: percentOf(r) }));
  const unassigned = c.byCadre.filter((r) => !r.cadre).map((r) => ({ key: 'unassigned', name: null, visited: r.visited, total: r.total, percent: percentOf(r) }));
  return { villages, cadres: [...assigned.sort(byNeed), ...unassigned] };
}

/** How many targets have no cadre yet. */
export const unassignedCount = (c: Coverage): number => c.byCadre.filter((r) => !r.cadre).reduce((n, r) => n + r.total, 0);

/** The share sizes the server's even split gives `cadres` people (the first ones take the remainder). */
export function evenShares(targets: number, cadres: number): number[] {
  if (cadres <= 0) return [];
  const base = Math.floor(targets / cadres);
  return Array.from({ length: cadres }, (_, i) => base + (i < targets % cadres ? 1 : 0));
}

/** The visit form, preset for this campaign and household (the visits pages read these parameters). */
export const recordVisitHref = (campaignId: string, householdId: string) => `/visits/new?campaignId=${encodeURIComponent(campaignId)}&householdIds=${encodeURIComponent(householdId)}`;

/** Query of GET …/targets from the list's filters. */
export function targetQuery(f: { cadre?: string; visited?: 'all' | 'visited' | 'unvisited'; offset?: number; limit?: number }): Partial<CampaignTargetListQuery> {
  return {
    cadre: f.cadre || undefined,
    visited: f.visited === 'visited' ? true : f.visited === 'unvisited' ? false : undefined,
    limit: f.limit ?? 50,
    offset: f.offset || undefined,
  };
}

/**
 * Server field errors renamed to the form's own fields (e.g. the API's `startsAt` is the form's
 * `startTime`); fields the form does not have keep their names.
 */
export const renameFields = (problems: readonly FieldProblem[], names: Record<string, string>): FieldProblem[] =>
  problems.map((p) => {
    const [head, ...rest] = p.field.split('.');
    return names[head] ? { ...p, field: [names[head], ...rest].join('.') } : p;
  });

/**
 * The chosen cadres who may not visit every household of `areaCode`: visits are recorded only in
 * the area a cadre works in (a village cadre: their own village), so an even split over a wider
 * area could hand them households they cannot visit.
 */
export const cadresOutside = (people: readonly StaffMember[], areaCode: string): StaffMember[] =>
  // The directory's grants carry role names as the API lists them.
  people.filter((p) => !holds(p.grants as readonly Grant[], 'field.write', areaCode));

import { computeRates, type MetricCounts, type MetricWeights, type PeerGroup, PEER_GROUPS, subtreeRange, type TypicalKind } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { metricsRepository } from '../metrics/metrics.repository.js';
import type { ResolutionLevels } from '../metrics/resolution-levels.service.js';
import type { SectionBuilder, SectionContext, UnitFigures } from './bulletins.context.js';
import { type Cell, percent, type StoredSection } from './bulletins.model.js';
import { bulletinsRepository as repo } from './bulletins.repository.js';
import { serviceCentreSection } from './bulletins.service-centre.js'; // — service centre —

export type { SectionBuilder, SectionContext, TypicalChoice, UnitFigures } from './bulletins.context.js';

/** Peer group of a unit kind: villages, townships, and county departments (the centre among them). */
export const peerOf = (kind: string): PeerGroup => (kind === 'village' ? 'village' : kind === 'township' ? 'township' : 'department');

/** Unit figures over the area, by responsible unit, as GET /api/metrics counts them. */
export async function loadUnitFigures(ctx: Omit<SectionContext, 'unitCounts'>): Promise<UnitFigures[]> {
  const rows = await metricsRepository.countGroups(
    ctx.db,
    ctx.dialect,
    { scope: { areaRanges: [subtreeRange(ctx.areaCode)], unitIds: [] }, from: ctx.from.toISOString(), to: ctx.to.toISOString(), now: ctx.now.toISOString() },
    { kind: 'unit' },
  );
  const units = new Map((await repo.unitsById(ctx.db, rows.map((r) => r.key))).map((u) => [u.id, u]));
  return rows.flatMap((r) => {
    const unit = units.get(r.key);
    return unit ? [{ unitId: unit.id, name: unit.name, peer: peerOf(unit.kind), counts: r.counts }] : [];
  });
}

/**
 * Ranks units within each peer group by composite score (ties share a rank: 1, 1, 3); units with
 * fewer than `minCases` registered cases are not ranked. Exported for the tests.
 */
export function rankWithinPeers(units: UnitFigures[], weights: MetricWeights, minCases: number) {
  return PEER_GROUPS.map((peer) => {
    const members = units.filter((u) => u.peer === peer);
    const scored = members
      .filter((u) => u.counts.registered >= minCases)
      .map((u) => ({ ...u, rates: computeRates(u.counts, weights) }))
      .sort((a, b) => (b.rates.composite ?? -1) - (a.rates.composite ?? -1) || b.counts.registered - a.counts.registered || a.name.localeCompare(b.name, 'zh-CN'));
    let rank = 0;
    const ranked = scored.map((u, i) => {
      if (i === 0 || u.rates.composite !== scored[i - 1].rates.composite) rank = i + 1;
      return { ...u, rank };
    });
    const unranked = members.filter((u) => u.counts.registered < minCases).map((u) => u.name).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    return { peer, ranked, unranked };
  }).filter((g) => g.ranked.length > 0 || g.unranked.length > 0);
}

const ranking: SectionBuilder = {
  key: 'ranking',
  async build(ctx) {
    const groups = rankWithinPeers(await ctx.unitCounts(), ctx.weights, ctx.minCases);
    const pct = (w: number) => Math.round(w * 100);
    const section: StoredSection = {
      key: 'ranking',
      title: 'bulletin.section.ranking',
      public: true,
      paragraphs: [{ key: 'bulletin.ranking.note', params: { min: ctx.minCases, response: pct(ctx.weights.response), resolution: pct(ctx.weights.resolution), satisfaction: pct(ctx.weights.satisfaction) } }],
      tables: [],
    };
    if (groups.every((g) => g.ranked.length === 0)) section.paragraphs.push({ key: 'bulletin.ranking.empty' });
    for (const g of groups) {
      if (g.ranked.length) {
        section.tables.push({
          caption: { key: `bulletin.peer.${g.peer}` },
          columns: [
            { label: 'bulletin.col.rank', format: 'int' },
            { label: 'bulletin.col.unit', format: 'text' },
            { label: 'bulletin.col.registered', format: 'int' },
            { label: 'bulletin.col.responseRate', format: 'rate' },
            { label: 'bulletin.col.resolutionRate', format: 'rate' },
            { label: 'bulletin.col.satisfactionRate', format: 'rate' },
            { label: 'bulletin.col.composite', format: 'score' },
          ],
          rows: g.ranked.map((u) => [u.rank, u.name, u.counts.registered, u.rates.responseRate, u.rates.resolutionRate, u.rates.satisfactionRate, u.rates.composite]),
        });
      }
      if (g.unranked.length) section.paragraphs.push({ key: `bulletin.ranking.unranked.${g.peer}`, params: { min: ctx.minCases, units: `${g.unranked.join('、')}` } });
    }
    return section;
  },
};

const resolution: SectionBuilder = {
  key: 'resolution',
  async build(ctx) {
    const report = await ctx.resolutionLevels.forArea(ctx.areaCode, ctx.from, ctx.to, 'zh-CN');
    const t = report.total;
    const line = (label: Cell, r: typeof t): Cell[] => [label, r.closed, r.village, r.villageShare, r.township, r.townshipShare, r.county, r.countyShare, r.aboveCompetent, r.aboveCompetentShare];
    return {
      key: 'resolution',
      title: 'bulletin.section.resolution',
      public: true,
      paragraphs: [
        {
          key: 'bulletin.resolution.note',
          params: {
            closed: t.closed,
            village: t.village,
            villageShare: percent(t.villageShare),
            township: t.township,
            townshipShare: percent(t.townshipShare),
            county: t.county,
            countyShare: percent(t.countyShare),
            above: t.aboveCompetent,
            aboveShare: percent(t.aboveCompetentShare),
          },
        },
      ],
      tables: [
        {
          caption: null,
          columns: [
            { label: 'bulletin.col.area', format: 'area' },
            { label: 'bulletin.col.closed', format: 'int' },
            { label: 'bulletin.col.village', format: 'int' },
            { label: 'bulletin.col.villageShare', format: 'rate' },
            { label: 'bulletin.col.township', format: 'int' },
            { label: 'bulletin.col.townshipShare', format: 'rate' },
            { label: 'bulletin.col.county', format: 'int' },
            { label: 'bulletin.col.countyShare', format: 'rate' },
            { label: 'bulletin.col.above', format: 'int' },
            { label: 'bulletin.col.aboveShare', format: 'rate' },
          ],
          rows: [...report.groups.map((g) => line(g.label, g)), line('total', t)],
        },
      ],
    };
  },
};

const overdue: SectionBuilder = {
  key: 'overdue',
  async build(ctx) {
    const units = (await ctx.unitCounts()).filter((u) => u.counts.overdueTotal > 0 || u.counts.overdueOpen > 0);
    units.sort((a, b) => b.counts.overdueTotal - a.counts.overdueTotal || b.counts.overdueOpen - a.counts.overdueOpen || a.name.localeCompare(b.name, 'zh-CN'));
    const total = units.reduce((n, u) => n + u.counts.overdueTotal, 0);
    const open = units.reduce((n, u) => n + u.counts.overdueOpen, 0);
    return {
      key: 'overdue',
      title: 'bulletin.section.overdue',
      public: true,
      paragraphs: [units.length ? { key: 'bulletin.overdue.note', params: { total, open } } : { key: 'bulletin.overdue.none' }],
      tables: units.length
        ? [
            {
              caption: null,
              columns: [
                { label: 'bulletin.col.unit', format: 'text' },
                { label: 'bulletin.col.overdueTotal', format: 'int' },
                { label: 'bulletin.col.overdueOpen', format: 'int' },
              ],
              rows: units.map((u) => [u.name, u.counts.overdueTotal, u.counts.overdueOpen]),
            },
          ]
        : [],
    };
  },
};

/** 督办 orders by the unit they were addressed to: issued, overdue (answered late or escalated), accepted. */
const supervision: SectionBuilder = {
  key: 'supervision',
  async build(ctx) {
    const rows = await repo.supervisionByUnit(ctx.db, subtreeRange(ctx.areaCode), ctx.from.toISOString(), ctx.to.toISOString());
    const issued = rows.reduce((n, r) => n + r.issued, 0);
    const overdue = rows.reduce((n, r) => n + r.overdue, 0);
    return {
      key: 'supervision',
      title: 'bulletin.section.supervision',
      public: true,
      paragraphs: [issued ? { key: 'bulletin.supervision.note', params: { issued, overdue } } : { key: 'bulletin.supervision.none' }],
      tables: issued
        ? [
            {
              caption: null,
              columns: [
                { label: 'bulletin.col.unit', format: 'text' },
                { label: 'bulletin.col.ordersIssued', format: 'int' },
                { label: 'bulletin.col.ordersOverdue', format: 'int' },
                { label: 'bulletin.col.ordersAccepted', format: 'int' },
              ],
              rows: rows.map((r) => [r.unitName, r.issued, r.overdue, r.accepted]),
            },
          ]
        : [],
    };
  },
};

const accountability: SectionBuilder = {
  key: 'accountability',
  async build(ctx) {
    const rows = await repo.confirmedAccountability(ctx.db, subtreeRange(ctx.areaCode), ctx.from.toISOString(), ctx.to.toISOString());
    const count = rows.reduce((n, r) => n + r.count, 0);
    return {
      key: 'accountability',
      title: 'bulletin.section.accountability',
      public: true,
      paragraphs: [count ? { key: 'bulletin.accountability.note', params: { count } } : { key: 'bulletin.accountability.none' }],
      tables: count
        ? [
            {
              caption: null,
              columns: [
                { label: 'bulletin.col.unit', format: 'text' },
                { label: 'bulletin.col.source', format: 'source' },
                { label: 'bulletin.col.count', format: 'int' },
              ],
              rows: rows.map((r) => [r.unitName, r.reason, r.count]),
            },
          ]
        : [],
    };
  },
};

export const typicalSection: SectionBuilder = {
  key: 'typical',
  async build(ctx) {
    const cases = new Map((await repo.casesById(ctx.db, ctx.typical.map((t) => t.caseId))).map((c) => [c.id, c]));
    const chosen = ctx.typical.filter((t) => cases.has(t.caseId));
    return {
      key: 'typical',
      title: 'bulletin.section.typical',
      // Case titles may name people: never on the portal.
      public: false,
      paragraphs: chosen.length ? [] : [{ key: 'bulletin.typical.none' }],
      tables: chosen.length
        ? [
            {
              caption: null,
              columns: [
                { label: 'bulletin.col.typicalKind', format: 'typical' },
                { label: 'bulletin.col.code', format: 'text' },
                { label: 'bulletin.col.caseTitle', format: 'text' },
                { label: 'bulletin.col.note', format: 'text' },
              ],
              rows: chosen.map((t) => [t.kind, cases.get(t.caseId)!.code, cases.get(t.caseId)!.title, t.note]),
            },
          ]
        : [],
    };
  },
};

/** The body of every bulletin, in order. */
export const BULLETIN_SECTIONS: readonly SectionBuilder[] = [ranking, resolution, overdue, supervision, accountability, typicalSection, /* — service centre — */ serviceCentreSection];

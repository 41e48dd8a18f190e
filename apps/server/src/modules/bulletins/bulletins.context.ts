import type { MetricCounts, MetricWeights, PeerGroup, TypicalKind } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ResolutionLevels } from '../metrics/resolution-levels.service.js';
import type { StoredSection } from './bulletins.model.js';

/** A typical case as chosen by staff. */
export interface TypicalChoice {
  caseId: string;
  kind: TypicalKind;
  note: string;
}

/** What every section builder reads: the bulletin's area and period, and shared lazy figures. */
export interface SectionContext {
  db: Kysely<DB>;
  dialect: Dialect;
  areaCode: string;
  from: Date;
  to: Date;
  now: Date;
  minCases: number;
  weights: MetricWeights;
  typical: TypicalChoice[];
  resolutionLevels: ResolutionLevels;
  /** Metric counts per responsible unit over the area and period (computed once, shared). */
  unitCounts(): Promise<UnitFigures[]>;
}

export interface UnitFigures {
  unitId: string;
  name: string;
  peer: PeerGroup;
  counts: MetricCounts;
}

/**
 * One section of the body. The bulletin is the ordered list `BULLETIN_SECTIONS`; a new section
 * (e.g. supervision orders by unit) is one more builder inserted where it belongs.
 */
export interface SectionBuilder {
  key: string;
  build(ctx: SectionContext): Promise<StoredSection>;
}

/** Answers of /api/campaigns* (modules/campaigns/campaigns.service.ts) and /api/staff. */

export interface Campaign {
  id: string;
  name: string;
  areaCode: string;
  areaName: string;
  /** China-time dates, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  description: string | null;
  createdAt: string;
}

/** Targets and visited targets; `rate` is 0..1, null when there are no targets. */
export interface CoverageCount {
  total: number;
  visited: number;
  rate: number | null;
}

export interface Coverage extends CoverageCount {
  byVillage: Array<CoverageCount & { villageCode: string; villageName: string | null }>;
  /** `cadre` null: targets nobody has been given yet. */
  byCadre: Array<CoverageCount & { cadre: { id: string; name: string | null } | null }>;
}

/** GET /api/campaigns/:id — the campaign and the coverage of the part the reader sees. */
export interface CampaignDetail extends Campaign {
  coverage: Coverage;
}

/** GET /api/campaigns items: the campaign and its totals within the reader's reach. */
export interface CampaignListItem extends Campaign {
  coverage: CoverageCount;
}

export interface CampaignList {
  items: CampaignListItem[];
  nextOffset: number | null;
}

export interface CampaignTarget {
  household: { id: string; address: string; headName: string; tags: string[]; areaCode: string; areaName: string };
  cadre: { id: string; name: string | null } | null;
  visitedAt: string | null;
  visitId: string | null;
}

export interface TargetPage {
  items: CampaignTarget[];
  nextOffset: number | null;
}

/** POST …/targets. */
export interface TargetsAdded {
  added: number;
  coverage: Coverage;
}

/** POST …/assign. */
export interface Assigned {
  assigned: number;
  perCadre: Array<{ cadreUserId: string; count: number }>;
  coverage: Coverage;
}

export type { StaffMember } from '../field-work/StaffSelect';

/**
 * Row types of the projects tables (migration 2026120731_projects): 重点项目, their households,
 * disclosures and linked cases, and the 选房登记 tables. `DB` in schema.ts extends this.
 */
import type { Selectable } from 'kysely';

type Flag = number; // 0 | 1

export interface ProjectTable {
  id: string;
  name: string;
  areaCode: string;
  leadUnitId: string;
  description: string | null;
  orderRule: string;
  lotterySeed: string | null;
  lotteryAlgorithm: string | null;
  drawnAt: string | null;
  drawnBy: string | null;
  resultsPublishedAt: string | null;
  objectionUntil: string | null;
  createdBy: string;
  createdAt: string;
}
export type ProjectRow = Selectable<ProjectTable>;

export interface ProjectHouseholdTable {
  projectId: string;
  householdId: string;
  addedAt: string;
}

export interface ProjectDisclosureTable {
  id: string;
  projectId: string;
  kind: string;
  title: string;
  body: string;
  isPublic: Flag;
  publishedAt: string;
  createdBy: string;
}
export type ProjectDisclosureRow = Selectable<ProjectDisclosureTable>;

export interface ProjectCaseTable {
  projectId: string;
  caseId: string;
  linkedBy: string;
  linkedAt: string;
}

export interface SelectionSlotTable {
  id: string;
  projectId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

export interface SelectionHouseholdTable {
  id: string;
  projectId: string;
  householdId: string;
  number: number;
  entitledArea: number;
  people: number;
  bookingCode: string;
  slotId: string | null;
  drawOrder: number | null;
  state: string;
  desk: string | null;
  calledAt: string | null;
  flatId: string | null;
  chosenAt: string | null;
  chosenBy: string | null;
}
export type SelectionHouseholdRow = Selectable<SelectionHouseholdTable>;

export interface SelectionFlatTable {
  id: string;
  projectId: string;
  building: string;
  unit: string;
  floor: number;
  number: string;
  size: number;
  type: string;
  takenBy: string | null;
  takenAt: string | null;
}
export type SelectionFlatRow = Selectable<SelectionFlatTable>;

/** An objection to the 公示 of selection results (migration 2026120801). */
export interface SelectionObjectionTable {
  id: string;
  projectId: string;
  channel: string;
  drawOrder: number | null;
  text: string;
  nameEnc: string;
  nameMasked: string;
  phoneEnc: string;
  householdId: string | null;
  receivedBy: string | null;
  createdAt: string;
  outcome: string | null;
  reply: string | null;
  handledBy: string | null;
  handledAt: string | null;
}
export type SelectionObjectionRow = Selectable<SelectionObjectionTable>;

export interface ProjectTables {
  projects: ProjectTable;
  projectHouseholds: ProjectHouseholdTable;
  projectDisclosures: ProjectDisclosureTable;
  projectCases: ProjectCaseTable;
  selectionSlots: SelectionSlotTable;
  selectionHouseholds: SelectionHouseholdTable;
  selectionFlats: SelectionFlatTable;
  selectionObjections: SelectionObjectionTable;
}

/** Answers of /api/households* and /api/tags (modules/households). */

export interface HouseholdTag {
  code: string;
  nameZh: string;
  nameEn: string | null;
  color: string;
}

export interface Household {
  id: string;
  areaCode: string;
  areaName: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  headName: string;
  contact: { id: string; name: string | null } | null;
  tags: string[];
  memberCount: number;
  needs: string | null;
  notes: string | null;
  archivedAt: string | null;
  version: number;
}

export interface Member {
  id: string;
  name: string;
  relationship: string;
  isHead: boolean;
  gender: string | null;
  birthYear: number | null;
  idNumber: string | null;
  phone: string | null;
  note: string | null;
}

export interface HouseholdDetail extends Household {
  members: Member[];
  canEdit?: boolean;
  canReveal?: boolean;
}

export interface RevealedMember {
  id: string;
  name: string;
  relationship: string;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
}

export interface HouseholdHistory {
  visits: { id: string; kind: string; occurredAt: string; place: string | null; notes: string | null; delivered: string[]; cadreName: string | null; caseId: string | null }[];
  campaigns: { id: string; name: string; startsOn: string; endsOn: string | null; visitedAt: string | null }[];
  cases: { id: string; code: string; title: string; status: string; channel: string; registeredAt: string; closedAt: string | null }[];
  help: { id: string; kind: string; description: string; amount: number | null; unitName: string | null; provider: string | null; givenOn: string }[];
}

export interface ImportAnswer {
  total: number;
  imported: number;
  failed: number;
  errors: { row: number; column: string; field: string; message: string }[];
}

export interface AreaNode {
  code: string;
  name: string;
  level: string;
  children?: AreaNode[];
}

import {
  type Contract,
  type HelpSchema,
  type HouseholdDetailSchema,
  type HouseholdHistorySchema,
  type HouseholdPageSchema,
  type HouseholdRevealSchema,
  type HouseholdSchema,
  maskIdNumber,
  maskPhone,
  type MemberSchema,
  type RevealedMemberSchema,
  type TagListSchema,
  type TagSchema,
} from '@lianxin/core';
import type { HouseholdHelpRow, HouseholdMemberRow, HouseholdRow, TagRow } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';

/** ",dibao,veteran," → ['dibao', 'veteran']. */
export const tagList = (tagCodes: string): string[] => tagCodes.split(',').filter(Boolean);
/** ['veteran', 'dibao'] → ",dibao,veteran," (sorted, so equal sets are equal strings). */
export const tagText = (codes: readonly string[]): string => (codes.length ? `,${[...new Set(codes)].sort().join(',')},` : '');

/** The names a list row shows next to codes. */
export interface HouseholdNames {
  areaNames: Map<string, string>;
  userNames: Map<string, string>;
}

/** A household in a list or on its page, personal data masked. */
export function presentHousehold(h: HouseholdRow, names: HouseholdNames): Contract<typeof HouseholdSchema> {
  return {
    id: h.id,
    areaCode: h.areaCode,
    areaName: names.areaNames.get(h.areaCode) ?? null,
    address: h.address,
    lat: h.lat,
    lng: h.lng,
    headName: h.headNameMasked,
    contact: h.contactUserId ? { id: h.contactUserId, name: names.userNames.get(h.contactUserId) ?? null } : null,
    tags: tagList(h.tagCodes),
    memberCount: h.memberCount,
    needs: h.needs,
    notes: h.notes,
    archivedAt: h.archivedAt,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    version: h.version,
  };
}

/** A keyset page of households. */
export const presentHouseholdList = (rows: HouseholdRow[], names: HouseholdNames, nextCursor: string | null): Contract<typeof HouseholdPageSchema> => ({
  items: rows.map((h) => presentHousehold(h, names)),
  nextCursor,
});

/** A member with name, phone and ID number masked; only the year of birth. */
export function presentMember(m: HouseholdMemberRow, cipher: Cipher): Contract<typeof MemberSchema> {
  const open = (value: string | null, mask: (v: string) => string) => (value ? mask(cipher.decrypt(value)) : null);
  return {
    id: m.id,
    name: m.nameMasked,
    relationship: m.relationship,
    isHead: !!m.isHead,
    gender: m.gender,
    birthYear: m.birthDate ? Number(m.birthDate.slice(0, 4)) : null,
    idNumber: open(m.idNumberEnc, maskIdNumber),
    phone: open(m.phoneEnc, maskPhone),
    note: m.note,
  };
}

/** The household's page: itself, its members (masked) and what the actor may do with it. */
export function presentHouseholdDetail(
  h: HouseholdRow,
  names: HouseholdNames,
  members: HouseholdMemberRow[],
  cipher: Cipher,
  actions: { canEdit: boolean; canReveal: boolean },
): Contract<typeof HouseholdDetailSchema> {
  return { ...presentHousehold(h, names), members: members.map((m) => presentMember(m, cipher)), ...actions };
}

/** A member in full, for the audited reveal. */
export function revealMember(m: HouseholdMemberRow, cipher: Cipher): Contract<typeof RevealedMemberSchema> {
  const open = (value: string | null) => (value ? cipher.decrypt(value) : null);
  return { id: m.id, name: cipher.decrypt(m.nameEnc), relationship: m.relationship, birthDate: m.birthDate, idNumber: open(m.idNumberEnc), phone: open(m.phoneEnc) };
}

/** The audited reveal of a household's personal data. */
export const presentReveal = (h: HouseholdRow, members: HouseholdMemberRow[], cipher: Cipher): Contract<typeof HouseholdRevealSchema> => ({
  headName: cipher.decrypt(h.headNameEnc),
  members: members.map((m) => revealMember(m, cipher)),
});

export const presentTag = (t: TagRow): Contract<typeof TagSchema> => ({
  code: t.code,
  nameZh: t.nameZh,
  nameEn: t.nameEn,
  color: t.color,
  isBuiltin: !!t.isBuiltin,
  isActive: !!t.isActive,
  sort: t.sort,
});

export const presentTags = (rows: TagRow[]): Contract<typeof TagListSchema> => ({ items: rows.map(presentTag) });

export const presentHelp = (h: HouseholdHelpRow): Contract<typeof HelpSchema> => ({
  id: h.id,
  householdId: h.householdId,
  kind: h.kind,
  description: h.description,
  amount: h.amount,
  unitId: h.unitId,
  provider: h.provider,
  givenOn: h.givenOn,
  recordedBy: h.recordedBy,
  createdAt: h.createdAt,
});

type History = Contract<typeof HouseholdHistorySchema>;

/** Everything that happened to a household, as its page shows it. */
export function presentHistory(
  householdId: string,
  rows: {
    visits: (Omit<History['visits'][number], 'delivered'> & { delivered: string })[];
    campaigns: History['campaigns'];
    cases: Omit<History['cases'][number], 'linkedBy'>[];
    help: (HouseholdHelpRow & { unitName: string | null })[];
  },
): History {
  return {
    visits: rows.visits.map((v) => ({ ...v, delivered: JSON.parse(v.delivered) as string[] })),
    campaigns: rows.campaigns,
    cases: rows.cases.map((c) => ({ ...c, linkedBy: c.householdId === householdId ? 'household' : 'member' })),
    help: rows.help.map((h) => ({ id: h.id, kind: h.kind, description: h.description, amount: h.amount, unitId: h.unitId, unitName: h.unitName, provider: h.provider, givenOn: h.givenOn, createdAt: h.createdAt })),
    applications: [],
  };
}

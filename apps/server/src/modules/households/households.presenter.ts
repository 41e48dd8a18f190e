import { maskIdNumber, maskPhone } from '@lianxin/core';
import type { HouseholdMemberRow, HouseholdRow } from '../../db/schema.js';
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
export function presentHousehold(h: HouseholdRow, names: HouseholdNames) {
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

/** A member with name, phone and ID number masked; only the year of birth. */
export function presentMember(m: HouseholdMemberRow, cipher: Cipher) {
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

/** A member in full, for the audited reveal. */
export function revealMember(m: HouseholdMemberRow, cipher: Cipher) {
  const open = (value: string | null) => (value ? cipher.decrypt(value) : null);
  return { id: m.id, name: cipher.decrypt(m.nameEnc), relationship: m.relationship, birthDate: m.birthDate, idNumber: open(m.idNumberEnc), phone: open(m.phoneEnc) };
}

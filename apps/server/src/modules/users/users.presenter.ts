import { type Contract, type Locale, maskPhone, type Role, type StaffMemberSchema, type UserSchema } from '@lianxin/core';
import type { UserRow } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import type { GrantRow } from './users.repository.js';

/** A user for the admin pages → its response contract: phone masked, never the password hash. */
export function presentUser(u: UserRow, grants: readonly GrantRow[], cipher: Cipher): Contract<typeof UserSchema> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phoneEnc ? maskPhone(cipher.decrypt(u.phoneEnc)) : null,
    locale: u.locale as Locale,
    isActive: u.isActive === 1,
    locked: u.lockedAt !== null,
    createdAt: u.createdAt,
    grants: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({ role: g.role as Role, unitId: g.unitId, unitName: g.unitName, areaCode: g.areaCode, unitIsActive: g.unitIsActive === 1 })),
  };
}

/** A colleague for pickers → GET /api/staff: names and the roles held in active units. */
export function presentStaffMember(u: { id: string; username: string; displayName: string }, grants: readonly GrantRow[]): Contract<typeof StaffMemberSchema> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    grants: grants.filter((g) => g.userId === u.id && g.unitIsActive).map((g) => ({ role: g.role as Role, unitId: g.unitId, unitName: g.unitName, areaCode: g.areaCode })),
  };
}

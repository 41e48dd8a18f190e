import { maskPhone, type Role } from '@lianxin/core';
import type { UserRow } from '../../db/schema.js';
import type { Cipher } from '../../security/cipher.js';
import type { GrantRow } from './users.repository.js';

/** A user for the admin pages: phone masked, never the password hash. */
export function presentUser(u: UserRow, grants: readonly GrantRow[], cipher: Cipher) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phoneEnc ? maskPhone(cipher.decrypt(u.phoneEnc)) : null,
    locale: u.locale,
    isActive: u.isActive === 1,
    createdAt: u.createdAt,
    grants: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({ role: g.role as Role, unitId: g.unitId, unitName: g.unitName, areaCode: g.areaCode, unitIsActive: g.unitIsActive === 1 })),
  };
}

import type { Locale, Role } from '@lianxin/core';

/** A role the user holds in a unit; the unit's area bounds what the role reaches. */
export interface RoleGrant {
  role: Role;
  unitId: string;
  unitName: string;
  areaCode: string;
  /** For display only (the console's header). */
  areaName?: string;
}

/** The signed-in staff member a request acts for; what they may do is the access module's to say (access.ts). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  locale: Locale;
  grants: RoleGrant[];
  sessionId: string;
  csrfToken: string;
}

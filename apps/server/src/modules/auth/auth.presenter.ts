import { type Contract, label, type MeSchema } from '@lianxin/core';
import type { Actor } from '../../access/actor.js';

/** The signed-in actor → its response contract, role names in the actor's language. */
export const presentMe = (actor: Actor): Contract<typeof MeSchema> => ({
  userId: actor.userId,
  username: actor.username,
  displayName: actor.displayName,
  locale: actor.locale,
  csrfToken: actor.csrfToken,
  roles: actor.grants.map((g) => ({
    role: g.role,
    roleLabel: label('role', g.role, actor.locale),
    unitId: g.unitId,
    unitName: g.unitName,
    areaCode: g.areaCode,
    ...(g.areaName === undefined ? {} : { areaName: g.areaName }),
  })),
});

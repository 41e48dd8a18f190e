import { CASE_ACTIONS, type CaseAction, isActionAllowed, type Role } from '@lianxin/core';
import type { CaseRow } from '../../db/schema.js';
import type { Actor } from '../../access/actor.js';
import { isInSubtree } from '@lianxin/core';

/** True when the actor holds one of `roles` in a unit whose area contains the case. */
export function hasRoleOverArea(actor: Actor, roles: readonly Role[], areaCode: string): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && isInSubtree(areaCode, g.areaCode));
}

/** True when the actor holds one of `roles` in the unit now handling the case. */
function hasRoleInCurrentUnit(actor: Actor, roles: readonly Role[], c: CaseRow): boolean {
  return c.currentUnitId !== null && actor.grants.some((g) => roles.includes(g.role) && g.unitId === c.currentUnitId);
}

const UNIT_WORKERS: readonly Role[] = ['handler', 'unit_head'];

/**
 * Who may take each action on a case they can see (SPEC §1 roles). State is checked separately
 * by the state machine; this table says only *who*.
 */
const WHO_MAY: Record<CaseAction, (actor: Actor, c: CaseRow) => boolean> = {
  dispatch: (a, c) => hasRoleOverArea(a, ['dispatcher'], c.areaCode),
  accept: (a, c) => hasRoleInCurrentUnit(a, UNIT_WORKERS, c),
  return: (a, c) => hasRoleInCurrentUnit(a, UNIT_WORKERS, c),
  add_co_unit: (a, c) => hasRoleInCurrentUnit(a, UNIT_WORKERS, c),
  request_extension: (a, c) => hasRoleInCurrentUnit(a, UNIT_WORKERS, c),
  approve_extension: (a, c) => hasRoleInCurrentUnit(a, ['unit_head'], c) || hasRoleOverArea(a, ['supervisor'], c.areaCode),
  reject_extension: (a, c) => hasRoleInCurrentUnit(a, ['unit_head'], c) || hasRoleOverArea(a, ['supervisor'], c.areaCode),
  reply: (a, c) => hasRoleInCurrentUnit(a, UNIT_WORKERS, c),
  // The resident evaluates through the signed link, never through a staff session.
  evaluate: () => false,
  callback: (a, c) => a.userId === c.firstContactUserId || hasRoleOverArea(a, ['registrar', 'dispatcher', 'supervisor'], c.areaCode),
  close: (a, c) => hasRoleOverArea(a, ['dispatcher', 'supervisor'], c.areaCode),
  reopen: (a, c) => hasRoleOverArea(a, ['supervisor'], c.areaCode),
  resolve_on_spot: (a, c) => hasRoleOverArea(a, ['registrar', 'dispatcher'], c.areaCode),
  not_accept: (a, c) => hasRoleOverArea(a, ['dispatcher'], c.areaCode),
  merge: (a, c) => hasRoleOverArea(a, ['dispatcher'], c.areaCode),
  assign_leader: (a, c) => hasRoleOverArea(a, ['dispatcher', 'supervisor', 'leader'], c.areaCode) || hasRoleInCurrentUnit(a, ['unit_head'], c),
  request_review: (a, c) => hasRoleOverArea(a, ['registrar', 'dispatcher'], c.areaCode),
  request_rereview: (a, c) => hasRoleOverArea(a, ['registrar', 'dispatcher'], c.areaCode),
  complete_review: (a, c) => hasRoleOverArea(a, ['supervisor', 'leader'], c.areaCode) || hasRoleInCurrentUnit(a, UNIT_WORKERS, c),
  complete_rereview: (a, c) => hasRoleOverArea(a, ['supervisor', 'leader'], c.areaCode) || hasRoleInCurrentUnit(a, UNIT_WORKERS, c),
};

/** May this actor take this action on this case, judging by role only? */
export function canTake(actor: Actor, action: CaseAction, c: CaseRow): boolean {
  return WHO_MAY[action](actor, c);
}

/** The actions the actor may take now: allowed by the state machine and by role. */
export function availableActions(actor: Actor, c: CaseRow): CaseAction[] {
  return CASE_ACTIONS.filter((action) => isActionAllowed(c.status as never, action) && canTake(actor, action, c));
}

/** Roles that may register cases (in their own area); the list lives in core, shared with the console. */
export { REGISTERING_ROLES } from '@lianxin/core';

/** Roles that may read a requester's full name, phone and ID number (each read is audited). */
export function canSeePersonalData(actor: Actor, c: CaseRow): boolean {
  return (
    actor.userId === c.firstContactUserId ||
    hasRoleInCurrentUnit(actor, UNIT_WORKERS, c) ||
    hasRoleOverArea(actor, ['registrar', 'dispatcher', 'supervisor', 'leader'], c.areaCode)
  );
}

import { holds, isInRanges, mayAnswerForUnit, rangesOf, UNIT_ANSWER_ROLES } from '@lianxin/core';
import type { Actor } from '../../access/actor.js';
import type { SupervisionOrderRow } from '../../db/supervision.tables.js';
import { forbidden, outOfScope } from '../../errors.js';
import type { OrderReach } from './supervision.repository.js';

/**
 * Who may see and act on a supervision order, from the rules of `@lianxin/core`: those holding
 * `supervision.issue` over the order's area read and review it; the addressed unit's workers
 * (`UNIT_ANSWER_ROLES`) read it, sign for it and respond.
 */

/** Where the actor reaches orders; 403 when nowhere. */
export function orderReach(actor: Actor): OrderReach {
  const areaRanges = rangesOf(actor.grants, 'supervision.issue');
  const unitIds = [...new Set(actor.grants.filter((g) => UNIT_ANSWER_ROLES.includes(g.role)).map((g) => g.unitId))];
  if (areaRanges.length === 0 && unitIds.length === 0) throw forbidden();
  return { areaRanges, unitIds };
}

/** Refuses an order outside the actor's reach (403 out_of_scope). */
export function assertSeesOrder(actor: Actor, order: SupervisionOrderRow): void {
  const reach = orderReach(actor);
  if (!isInRanges(reach.areaRanges, order.areaCode) && !reach.unitIds.includes(order.unitId)) throw outOfScope();
}

/** What the actor may do with the order now (role and state). */
export function orderMay(actor: Actor, order: SupervisionOrderRow) {
  const answers = mayAnswerForUnit(actor.grants, order.unitId);
  const reviews = holds(actor.grants, 'supervision.issue', order.areaCode);
  return {
    sign: answers && order.state === 'issued',
    respond: answers && (order.state === 'signed' || order.state === 'returned'),
    accept: reviews && order.state === 'responded',
    return: reviews && order.state === 'responded',
  };
}

/** Whether the actor answers for the order's unit (sign, respond) or reviews it (accept, return). */
export const answersFor = (actor: Actor, unitId: string) => mayAnswerForUnit(actor.grants, unitId);
export const reviews = (actor: Actor, order: SupervisionOrderRow) => holds(actor.grants, 'supervision.issue', order.areaCode);

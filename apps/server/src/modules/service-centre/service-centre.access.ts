import { holds, isInRanges, rangesOf, type ServiceLevel, type ServiceState } from '@lianxin/core';
import type { Actor } from '../../access/actor.js';
import type { ServiceApplicationRow, ServiceItemRow } from '../../db/service-centre.tables.js';
import { forbidden, outOfScope } from '../../errors.js';
import type { ApplicationReach } from './service-centre.repository.js';

/**
 * Who may see and act on a service application, from the rules of `@lianxin/core`:
 * `service.read` over the applicant's village reads it (a village proxy: only their villages);
 * `service.apply` over the village takes it and supplements materials; `service.decide` over the
 * deciding area (the item's level above the village) decides it. The proxy who carries an
 * application always sees it.
 */

/** The area whose deciders decide an application of `level` from the village `areaCode`. */
export function decidingAreaOf(level: ServiceLevel, areaCode: string): string {
  const village = areaCode.slice(0, 12);
  if (level === 'township') return `${village.slice(0, 9)}000`;
  if (level === 'county') return `${village.slice(0, 6)}000000`;
  return village;
}

/** Where the actor reads applications; 403 when nowhere and never a proxy. */
export function applicationReach(actor: Actor): ApplicationReach {
  const areaRanges = rangesOf(actor.grants, 'service.read');
  if (areaRanges.length === 0 && !holds(actor.grants, 'service.apply')) throw forbidden();
  return { areaRanges, userId: actor.userId };
}

/** Refuses an application the actor does not reach (403 out_of_scope). */
export function assertSeesApplication(actor: Actor, a: ServiceApplicationRow): void {
  const reach = applicationReach(actor);
  if (a.proxyUserId === actor.userId) return;
  if (!isInRanges(reach.areaRanges, a.areaCode) && !decides(actor, a)) throw outOfScope();
}

export const decides = (actor: Actor, a: Pick<ServiceApplicationRow, 'decidingAreaCode'>) => holds(actor.grants, 'service.decide', a.decidingAreaCode);
export const applies = (actor: Actor, a: Pick<ServiceApplicationRow, 'areaCode' | 'proxyUserId'>) => a.proxyUserId === actor.userId || holds(actor.grants, 'service.apply', a.areaCode);

/** What the actor may do with the application now (role and state): the page shows exactly these buttons. */
export function applicationMay(actor: Actor, a: ServiceApplicationRow, item: Pick<ServiceItemRow, 'needsCollective'>) {
  const d = decides(actor, a);
  const p = applies(actor, a);
  const s = a.state as ServiceState;
  return {
    receive: d && s === 'submitted',
    request_materials: d && (s === 'received' || s === 'supplemented' || s === 'reviewing'),
    supplement: (p || d) && s === 'materials_requested',
    review: d && (s === 'received' || s === 'supplemented'),
    to_committee: d && s === 'reviewing' && item.needsCollective === 1,
    approve: d && s === 'reviewing' && item.needsCollective !== 1,
    refuse: d && (s === 'received' || s === 'supplemented' || s === 'reviewing' || s === 'committee'),
    deliver: (p || d) && (s === 'approved' || s === 'refused'),
    reveal: d || holds(actor.grants, 'service.apply', a.areaCode),
    answerObjection: d && s === 'publicity',
  };
}
export type ApplicationMay = ReturnType<typeof applicationMay>;

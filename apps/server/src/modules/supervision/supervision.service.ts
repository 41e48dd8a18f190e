import { createSupervisionCaseSteps } from './supervision.case-steps.js';
import { createSupervisionOrders, type SupervisionDeps } from './supervision.orders.js';

/** 督办 · 催办 · 批示 (SPEC §2 Supervision): orders, urges and instructions, each an event on its cases and audited. */
export function createSupervisionService(deps: SupervisionDeps) {
  const orders = createSupervisionOrders(deps);
  const caseSteps = createSupervisionCaseSteps(deps, orders);
  return { orders, caseSteps, sweepOverdue: orders.sweepOverdue };
}
export type SupervisionService = ReturnType<typeof createSupervisionService>;

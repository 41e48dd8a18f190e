import { z } from 'zod';

/** Kinds of early-warning alert (预警, SPEC §8). */
export const ALERT_KINDS = ['hotspot', 'repeat_requester', 'risk_words'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** open → acknowledged → task_created | dismissed (an open alert may also go straight to either). */
export const ALERT_STATUSES = ['open', 'acknowledged', 'task_created', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Query of the alert list (GET /api/alerts), newest first. */
export const AlertListQuerySchema = z.object({
  status: z.enum(ALERT_STATUSES).optional().describe('Only alerts in this status'),
  kind: z.enum(ALERT_KINDS).optional().describe('Only alerts of this kind'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Alerts to skip'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});
export type AlertListQuery = z.infer<typeof AlertListQuerySchema>;

/** Body of POST /api/alerts/:id/dismiss. */
export const AlertDismissSchema = z.object({
  reason: z.string().trim().min(1).max(500).describe('Why the alert needs no action'),
});
export type AlertDismiss = z.infer<typeof AlertDismissSchema>;

/** Body of POST /api/alerts/:id/task: a proactive task (主动治理 · 未诉先办) dispatched to a unit. */
export const AlertTaskSchema = z.object({
  title: z.string().trim().min(1).max(120).optional().describe('Title of the task (default: the alert title)'),
  unitId: z.string().trim().min(1).max(64).describe('Unit the task is dispatched to'),
});
export type AlertTask = z.infer<typeof AlertTaskSchema>;

/** Path parameter of the alert routes. */
export const AlertIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
